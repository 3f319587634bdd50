package dev.carnews.entity;

import dev.carnews.analysis.NameKeys;
import dev.carnews.nlp.NameText;
import dev.carnews.nlp.PersonNames;
import dev.carnews.nlp.ScoredMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the person mentions of one article to one entity per person: later short forms ({@code
 * Provost}, {@code Mr de Meo}, {@code de Meo's}) join the full name the article gives ({@code Luca
 * de Meo}); titles and possessives are never part of a name; the byline authors and their mentions
 * (bio paragraphs) are dropped; a lone name that matches no full name is kept only when the model
 * was confident, a title stands before it, or the model tagged it more than once in the article.
 * Stateless and thread-safe.
 */
public final class PersonResolver {

  /**
   * The confidence a lone unresolved name needs by default. The bundled model is a perceptron whose
   * normalised scores for nine outcomes stay near 0.2-0.45; 0.3 was the best document-level person
   * F1 on eng.testa (0.27 to 0.3 tie), and 0.2 costs car news its precision (0.95 to 0.80 on the
   * development set: sign-offs, game titles, tickers). A name found after an honorific ({@code Mr
   * Halvorsen}) carries 0.9 and is always kept; so is a name tagged {@link
   * #RECURRING_LONE_MENTIONS} times or more.
   */
  public static final double DEFAULT_MIN_LONE_PROBABILITY = 0.3;

  /**
   * How many times the model must tag a lone name in one article for it to be kept at any
   * confidence. With the context-aggregation model, 2 raised strict pipeline spans on eng.testa
   * from 0.944 to 0.948 and car-news development persons from 0.952 to 0.960; 3 kept fewer.
   */
  static final int RECURRING_LONE_MENTIONS = 2;

  /** Weight of a mention in the title, in the lead, elsewhere. */
  private static final double TITLE_SALIENCE = 0.35;

  private static final double LEAD_SALIENCE = 0.25;
  private static final double FREQUENCY_SALIENCE = 0.4;

  /** How far into the body the lead reaches (characters) when the first paragraph is longer. */
  private static final int LEAD_CHARS = 400;

  private final double minLoneProbability;

  /** A resolver with {@link #DEFAULT_MIN_LONE_PROBABILITY}. */
  public PersonResolver() {
    this(DEFAULT_MIN_LONE_PROBABILITY);
  }

  /** A resolver that keeps unresolved lone names at or above the given model confidence. */
  public PersonResolver(double minLoneProbability) {
    if (!(minLoneProbability >= 0 && minLoneProbability <= 1)) {
      throw new IllegalArgumentException("minLoneProbability must be in 0..1");
    }
    this.minLoneProbability = minLoneProbability;
  }

  /**
   * The persons of an article and their mentions.
   *
   * @param persons one entity per person, most salient first
   * @param mentions the kept mentions in text order, each with its person's canonical name
   */
  public record ResolvedPersons(
      List<Entity> persons, List<Mention> mentions, Map<String, Double> confidence) {

    /** Copies the lists. */
    public ResolvedPersons {
      persons = List.copyOf(persons);
      mentions = List.copyOf(mentions);
      confidence = Map.copyOf(confidence);
    }

    /** Persons whose model confidences are unknown. */
    public ResolvedPersons(List<Entity> persons, List<Mention> mentions) {
      this(persons, mentions, Map.of());
    }
  }

  /** The folded key under which one person is filtered and counted across the index. */
  public static String canonicalKey(String name) {
    return NameKeys.key(name);
  }

  /**
   * Resolves mentions without confidences: every lone name is taken as confident.
   *
   * @param personMentions person mentions with offsets into {@code text}
   * @param text the article text (title, blank line, body)
   * @param authors the article's cleaned byline names
   */
  public ResolvedPersons resolve(List<Mention> personMentions, String text, List<String> authors) {
    List<ScoredMention> scored = new ArrayList<>(personMentions.size());
    for (Mention mention : personMentions) {
      scored.add(new ScoredMention(mention.text(), mention.start(), mention.end(), 1.0));
    }
    return resolveScored(scored, text, authors);
  }

