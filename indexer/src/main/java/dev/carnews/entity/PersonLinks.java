package dev.carnews.entity;

import dev.carnews.analysis.NameKeys;
import dev.carnews.nlp.PersonNames;
import dev.carnews.nlp.WordClasses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person across the archive: links a bare surname ({@code Reagan}, {@code de Meo}) or a first
 * name alone ({@code Kiichi}) that the tagger kept as a person value of its own to the one full
 * name the archive uses for it around the same time ({@code Ronald Reagan}, {@code Kiichi
 * Miyazawa}).
 *
 * <p>The tagger already joins short forms to a full name written in the same article ({@link
 * PersonResolver}); what reaches the archive as a bare name comes from articles that never write it
 * in full. For each of those articles the candidates are the archive's full names that end with the
 * short value (or, for one word that ends no full name, start with it) and that appear in an
 * article published within the window of it. An article that carries one candidate itself is linked
 * to it whatever the dates. Forms of one full name that share its first and last word ({@code James
 * Baker}, {@code James A. Baker}) count as one person, under the most frequent form.
 *
 * <p>A value is linked when its articles point to exactly one person, none of them is ambiguous
 * (two persons in the window: two Bakers) and no more of them lie outside every window than inside
 * one. Otherwise it is kept apart, with the reason and the competing candidates. A first name alone
 * that links to no one (a given name of the gazetteer, or a word the archive only uses as a first
 * name) is reported as not a facet value. Everything comes with its evidence: how many articles,
 * their first and last dates, the candidates and how many articles each explained.
 *
 * <p>Pure and deterministic: the result depends only on the articles given, not on their order.
 */
public final class PersonLinks {

  /** The default window: a quarter on either side of an article. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  /**
   * Articles in the window a candidate needs to dominate others there: {@link #MAX_MINOR_ARTICLES}
   * for each of them, at least {@link #MIN_LEADER_SHARE} of their articles together.
   */
  static final int MIN_LEADER_ARTICLES = 3;

  /**
   * A candidate named in this few articles of the window is a minor one: a one-off relative ({@code
   * Nancy Reagan} beside {@code Ronald Reagan}), a misspelling or a tagging slip ({@code Senate
   * Reagan}). Two candidates each named in more (two Bakers) make the short form ambiguous.
   */
  static final int MAX_MINOR_ARTICLES = 1;

  /** The share of the window's candidate articles the leader needs over minor candidates. */
  static final double MIN_LEADER_SHARE = 0.75;

  /**
   * The share of a value's articles that may write it as part of another name (a different first
   * name or initials before a surname: {@code H. Lawrance Fuller} where the archive only has {@code
   * Robin Fuller}) before the value is kept apart: those articles are about someone else.
   */
  static final double MAX_OTHER_NAME_SHARE = 0.1;

