package dev.carnews.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the version rule compares of an article: its word 5-shingles (hashed, sorted, distinct), the
 * numbers it gives, its title words, its length and its publication time.
 *
 * <p>Words are runs of letters and digits, lower-cased; a number keeps its inner separators ({@code
 * 1,234.5}), so a changed figure is a changed word and a changed shingle.
 *
 * @param id the article id
 * @param published the publication time, or {@code null} when unknown
 * @param words how many words the body has
 * @param shingles the 64-bit hashes of the body's word 5-shingles, sorted ascending, distinct
 * @param wordSet the hashes of the body's distinct words, sorted ascending
 * @param numbers the numbers of title and body, as written
 * @param titleWords the title's words without markers like {@code RPT} or {@code CORRECTED}
 * @param titleLead the first two of those words: in wire headlines, whose news it is
 */
public record StoryText(
    String id,
    Instant published,
    int words,
    long[] shingles,
    long[] wordSet,
    Set<String> numbers,
    Set<String> titleWords,
    String titleLead) {

  /** Words per shingle. */
  public static final int SHINGLE_WORDS = 5;

  /** Title words that mark a re-filing rather than say what the story is. */
  private static final Set<String> TITLE_MARKERS =
      Set.of("rpt", "repeat", "corrected", "correction", "update", "updated", "refile", "urgent");

  /** Validates and copies. */
  public StoryText {
    Objects.requireNonNull(id, "id");
    shingles = shingles.clone();
    wordSet = wordSet.clone();
    numbers = Set.copyOf(numbers);
    titleWords = Set.copyOf(titleWords);
  }

  /** The comparable text of an article. */
  public static StoryText of(String id, String title, String body, Instant published) {
    Set<String> numbers = new LinkedHashSet<>();
    List<String> titleList = words(Objects.requireNonNullElse(title, ""), numbers);
    List<String> words = words(Objects.requireNonNullElse(body, ""), numbers);
    int bodyWords = words.size();
    if (bodyWords < SHINGLE_WORDS) {
      // A body too short for one shingle: the title carries what there is.
      List<String> both = new ArrayList<>(titleList);
      both.addAll(words);
      words = both;
    }
    titleList.removeAll(TITLE_MARKERS);
    String lead = String.join(" ", titleList.subList(0, Math.min(2, titleList.size())));
    long[] wordSet = new long[words.size()];
    for (int i = 0; i < wordSet.length; i++) {
      wordSet[i] = mix(words.get(i).hashCode());
    }
    return new StoryText(
        id,
        published,
        bodyWords,
        distinctSorted(shingles(words)),
        distinctSorted(wordSet),
        numbers,
        new LinkedHashSet<>(titleList),
        lead);
  }

  /** The lower-cased words of a text. */
  static List<String> words(String text) {
    return words(text, new LinkedHashSet<>());
  }

  /**
   * The lower-cased words of a text: a letter followed by letters and digits, or digits with inner
   * {@code .} or {@code ,} ({@code 1,234.5}); every run of digits, as written, goes to {@code
   * numbers}. A hand-written scanner: the regular expression it replaces cost a quarter of a write.
   */
  static List<String> words(String text, Set<String> numbers) {
    List<String> words = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        int start = i;
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        words.add(word);
        addDigitRuns(word, numbers);
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n
            && (Character.isDigit(text.charAt(i))
                || ((text.charAt(i) == '.' || text.charAt(i) == ',')
                    && i + 1 < n
                    && Character.isDigit(text.charAt(i + 1))
                    && i > start))) {
          i++;
        }
        String number = text.substring(start, i);
        words.add(number);
        numbers.add(number);
      } else {
        i++;
      }
    }
    return words;
  }

  private static void addDigitRuns(String word, Set<String> numbers) {
    int n = word.length();
    for (int i = 0; i < n; i++) {
      if (Character.isDigit(word.charAt(i))) {
        int start = i;
        while (i < n && Character.isDigit(word.charAt(i))) {
          i++;
        }
        numbers.add(word.substring(start, i));
      }
    }
  }

  private static long[] distinctSorted(long[] values) {
    Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[distinct++] = values[i];
      }
    }
    return Arrays.copyOf(values, distinct);
  }

  private static long[] shingles(List<String> words) {
    if (words.isEmpty()) {
      return new long[0];
    }
    int count = Math.max(1, words.size() - SHINGLE_WORDS + 1);
    long[] hashes = new long[count];
    for (int i = 0; i < count; i++) {
      long hash = 0x9E3779B97F4A7C15L;
      for (int w = i; w < Math.min(i + SHINGLE_WORDS, words.size()); w++) {
        hash = mix(hash ^ words.get(w).hashCode()) * 31 + w - i;
      }
      hashes[i] = mix(hash);
    }
    return hashes;
  }

  /** A 64-bit finalizer (SplitMix64): spreads every input bit over the whole hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Shingles both texts share. */
  public int sharedShingles(StoryText other) {
    return shared(shingles, other.shingles);
  }

  /** Jaccard similarity of the two sets of distinct words (0 when both are empty). */
  public double wordJaccard(StoryText other) {
    int shared = shared(wordSet, other.wordSet);
    int union = wordSet.length + other.wordSet.length - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  /** Shared distinct words over the smaller word set. */
  public double wordContainment(StoryText other) {
    int smaller = Math.min(wordSet.length, other.wordSet.length);
    return smaller == 0 ? 0 : (double) shared(wordSet, other.wordSet) / smaller;
  }

  private static int shared(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Jaccard similarity of the two shingle sets (0 when both are empty). */
  public double jaccard(StoryText other) {
    int shared = sharedShingles(other);
    int union = shingles.length + other.shingles.length - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  /** Shared shingles over the smaller set: 1 when one text holds all of the other's. */
  public double containment(StoryText other) {
    int smaller = Math.min(shingles.length, other.shingles.length);
    return smaller == 0 ? 0 : (double) sharedShingles(other) / smaller;
  }

  /** Jaccard similarity of the title words. */
  public double titleSimilarity(StoryText other) {
    Set<String> union = new LinkedHashSet<>(titleWords);
    union.addAll(other.titleWords);
    if (union.isEmpty()) {
      return 1;
    }
    long shared = titleWords.stream().filter(other.titleWords::contains).count();
    return (double) shared / union.size();
  }

  /** Numbers one text gives and the other does not, counted on both sides. */
  public int numbersChanged(StoryText other) {
    long onlyHere = numbers.stream().filter(n -> !other.numbers.contains(n)).count();
    long onlyThere = other.numbers.stream().filter(n -> !numbers.contains(n)).count();
    return (int) (onlyHere + onlyThere);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoryText other
        && id.equals(other.id)
        && Objects.equals(published, other.published)
        && Arrays.equals(shingles, other.shingles);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Arrays.hashCode(shingles);
  }

  @Override
  public String toString() {
    return "StoryText[" + id + ", " + shingles.length + " shingles]";
  }
}