  /** Resolves mentions with the name model's confidence in each. */
  public ResolvedPersons resolveScored(
      List<ScoredMention> personMentions, String text, List<String> authors) {
    Objects.requireNonNull(text, "text");
    Set<String> authorKeys = new HashSet<>();
    Set<String> authorWords = new HashSet<>();
    for (String author : authors) {
      authorKeys.add(PersonNames.foldedKey(author));
      for (String word : PersonNames.words(author)) {
        authorWords.add(PersonNames.fold(word));
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (ScoredMention scored : personMentions) {
      Optional<Candidate> cleaned = Candidate.of(scored, text);
      if (cleaned.isEmpty()) {
        continue;
      }
      Candidate candidate = cleaned.get();
      boolean author =
          authorKeys.contains(candidate.key)
              || (candidate.words.size() == 1 && authorWords.contains(candidate.words.get(0)));
      if (!author) {
        candidates.add(candidate);
      }
    }
    candidates.sort(Comparator.comparingInt(c -> c.start));

    // Full names: two words or more. A longer name absorbs a shorter one it ends with.
    Map<String, List<Candidate>> groups = new LinkedHashMap<>();
    List<Candidate> shortForms = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.words.size() >= 2) {
        groups.computeIfAbsent(c.key, k -> new ArrayList<>()).add(c);
      }
    }
    List<String> fullKeys = new ArrayList<>(groups.keySet());
    for (String key : new ArrayList<>(fullKeys)) {
      Optional<String> longer = longerNameFor(key, fullKeys);
      if (longer.isPresent()) {
        groups.get(longer.get()).addAll(groups.remove(key));
        fullKeys.remove(key);
      }
    }
    for (Candidate c : candidates) {
      if (c.words.size() == 1) {
        shortForms.add(c);
      }
    }
    Map<String, List<Candidate>> lone = new LinkedHashMap<>();
    for (Candidate c : shortForms) {
      Optional<String> target = fullNameFor(c, fullKeys, groups);
      if (target.isPresent()) {
        groups.get(target.get()).add(c);
      } else {
        lone.computeIfAbsent(c.key, k -> new ArrayList<>()).add(c);
      }
    }
    for (Map.Entry<String, List<Candidate>> e : lone.entrySet()) {
      double best = e.getValue().stream().mapToDouble(c -> c.probability).max().orElse(0);
      boolean titled = e.getValue().stream().anyMatch(c -> c.afterTitle);
      // Sports and wire copy name people by surname alone, again and again: the model tagging the
      // same lone name more than once in one article is evidence enough, whatever its confidence.
      boolean recurring = e.getValue().size() >= RECURRING_LONE_MENTIONS;
      // Line-ups, scorers and casts list people by one name: a name the model tagged in a list of
      // names it tagged ("Zickler 26th , Helmer 37th", "Stephanie , Caroline and Albert") is one.
      boolean listed = e.getValue().stream().anyMatch(c -> inList(c, candidates, text));
      if (best >= minLoneProbability || titled || recurring || listed) {
        List<Candidate> group = e.getValue();
        for (int[] full : MissedFullNames.of(text, group.get(0).surface)) {
          group.add(
              new Candidate(NameText.of(text, full[0], full[1]), full[0], full[1], best, false));
        }
        groups.put(e.getKey(), group);
      }
    }
    return build(groups, text);
  }

  /**
   * Whether the mention stands in a list with another mention: only list glue between them on one
   * line (commas, semicolons, brackets, dashes, {@code and}/{@code or}, numbers such as a minute
   * {@code 26th} or bowling figures {@code 9-2-35-0}).
   */
  static boolean inList(Candidate c, List<Candidate> candidates, String text) {
    int at = candidates.indexOf(c);
    return (at > 0 && isListGlue(text, candidates.get(at - 1).end, c.start))
        || (at + 1 < candidates.size() && isListGlue(text, c.end, candidates.get(at + 1).start));
  }