  private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+(?:-\\p{Lu}?\\p{Ll}+)*");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+");

  private final Duration window;
  private final Predicate<String> givenName;
  private final Predicate<String> firstNameWord;

  /**
   * @param window how far apart (either way) an article with the short value and one with the full
   *     name may be published for the full name to count as a candidate
   * @param givenName whether a folded word is a given name and never a surname (the name
   *     gazetteer's {@code first} class); decides which unlinked one-word values are first names
   */
  public PersonLinks(Duration window, Predicate<String> givenName) {
    this(window, givenName, givenName);
  }

  /**
   * @param window as above
   * @param givenName as above
   * @param firstNameWord whether a folded word can be a first name (the gazetteer's {@code first}
   *     and {@code both}): such a word right before a short surname in an article's text ({@code
   *     Mario Rodriguez}) writes another person's full name
   */
  public PersonLinks(
      Duration window, Predicate<String> givenName, Predicate<String> firstNameWord) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    this.window = window;
    this.givenName = Objects.requireNonNull(givenName, "givenName");
    this.firstNameWord = Objects.requireNonNull(firstNameWord, "firstNameWord");
  }

  /** The name gazetteer the person model's features are built from. */
  static final String GAZETTEER = "/dev/carnews/nlp/features/names.gazetteer";

  /**
   * Links with the bundled name gazetteer's word classes: its {@code first} words are given names,
   * its {@code first} and {@code both} words can be first names.
   */
  public static PersonLinks withBundledGazetteer(Duration window) {
    return new PersonLinks(window, nameClass("first"), nameClass("first", "both"));
  }

  /** Words of the bundled name gazetteer in one of the given classes. */
  private static Predicate<String> nameClass(String... wantedClasses) {
    Set<String> wanted = Set.of(wantedClasses);
    try (InputStream in = PersonLinks.class.getResourceAsStream(GAZETTEER)) {
      if (in == null) {
        return word -> false;
      }
      WordClasses classes = new WordClasses(in);
      return word -> wanted.contains(String.valueOf(classes.classOf(word)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The person values of one article, its publication time ({@code null} when unknown) and its text
   * ({@code null} when not at hand: the links then rest on the values and dates alone).
   */
  public record ArticlePersons(String id, Instant published, List<String> persons, String text) {

    /** Copies the list. */
    public ArticlePersons {
      Objects.requireNonNull(id, "id");
      persons = List.copyOf(persons);
    }

    /** An article without its text. */
    public ArticlePersons(String id, Instant published, List<String> persons) {
      this(id, published, persons, null);
    }
  }

  /** How a short value matches a full name: as its surname or as its first name. */
  public enum Form {
    SURNAME,
    FIRST_NAME;

    /** The name in JSON: {@code surname}, {@code first-name}. */
    public String label() {
      return this == SURNAME ? "surname" : "first-name";
    }
  }

  /**
   * One full name that a short value could stand for.
   *
   * @param name its most frequent form
   * @param articles articles carrying it (any of its forms)
   * @param firstSeen its earliest dated article, or null
   * @param lastSeen its latest dated article, or null
   * @param explained articles of the short value linked to it: it was the only candidate there
   * @param cooccurring articles carrying both the short value and this name
   * @param forms its other forms, if several
   */
  public record Candidate(
      String name,
      int articles,
      Instant firstSeen,
      Instant lastSeen,
      int explained,
      int cooccurring,
      List<String> forms) {}

  /**
   * What became of one short value.
   *
   * @param value the short value (most frequent form)
   * @param target the full name it is linked to; null when kept apart
   * @param form how it matches its candidates
   * @param articles articles carrying the value
   * @param firstSeen its earliest dated article, or null
   * @param lastSeen its latest dated article, or null
   * @param linked articles with exactly one candidate (in the window or in the article), or one
   *     that dominates the window
   * @param dominant of those, articles where the candidate dominated others in the window
   * @param ambiguous articles with two or more candidates in the window
   * @param outsideWindow articles with no candidate in the window
   * @param reason why it is linked or kept apart, in words
   * @param candidates every candidate, most explaining first
   */
  public record Decision(
      String value,
      String target,
      Form form,
      int articles,
      Instant firstSeen,
      Instant lastSeen,
      int linked,
      int dominant,
      int ambiguous,
      int outsideWindow,
      String reason,
      List<Candidate> candidates) {

    /** Whether the value is linked to a full name. */
    public boolean isLink() {
      return target != null;
    }
  }

  /**
   * A one-word value that is a first name and links to no one.
   *
   * @param value the value
   * @param articles articles carrying it
   * @param reason why it is a first name and why it links to no one
   * @param candidates full names starting with it anywhere in the archive, if any
   */
  public record LoneFirstName(
      String value, int articles, String reason, List<Candidate> candidates) {}

  /**
   * The links of an archive.
   *
   * @param links values linked to a full name, by value
   * @param apart short values kept apart, by value
   * @param loneFirstNames first names alone that are not facet values, by value
   * @param valuesBefore distinct person values (folded) before linking
   * @param valuesAfter distinct person values after the links and without the lone first names
   * @param articlesReattributed articles carrying a linked value, each counted once
   */
  public record Result(
      List<Decision> links,
      List<Decision> apart,
      List<LoneFirstName> loneFirstNames,
      int valuesBefore,
      int valuesAfter,
      int articlesReattributed) {}

  /** Links the short person values of the given articles. */
  public Result link(Collection<ArticlePersons> articles) {
    List<ArticlePersons> sorted = new ArrayList<>(articles);
    sorted.sort(Comparator.comparing(ArticlePersons::id));
    Map<String, Value> values = new LinkedHashMap<>();
    for (ArticlePersons article : sorted) {
      Set<String> seen = new HashSet<>();
      for (String person : article.persons()) {
        String key = NameKeys.key(person);
        if (key.isEmpty() || !seen.add(key)) {
          continue;
        }
        values.computeIfAbsent(key, Value::new).add(person, article);
      }
    }
    List<Value> all = new ArrayList<>(values.values());
    all.sort(Comparator.comparing(v -> v.key));
    // Full names by their last words (surname forms) and by their first word (first-name forms).
    Map<String, List<Value>> byEnding = new HashMap<>();
    Map<String, List<Value>> byFirst = new HashMap<>();
    Set<String> lastWords = new HashSet<>();
    for (Value v : all) {
      // A full name only ever written in capitals comes from headlines and tables ("CHAD
      // AIRSTRIP", "DENVER ROUTE"), where the name model reads any two words as a name: no target.
      if (v.isShort() || v.onlyCapitals()) {
        continue;
      }
      for (int n = 1; n < v.words.size(); n++) {
        String ending = String.join(" ", v.words.subList(v.words.size() - n, v.words.size()));
        byEnding.computeIfAbsent(ending, k -> new ArrayList<>()).add(v);
      }
      byFirst.computeIfAbsent(v.words.get(0), k -> new ArrayList<>()).add(v);
      lastWords.add(v.words.get(v.words.size() - 1));
    }
    List<Decision> links = new ArrayList<>();
    List<Decision> apart = new ArrayList<>();
    List<LoneFirstName> lone = new ArrayList<>();
    Set<String> reattributed = new HashSet<>();
    for (Value v : all) {
      if (!v.isShort()) {
        continue;
      }
      String notPerson = notPerson(v);
      String joined = String.join(" ", v.words);
      List<Value> bySurname = byEnding.getOrDefault(joined, List.of());
      boolean oneWord = v.words.size() == 1;
      List<Value> byFirstName =
          oneWord ? byFirst.getOrDefault(v.words.get(0), List.of()) : List.<Value>of();
      List<Person> surnamed = persons(bySurname);
      List<Person> firstNamed = persons(byFirstName);
      // A word more people of the archive carry as their first name than as their surname ("Paul":
      // Paul Volcker and many more, against Pope John Paul) is read as a first name.
      boolean surname = !surnamed.isEmpty() && surnamed.size() >= firstNamed.size();
      if (notPerson != null && (!surnamed.isEmpty() || !firstNamed.isEmpty())) {
        // A place, a month or a firm the tagger took for a name links to a person by accident
        // ("Ontario" to "Ontario Hydro", "June" to "May/early June"): kept apart, with the reason.
        Decision decision =
            surname ? decide(v, surnamed, Form.SURNAME) : decide(v, firstNamed, Form.FIRST_NAME);
        apart.add(
            new Decision(
                decision.value(),
                null,
                decision.form(),
                decision.articles(),
                decision.firstSeen(),
                decision.lastSeen(),
                decision.linked(),
                decision.dominant(),
                decision.ambiguous(),
                decision.outsideWindow(),
                notPerson,
                decision.candidates()));
      } else if (surname) {
        Decision decision = decide(v, surnamed, Form.SURNAME);
        if (decision.isLink()) {
          links.add(decision);
          reattributed.addAll(v.articleIds);
        } else {
          apart.add(decision);
        }
      } else if (!firstNamed.isEmpty()) {
        Decision decision = decide(v, firstNamed, Form.FIRST_NAME);
        if (decision.isLink()) {
          links.add(decision);
          reattributed.addAll(v.articleIds);
        } else {
          lone.add(
              new LoneFirstName(
                  decision.value(),
                  decision.articles(),
                  (surnamed.isEmpty()
                          ? "the archive writes it only as a first name, and "
                          : "the archive writes it more often as a first name than as a surname, and ")
                      + decision.reason(),
                  decision.candidates()));
        }
      } else if (oneWord && givenName.test(v.words.get(0)) && !lastWords.contains(v.words.get(0))) {
        lone.add(
            new LoneFirstName(
                v.display(),
                v.articles.size(),
                "a given name, and no full name of the archive starts or ends with it",
                List.of()));
      }
    }
    int before = values.size();
    int after = before - links.size() - lone.size();
    return new Result(
        List.copyOf(links),
        List.copyOf(apart),
        List.copyOf(lone),
        before,
        after,
        reattributed.size());
  }

  /**
   * Why a short value is no person, from what the tagger already knows, or null: a month or a
   * weekday, a US state or Canadian province (the tagger's lists), or articles whose text writes it
   * as a place ({@code in Ontario} without a possessive, {@code Orlando, Fla.}) in at least half of
   * those naming it, or as no person ({@link NotPersonEvidence}: a firm, a work, an organisation;
   * {@code Moody's Investors Service Inc}) in more than half. An article that writes it after an
   * honorific or a title is evidence of a person.
   */
  private static String notPerson(Value v) {
    if (v.words.size() == 1) {
      String word = v.words.get(0);
      if (MissedFullNames.CALENDAR.contains(word)) {
        return "a month or a weekday, not a name";
      }
      if (BrandContextWords.US_STATES.contains(word)) {
        return "a US state or Canadian province, not a name";
      }
    }
    int withText = 0;
    int against = 0;
    int asPlace = 0;
    for (ArticlePersons article : v.articles) {
      if (article.text() == null) {
        continue;
      }
      List<Mention> mentions = new ArrayList<>();
      for (String form : v.forms.keySet()) {
        Matcher m =
            Pattern.compile("(?<![\\p{L}\\p{M}.])" + Pattern.quote(form) + "(?![\\p{L}\\p{M}])")
                .matcher(article.text());
        while (m.find()) {
          mentions.add(new Mention(EntityType.PERSON, form, m.start(), m.end(), form));
        }
      }
      if (mentions.isEmpty()) {
        continue;
      }
      withText++;
      if (writtenAsPlace(article.text(), mentions)) {
        asPlace++;
        against++;
      } else if (!Collections.disjoint(
              NotPersonEvidence.of(mentions, article.text()), v.forms.keySet())
          || v.forms.keySet().stream()
              .anyMatch(form -> NotPersonEvidence.startsAFirmName(article.text(), form + "'s"))) {
        // ... or a firm's name in the possessive ("Moody's Investors Service Inc").
        against++;
      }
    }
    if (asPlace > 0 && 2 * asPlace >= withText) {
      return "a place, not a name: the text of "
          + asPlace
          + " of its "
          + withText
          + " articles writes it as a place (after in, or a town before a state)";
    }
    if (2 * against > withText) {
      return "no person: the text of "
          + against
          + " of its "
          + withText
          + " articles writes it as a firm, a work or a thing";
    }
    return null;
  }

  /**
   * Whether an article writes a name as a place: after {@code in} and without a possessive ({@code
   * in Ontario}, not {@code in Reagan's budget}), or before a comma and a US state ({@code Orlando,
   * Fla.}), and never after an honorific or a title.
   */
  private static boolean writtenAsPlace(String text, List<Mention> mentions) {
    boolean place = false;
    for (Mention m : mentions) {
      String before = wordBefore(text, m.start());
      if (PersonNames.isHonorific(before) || PersonNames.isTitle(before)) {
        return false;
      }
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 24));
      boolean possessive = after.startsWith("'s") || after.startsWith("’s");
      Matcher state = STATE_AFTER_COMMA.matcher(after);
      if ((before.equalsIgnoreCase("in") && !possessive)
          || (state.lookingAt()
              && BrandContextWords.US_STATES.contains(state.group(1).toLowerCase(Locale.ROOT)))) {
        place = true;
      }
    }
    return place;
  }

  private static final Pattern STATE_AFTER_COMMA = Pattern.compile("\\s*,\\s*(\\p{L}+)");

  /** The word right before a position, on the same line, or "". */
  private static String wordBefore(String text, int start) {
    int end = start;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (end > 0 && text.charAt(end - 1) == '.') {
      end--;
    }
    int begin = end;
    while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
      begin--;
    }
    return text.substring(begin, end);
  }

  /** Groups full names that share their first and last word into persons. */
  private static List<Person> persons(List<Value> fullNames) {
    Map<String, Person> persons = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>();
    for (Value v : fullNames) {
      keys.add(String.join(" ", v.words));
    }
    for (Value v : fullNames) {
      // A longer name that ends with another candidate's full name is that person with a stray
      // word before it ("Minister Yoshiro Tanabeki", a title the tagger kept).
      List<String> words = v.words;
      for (int from = 1; from <= v.words.size() - 2; from++) {
        List<String> tail = v.words.subList(from, v.words.size());
        if (keys.contains(String.join(" ", tail))) {
          words = tail;
          break;
        }
      }
      String identity = words.get(0) + " " + words.get(words.size() - 1);
      persons.computeIfAbsent(identity, k -> new Person()).forms.add(v);
    }
    List<Person> list = new ArrayList<>(persons.values());
    for (Person p : list) {
      p.forms.sort(
          Comparator.comparingInt((Value v) -> v.articles.size())
              .reversed()
              .thenComparingInt(v -> v.words.size())
              .thenComparing(v -> v.key));
      p.dates = p.forms.stream().flatMap(v -> v.dates().stream()).sorted().toArray(Instant[]::new);
      for (Value v : p.forms) {
        p.articleIds.addAll(v.articleIds);
      }
    }
    return list;
  }

  private Decision decide(Value v, List<Person> persons, Form form) {
    Map<Person, Integer> explained = new LinkedHashMap<>();
    Map<Person, Integer> cooccurring = new LinkedHashMap<>();
    Set<Person> ambiguousWith = new LinkedHashSet<>();
    int linked = 0;
    int dominant = 0;
    int ambiguous = 0;
    int outside = 0;
    int otherName = 0;
    Set<String> otherNames = new LinkedHashSet<>();
    Set<String> neighbours = neighbours(v, persons, form);
    for (ArticlePersons article : v.articles) {
      String other = otherName(article, v, neighbours, form);
      if (other != null) {
        otherName++;
        otherNames.add(other);
        continue;
      }
      List<Person> inArticle = new ArrayList<>();
      for (Person p : persons) {
        if (p.articleIds.contains(article.id())) {
          inArticle.add(p);
          cooccurring.merge(p, 1, Integer::sum);
        }
      }
      List<Person> found = inArticle;
      if (inArticle.size() != 1) {
        found = new ArrayList<>();
        for (Person p : persons) {
          if (p.within(article.published(), window) > 0) {
            found.add(p);
          }
        }
      }
      Person leader = found.size() == 1 ? found.get(0) : leader(found, article.published());
      if (leader != null) {
        linked++;
        if (found.size() > 1) {
          dominant++;
        }
        explained.merge(leader, 1, Integer::sum);
      } else if (found.isEmpty()) {
        outside++;
      } else {
        ambiguous++;
        ambiguousWith.addAll(found);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<Person, Candidate> byPerson = new HashMap<>();
    for (Person p : persons) {
      Candidate c = p.candidate(explained.getOrDefault(p, 0), cooccurring.getOrDefault(p, 0));
      candidates.add(c);
      byPerson.put(p, c);
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::explained)
            .reversed()
            .thenComparing(Comparator.comparingInt(Candidate::articles).reversed())
            .thenComparing(Candidate::name));
    long days = window.toDays();
    String reason;
    String target = null;
    if (otherName > MAX_OTHER_NAME_SHARE * v.articles.size()) {
      reason =
          "its articles write it as part of other names in "
              + otherName
              + " of "
              + v.articles.size()
              + ": "
              + String.join(", ", otherNames.stream().limit(5).toList());
    } else if (ambiguous > 0 || explained.size() > 1) {
      Set<Person> competing = new LinkedHashSet<>(ambiguousWith);
      competing.addAll(explained.keySet());
      List<String> names = new ArrayList<>();
      for (Candidate c : candidates) {
        for (Person p : competing) {
          if (byPerson.get(p) == c) {
            names.add(c.name() + " (" + c.articles() + " articles)");
          }
        }
      }
      reason =
          ambiguous > 0
              ? "ambiguous: "
                  + ambiguous
                  + " of its "
                  + v.articles.size()
                  + " articles have "
                  + names.size()
                  + " full names within "
                  + days
                  + " days: "
                  + String.join(", ", names)
              : "its articles point to different people at different times: "
                  + String.join(", ", names);
    } else if (explained.isEmpty()) {
      reason =
          "no full name within "
              + days
              + " days of its articles (nearest in time: "
              + candidates.get(0).name()
              + ")";
    } else if (outside > linked) {
      reason =
          "only "
              + linked
              + " of its "
              + v.articles.size()
              + " articles are within "
              + days
              + " days of "
              + candidates.get(0).name();
    } else {
      Candidate c = candidates.get(0);
      target = c.name();
      reason =
          (dominant > 0 ? "the leading full name with this " : "the only full name with this ")
              + (form == Form.SURNAME ? "surname" : "first name")
              + " within "
              + days
              + " days of "
              + linked
              + " of its "
              + v.articles.size()
              + " articles"
              + (c.cooccurring() > 0 ? ", written beside it in " + c.cooccurring() : "")
              + (dominant > 0 ? ", named far more often than the others there in " + dominant : "");
    }
    return new Decision(
        v.display(),
        target,
        form,
        v.articles.size(),
        v.first(),
        v.last(),
        linked,
        dominant,
        ambiguous,
        outside,
        reason,
        List.copyOf(candidates));
  }

  /**
   * The candidate that dominates the window of an article: named in {@link #MIN_LEADER_ARTICLES} or
   * more of its articles, every other one in {@link #MAX_MINOR_ARTICLES} at most, and at least
   * {@link #MIN_LEADER_SHARE} of them all; null when none does.
   */
  private Person leader(List<Person> found, Instant when) {
    if (found.isEmpty()) {
      return null;
    }
    Person leader = null;
    int best = 0;
    int total = 0;
    int strong = 0;
    for (Person p : found) {
      int n = p.within(when, window);
      total += n;
      if (n > MAX_MINOR_ARTICLES) {
        strong++;
      }
      if (n > best) {
        best = n;
        leader = p;
      }
    }
    return strong == 1 && best >= MIN_LEADER_ARTICLES && best >= MIN_LEADER_SHARE * total
        ? leader
        : null;
  }

  /**
   * The folded words the candidates write next to the short value: before a surname ({@code ronald}
   * for {@code Reagan}), after a first name ({@code miyazawa} for {@code Kiichi}).
   */
  private static Set<String> neighbours(Value v, List<Person> persons, Form form) {
    Set<String> words = new HashSet<>();
    for (Person p : persons) {
      for (Value full : p.forms) {
        int at = form == Form.SURNAME ? full.words.size() - v.words.size() - 1 : 1;
        if (at >= 0 && at < full.words.size()) {
          words.add(full.words.get(at));
        }
      }
    }
    return words;
  }

  /**
   * Another person's (or firm's) name the article's text writes with the short value, or null: a
   * first name or initials no candidate has before a surname ({@code Mario Rodriguez}, {@code L.C.
   * Duncan}, {@code H. Lawrance Fuller}), a capitalised word no candidate has after a first name
   * ({@code Vladimir Petrovsky}, {@code Vernon Savings}). Headlines in capitals are no evidence.
   */
  private String otherName(ArticlePersons article, Value v, Set<String> neighbours, Form form) {
    String text = article.text();
    if (text == null) {
      return null;
    }
    for (String written : v.forms.keySet()) {
      if (written.equals(written.toUpperCase(Locale.ROOT))) {
        continue;
      }
      int from = 0;
      int at;
      while ((at = text.indexOf(written, from)) >= 0) {
        from = at + written.length();
        int end = at + written.length();
        if ((at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))
            || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
          continue;
        }
        if (form == Form.SURNAME) {
          String before = tokenBefore(text, at);
          if (before == null || PersonNames.isTitle(before)) {
            continue;
          }
          String earlier = tokenBefore(text, at - before.length() - 1);
          boolean initials = INITIALS.matcher(before).matches();
          boolean given =
              NAME_WORD.matcher(before).matches()
                  && (firstNameWord.test(PersonNames.fold(before))
                      || (earlier != null
                          && (INITIALS.matcher(earlier).matches()
                              || firstNameWord.test(PersonNames.fold(earlier)))));
          if ((initials || given) && !neighbours.contains(PersonNames.fold(before))) {
            return (earlier != null && given && !firstNameWord.test(PersonNames.fold(before))
                    ? earlier + " "
                    : "")
                + before
                + " "
                + written;
          }
        } else {
          String after = tokenAfter(text, end);
          if (after != null
              && NAME_WORD.matcher(after).matches()
              && !neighbours.contains(PersonNames.fold(after))) {
            return written + " " + after;
          }
        }
      }
    }
    return null;
  }

  /** The token right before a position, separated from it by one space, or null. */
  private static String tokenBefore(String text, int at) {
    if (at < 2 || !isWordGap(text.charAt(at - 1))) {
      return null;
    }
    int begin = at - 1;
    while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1))) {
      begin--;
    }
    return begin < at - 1 ? text.substring(begin, at - 1) : null;
  }

  /** One space or one line break (hard-wrapped wire copy): the gap between two words of a name. */
  private static boolean isWordGap(char c) {
    return c == ' ' || c == '\n';
  }

  /** The token right after a position, separated from it by one space, or null. */
  private static String tokenAfter(String text, int end) {
    if (end + 1 >= text.length() || !isWordGap(text.charAt(end))) {
      return null;
    }
    int stop = end + 1;
    while (stop < text.length() && !Character.isWhitespace(text.charAt(stop))) {
      stop++;
    }
    String token = text.substring(end + 1, stop);
    return token.isEmpty() ? null : token;
  }

  /** One folded person value of the archive with its articles. */
  private static final class Value {
    final String key;
    final List<String> words;
    final Map<String, Integer> forms = new LinkedHashMap<>();
    final List<ArticlePersons> articles = new ArrayList<>();
    final Set<String> articleIds = new HashSet<>();

    Value(String key) {
      this.key = key;
      List<String> folded = new ArrayList<>();
      for (String word : key.split(" ")) {
        if (!word.isEmpty()) {
          folded.add(PersonNames.fold(word));
        }
      }
      this.words = List.copyOf(folded);
    }

    void add(String form, ArticlePersons article) {
      forms.merge(form, 1, Integer::sum);
      articles.add(article);
      articleIds.add(article.id());
    }

    /** One word, or one word after particles ({@code de Meo}, {@code van der Berg}). */
    boolean isShort() {
      int named = 0;
      for (String word : words) {
        if (!PersonNames.isParticle(word)) {
          named++;
        }
      }
      return named <= 1;
    }

    /** Whether every form of it is written in capitals. */
    boolean onlyCapitals() {
      for (String form : forms.keySet()) {
        if (!form.equals(form.toUpperCase(Locale.ROOT))) {
          return false;
        }
      }
      return true;
    }

    String display() {
      String best = null;
      int count = 0;
      for (Map.Entry<String, Integer> e : forms.entrySet()) {
        if (e.getValue() > count || (e.getValue() == count && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          count = e.getValue();
        }
      }
      return best;
    }

    List<Instant> dates() {
      List<Instant> dates = new ArrayList<>();
      for (ArticlePersons a : articles) {
        if (a.published() != null) {
          dates.add(a.published());
        }
      }
      return dates;
    }

    Instant first() {
      return dates().stream().min(Comparator.naturalOrder()).orElse(null);
    }

    Instant last() {
      return dates().stream().max(Comparator.naturalOrder()).orElse(null);
    }
  }

  /** The forms of one full name: same first and last word. */
  private static final class Person {
    final List<Value> forms = new ArrayList<>();
    final Set<String> articleIds = new HashSet<>();
    Instant[] dates;

    /** How many of its dated articles lie within the window of a time (all of them if undated). */
    int within(Instant when, Duration window) {
      if (when == null) {
        return dates.length;
      }
      return index(when.plus(window), true) - index(when.minus(window), false);
    }

    /** The first position after (or, not inclusive, at) dates equal to {@code when}. */
    private int index(Instant when, boolean inclusive) {
      int low = 0;
      int high = dates.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        int cmp = dates[mid].compareTo(when);
        if (cmp < 0 || (inclusive && cmp == 0)) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    Candidate candidate(int explained, int cooccurring) {
      List<String> others = new ArrayList<>();
      for (Value v : forms.subList(1, forms.size())) {
        others.add(v.display());
      }
      return new Candidate(
          forms.get(0).display(),
          articleIds.size(),
          dates.length == 0 ? null : dates[0],
          dates.length == 0 ? null : dates[dates.length - 1],
          explained,
          cooccurring,
          List.copyOf(others));
    }
  }
}
