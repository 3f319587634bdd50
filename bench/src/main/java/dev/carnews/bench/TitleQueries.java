package dev.carnews.bench;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * The query set of the Solr comparison, drawn with a seed from the titles of the index as a reader
 * would type them: single words, two adjacent words (all words, as typed), the same pairs as either
 * word ({@code a | b}, Solr's default OR), and quoted two-word phrases. Words are lower-case runs
 * of three or more letters; a few function words are skipped.
 */
final class TitleQueries {

  /** The kinds, in report order. */
  static final List<String> KINDS = List.of("single", "two-words", "two-words-or", "phrase");

  private static final Set<String> SKIPPED =
      Set.of(
          "the", "and", "for", "with", "from", "that", "this", "its", "has", "have", "was", "are",
          "not", "will", "says", "said", "his", "her", "into", "over", "after", "but");

  private TitleQueries() {}

  /**
   * {@code singles} single words, {@code pairs} two-word queries (each also as an OR query) and
   * {@code phrases} quoted phrases; each query's category is its kind.
   */
  static List<BenchQuery> draw(Path index, int singles, int pairs, int phrases, long seed)
      throws IOException {
    List<List<String>> titles = titleWords(index);
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("no titles of two usable words in " + index);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<BenchQuery> queries = new ArrayList<>();
    for (int i = 0; i < singles; i++) {
      List<String> words = titles.get(random.nextInt(titles.size()));
      queries.add(query("single", words.get(random.nextInt(words.size()))));
    }
    List<String[]> drawn = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      drawn.add(adjacentPair(titles, random));
    }
    drawn.forEach(pair -> queries.add(query("two-words", pair[0] + " " + pair[1])));
    drawn.forEach(pair -> queries.add(query("two-words-or", pair[0] + " | " + pair[1])));
    for (int i = 0; i < phrases; i++) {
      String[] pair = adjacentPair(titles, random);
      queries.add(query("phrase", "\"" + pair[0] + " " + pair[1] + "\""));
    }
    return queries;
  }

  /**
   * {@code count} distinct queries (by their text) of the four kinds in the proportions of {@link
   * #draw} (2 single : 2 two-words : 2 two-words-or : 1 phrase), in drawing order; fewer when the
   * titles do not hold that many.
   */
  static List<BenchQuery> distinct(Path index, int count, long seed) throws IOException {
    List<List<String>> titles = titleWords(index);
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("no titles of two usable words in " + index);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    List<BenchQuery> queries = new ArrayList<>(count);
    for (long attempt = 0; queries.size() < count && attempt < 50L * count; attempt++) {
      int slot = (int) (attempt % 7);
      BenchQuery query;
      if (slot < 2) {
        List<String> words = titles.get(random.nextInt(titles.size()));
        query = query("single", words.get(random.nextInt(words.size())));
      } else if (slot < 4) {
        String[] pair = adjacentPair(titles, random);
        query = query("two-words", pair[0] + " " + pair[1]);
      } else if (slot < 6) {
        String[] pair = adjacentPair(titles, random);
        query = query("two-words-or", pair[0] + " | " + pair[1]);
      } else {
        String[] pair = adjacentPair(titles, random);
        query = query("phrase", "\"" + pair[0] + " " + pair[1] + "\"");
      }
      if (seen.add(query.request().q())) {
        queries.add(query);
      }
    }
    return queries;
  }

  private static BenchQuery query(String kind, String q) {
    return new BenchQuery(kind, SearchRequest.of(q));
  }

  private static String[] adjacentPair(List<List<String>> titles, SplittableRandom random) {
    List<String> words = titles.get(random.nextInt(titles.size()));
    int first = random.nextInt(words.size() - 1);
    return new String[] {words.get(first), words.get(first + 1)};
  }

  /**
   * The usable words of every title that has at least two, in the order of the articles' ids: the
   * same queries from the same articles, however the index is laid out in segments.
   */
  private static List<List<String>> titleWords(Path index) throws IOException {
    java.util.TreeMap<String, List<String>> byId = new java.util.TreeMap<>();
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (var leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          var fields = stored.document(doc, Set.of(ArticleSchema.ID, ArticleSchema.TITLE));
          String title = fields.get(ArticleSchema.TITLE);
          List<String> words = words(title == null ? "" : title);
          if (words.size() >= 2) {
            byId.put(fields.get(ArticleSchema.ID), words);
          }
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  static List<String> words(String title) {
    return Arrays.stream(title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
        .filter(word -> word.length() >= 3 && !SKIPPED.contains(word))
        .toList();
  }
}