  private static boolean isListGlue(String text, int from, int to) {
    if (from > to || to - from > 40) {
      return false;
    }
    String between = text.substring(from, to);
    if (between.indexOf('\n') >= 0) {
      return false;
    }
    boolean separator = false;
    for (String token : between.trim().split("[\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("and") || token.equals("or") || token.equals("&")) {
        separator = true;
      } else if (LIST_PUNCTUATION.matcher(token).matches()) {
        separator |= token.indexOf(',') >= 0 || token.indexOf(';') >= 0 || token.indexOf('(') >= 0;
      } else if (!LIST_NUMBER.matcher(token).matches()) {
        return false;
      }
    }
    return separator;
  }

  private static final Pattern LIST_PUNCTUATION = Pattern.compile("[,;()/\\-–]+");

  private static final Pattern LIST_NUMBER =
      Pattern.compile("[(]?\\d[\\d\\-./]*(?:st|nd|rd|th)?[),;]*");

  /** The key of a longer full name whose words end with (or start with) this one's, if unique. */
  private static Optional<String> longerNameFor(String key, List<String> fullKeys) {
    List<String> longer = new ArrayList<>();
    for (String other : fullKeys) {
      if (other.length() > key.length()
          && (other.endsWith(" " + key) || other.startsWith(key + " "))) {
        longer.add(other);
      }
    }
    return longer.size() == 1 ? Optional.of(longer.get(0)) : Optional.empty();
  }

  /** The full name a one-word mention stands for: the nearest earlier one ending with the word. */
  private static Optional<String> fullNameFor(
      Candidate c, List<String> fullKeys, Map<String, List<Candidate>> groups) {
    Optional<String> bySurname = nearest(c, fullKeys, groups, true);
    return bySurname.isPresent() ? bySurname : nearest(c, fullKeys, groups, false);
  }

