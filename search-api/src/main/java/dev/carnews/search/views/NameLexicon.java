package dev.carnews.search.views;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The brands, people and authors of an archive with how many articles name each and when the newest
 * of them appeared, as each backend counts them (the local index from its facet doc values, Solr
 * from facet counts). Answers two questions the same way on both: which known names a query
 * mentions, and which names complete a prefix.
 */
public class NameLexicon {

  /** Most name suggestions; the rest of the ten are headlines. */
  public static final int MAX_NAME_SUGGESTIONS = 7;

  /** The most words of a name looked up in a query. */
  private static final int MAX_NAME_WORDS = 6;

  /** One known name. */
  public record Known(String type, String label, String key, long count, long latest) {}

  /** The names a query mentions. */
  public record Reading(List<Known> brands, List<Known> persons) {

    /** Nothing named. */
    public static final Reading NONE = new Reading(List.of(), List.of());

    /** The display names of the brands named. */
    public List<String> brandLabels() {
      return brands.stream().map(Known::label).toList();
    }

    /** The display names of the people named. */
    public List<String> personLabels() {
      return persons.stream().map(Known::label).toList();
    }

    /** "Read as: Renault (brand), Luca de Meo (person)." or empty when nothing is named. */
    public String readAs() {
      List<String> names = new ArrayList<>();
      brands.forEach(brand -> names.add(brand.label() + " (brand)"));
      persons.forEach(person -> names.add(person.label() + " (person)"));
      return names.isEmpty() ? "" : "Read as: " + String.join(", ", names) + ".";
    }
  }

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int MIN_SURNAME_LENGTH = 4;

  /**
   * A surname alone reads as its person only when the articles naming that person are at least this
   * share of the articles with the word: "Provost" is mostly François Provost, but "sales" is not a
   * Mr Sales and "rose" is not a Ms Rose.
   */
  public static final double MIN_SURNAME_SHARE = 0.25;

  private final List<Known> all;
  private final Map<String, Known> brands = new HashMap<>();
  private final Map<String, Known> persons = new HashMap<>();
  private final Map<String, Known> personsBySurname = new HashMap<>();

  /** A lexicon of these names; {@code type} is a facet name (brand, person, author). */
  public NameLexicon(List<Known> all) {
    this.all = List.copyOf(all);
    for (Known known : all) {
      if (known.type().equals(ArticleSchema.BRAND_FACET)) {
        brands.merge(known.key(), known, NameLexicon::moreFrequent);
      } else if (known.type().equals(ArticleSchema.PERSON_FACET)) {
        persons.merge(known.key(), known, NameLexicon::moreFrequent);
        int lastSpace = known.key().lastIndexOf(' ');
        String surname = known.key().substring(lastSpace + 1);
        if (lastSpace >= 0 && surname.length() >= MIN_SURNAME_LENGTH) {
          personsBySurname.merge(surname, known, NameLexicon::moreFrequent);
        }
      }
    }
  }

  /** Every name of the lexicon with its count and newest date. */
  public List<Known> known() {
    return all;
  }

  /**
   * The known brands and people a query names, as whole words: full names, or for people also the
   * surname alone (the most frequent person of that surname) when the word is mostly that person's
   * name in the index ({@link #MIN_SURNAME_SHARE} of {@code articlesWithWord}). Excluded words
   * ({@code -word}) do not count, and a word read as a brand is not also read as a surname.
   */
  public Reading read(String q, ToLongFunction<String> articlesWithWord) {
    StringBuilder kept = new StringBuilder();
    for (String token : q.split("\\s+")) {
      if (!token.startsWith("-")) {
        kept.append(token).append(' ');
      }
    }
    String text = words(kept.toString()).strip();
    if (text.isEmpty()) {
      return new Reading(List.of(), List.of());
    }
    // Look up the query's word runs (longest first) instead of scanning every known name: the
    // lexicon of a large archive holds tens of thousands of people.
    String[] words = text.split(" +");
    boolean[] used = new boolean[words.length];
    Set<Known> foundBrands = new LinkedHashSet<>();
    Set<Known> foundPersons = new LinkedHashSet<>();
    match(words, used, brands, foundBrands);
    match(words, used, persons, foundPersons);
    for (int i = 0; i < words.length; i++) {
      Known person = used[i] ? null : personsBySurname.get(words[i]);
      if (person != null
          && person.count() >= MIN_SURNAME_SHARE * articlesWithWord.applyAsLong(words[i])) {
        foundPersons.add(person);
      }
    }
    return new Reading(sorted(foundBrands), sorted(foundPersons));
  }

  /** The longest runs of unused words that are a known name, marking their words used. */
  private static void match(
      String[] words, boolean[] used, Map<String, Known> names, Set<Known> found) {
    for (int length = Math.min(MAX_NAME_WORDS, words.length); length >= 1; length--) {
      for (int start = 0; start + length <= words.length; start++) {
        if (anyUsed(used, start, length)) {
          continue;
        }
        Known known = names.get(String.join(" ", Arrays.copyOfRange(words, start, start + length)));
        if (known != null) {
          found.add(known);
          Arrays.fill(used, start, start + length, true);
        }
      }
    }
  }

  private static boolean anyUsed(boolean[] used, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (used[i]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names that complete a prefix: the whole name or one of its words starts with it (case and
   * accents ignored), ranked by {@code count × recency}, whole-name matches counted double.
   *
   * @param recency the recency multiplier of a name's newest article (epoch milliseconds)
   */
  public List<Known> complete(String prefix, int max, LongToDoubleFunction recency) {
    String typed = words(prefix);
    if (typed.isEmpty()) {
      return List.of();
    }
    Map<Known, Double> scores = new HashMap<>();
    for (Known known : all) {
      boolean whole = known.key().startsWith(typed);
      if (whole || known.key().contains(" " + typed)) {
        double score =
            known.count()
                * (known.latest() == Long.MIN_VALUE
                    ? Ranking.RECENCY_FLOOR
                    : recency.applyAsDouble(known.latest()))
                * (whole ? 2 : 1);
        scores.put(known, score);
      }
    }
    return scores.entrySet().stream()
        .sorted(
            Map.Entry.<Known, Double>comparingByValue()
                .reversed()
                .thenComparing(entry -> entry.getKey().label()))
        .map(Map.Entry::getKey)
        .limit(max)
        .toList();
  }

  /**
   * The name suggestions of a typed prefix: the {@link #MAX_NAME_SUGGESTIONS} best completions
   * ({@link #complete}), one per folded name, as {@code /api/suggest} lists them before headlines.
   */
  public List<Suggestion> suggested(String typed, LongToDoubleFunction recency) {
    List<Suggestion> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Known known : complete(typed, SuggestResponse.MAX_SIZE, recency)) {
      if (found.size() < MAX_NAME_SUGGESTIONS && seen.add(NameKeys.key(known.label()))) {
        found.add(
            new Suggestion(
                known.label(),
                known.type(),
                known.count(),
                known.latest() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(known.latest()),
                null));
      }
    }
    return found;
  }

  /** A name or query as folded words separated by single spaces ({@code Mercedes-Benz} → two). */
  public static String words(String text) {
    if (text.length() > MAX_REMEMBERED_LENGTH) {
      return NON_WORD.matcher(NameKeys.key(text)).replaceAll(" ").strip();
    }
    String words = REMEMBERED_WORDS.get(text);
    if (words == null) {
      words = NON_WORD.matcher(NameKeys.key(text)).replaceAll(" ").strip();
      if (REMEMBERED_WORDS.size() >= MAX_REMEMBERED) {
        REMEMBERED_WORDS.clear();
      }
      REMEMBERED_WORDS.put(text, words);
    }
    return words;
  }

  /**
   * The words of names seen before: every reader a write opens builds its lexicon from all the
   * archive's labels again, and folding them each time was most of that rebuild (issue 25).
   */
  private static final Map<String, String> REMEMBERED_WORDS = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 1 << 19;
  private static final int MAX_REMEMBERED_LENGTH = 120;

  private static Known moreFrequent(Known a, Known b) {
    return b.count() > a.count() ? b : a;
  }

  private static List<Known> sorted(Set<Known> found) {
    return found.stream().sorted(Comparator.comparing(Known::count).reversed()).toList();
  }
}