  /** The full name nearest before the mention whose last (or first) word is the mention. */
  private static Optional<String> nearest(
      Candidate c, List<String> fullKeys, Map<String, List<Candidate>> groups, boolean surname) {
    String word = c.words.get(0);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int matches = 0;
    for (String key : fullKeys) {
      List<String> words = PersonNames.words(key);
      boolean match = words.get(surname ? words.size() - 1 : 0).equals(word);
      if (!match) {
        continue;
      }
      matches++;
      int distance = Integer.MAX_VALUE - 1;
      for (Candidate full : groups.get(key)) {
        if (full.words.size() >= 2 && full.start <= c.start) {
          distance = Math.min(distance, c.start - full.start);
        }
      }
      if (best == null || distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    // A first name alone only resolves when it names one person of the article.
    return surname || matches == 1 ? Optional.ofNullable(best) : Optional.empty();
  }

  private static ResolvedPersons build(Map<String, List<Candidate>> groups, String text) {
    int titleEnd = text.indexOf("\n\n");
    if (titleEnd < 0) {
      titleEnd = 0;
    }
    int bodyStart = titleEnd == 0 ? 0 : titleEnd + 2;
    int paragraphEnd = text.indexOf('\n', bodyStart);
    int leadEnd = Math.max(paragraphEnd < 0 ? text.length() : paragraphEnd, bodyStart + LEAD_CHARS);
    int maxCount = 1;
    for (List<Candidate> group : groups.values()) {
      maxCount = Math.max(maxCount, group.size());
    }
    List<Entity> persons = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    Map<Entity, Integer> firstSeen = new HashMap<>();
    Map<String, Double> confidence = new HashMap<>();
    for (List<Candidate> group : groups.values()) {
      String canonical = displayForm(group);
      boolean inTitle = false;
      boolean inLead = false;
      int first = Integer.MAX_VALUE;
      for (Candidate c : group) {
        inTitle |= c.start < titleEnd;
        inLead |= c.start >= bodyStart && c.start < leadEnd;
        first = Math.min(first, c.start);
        mentions.add(new Mention(EntityType.PERSON, c.surface, c.start, c.end, canonical));
      }
      double salience =
          (inTitle ? TITLE_SALIENCE : 0)
              + (inLead ? LEAD_SALIENCE : 0)
              + FREQUENCY_SALIENCE * group.size() / maxCount;
      salience = Math.round(Math.min(1, salience) * 10_000) / 10_000.0;
      Entity entity = new Entity(EntityType.PERSON, canonical, group.size(), salience);
      persons.add(entity);
      double best = group.stream().mapToDouble(c -> c.probability).max().orElse(0);
      confidence.merge(canonical, Math.round(best * 10_000) / 10_000.0, Math::max);
      firstSeen.put(entity, first);
    }
    persons.sort(
        Comparator.comparingDouble(Entity::salience).reversed().thenComparing(firstSeen::get));
    mentions.sort(Comparator.comparingInt(Mention::start));
    return new ResolvedPersons(persons, mentions, confidence);
  }

  /** The most frequent of the longest forms of a group, earliest on a tie. */
  private static String displayForm(List<Candidate> group) {
    int longest = 0;
    for (Candidate c : group) {
      longest = Math.max(longest, c.words.size());
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Candidate> ordered = new ArrayList<>(group);
    ordered.sort(Comparator.comparingInt(c -> c.start));
    for (Candidate c : ordered) {
      if (c.words.size() == longest) {
        counts.merge(c.surface, 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  /** A mention cleaned of titles and possessives, with its folded words. */
  private static final class Candidate {
    final String surface;
    final int start;
    final int end;
    final double probability;
    final List<String> words;
    final String key;

    /** Whether a title stands right before it ({@code President Clinton}): a person's name. */
    final boolean afterTitle;

    private Candidate(String surface, int start, int end, double probability, boolean afterTitle) {
      this.afterTitle = afterTitle;
      this.surface = surface;
      this.start = start;
      this.end = end;
      this.probability = probability;
      List<String> folded = new ArrayList<>();
      for (String w : PersonNames.words(surface)) {
        folded.add(PersonNames.fold(w));
      }
      this.words = List.copyOf(folded);
      this.key = String.join(" ", folded);
    }

    /** The cleaned candidate; empty when nothing of a name is left. */
    static Optional<Candidate> of(ScoredMention scored, String text) {
      int[] span = NameText.trim(text, scored.start(), Math.min(scored.end(), text.length()));
      int start = span[0];
      int end = span[1];
      // Leading titles: "Mr de Meo", "Dr. Ana Ruiz", "Mr\nSmith".
      boolean titleInSpan = false;
      while (start < end) {
        int space = start;
        while (space < end && !NameText.isSpace(text.charAt(space))) {
          space++;
        }
        if (space == end || !PersonNames.isTitle(text.substring(start, space))) {
          break;
        }
        start = space;
        titleInSpan = true;
        while (start < end && NameText.isSpace(text.charAt(start))) {
          start++;
        }
      }
      // A possessive: "de Meo's", "Jones'".
      String raw = text.substring(start, end);
      end -= raw.length() - PersonNames.withoutPossessive(raw).length();
      span = NameText.trim(text, start, end);
      String surface = NameText.of(text, span[0], span[1]);
      if (surface.isEmpty() || PersonNames.isTitle(surface)) {
        return Optional.empty();
      }
      // In a headline written in capitals a title is no evidence: "PRESIDENT RESIGNS".
      boolean titled =
          hasLowerCase(surface) && (titleInSpan || PersonNames.isTitle(wordBefore(text, span[0])));
      return Optional.of(new Candidate(surface, span[0], span[1], scored.probability(), titled));
    }

    private static boolean hasLowerCase(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isLowerCase(s.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    /** The word right before {@code start} on the same line, or the empty string. */
    private static String wordBefore(String text, int start) {
      int end = start;
      while (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      int begin = end;
      while (begin > 0
          && (Character.isLetter(text.charAt(begin - 1)) || text.charAt(begin - 1) == '.')) {
        begin--;
      }
      return begin < end && end < start ? text.substring(begin, end) : "";
    }
  }
}
