package dev.carnews.bench;

import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures ranking quality: nDCG@k of a searcher over judged queries, so ranking changes are
 * measured, not guessed.
 *
 * <p>Judgments are tab-separated rows {@code query<TAB>article id<TAB>grade} (grade 1..3; unlisted
 * articles are grade 0; {@code #} starts a comment). Gain is {@code 2^grade − 1}, discount {@code
 * log2(rank + 1)}; each query's DCG is divided by the DCG of its ideal order, and the figure is the
 * mean over queries.
 */
public final class RelevanceEvaluation {

  /** The cut-off the project reports: nDCG@10, the first page. */
  public static final int DEFAULT_K = 10;

  /** The result of one query: its nDCG and the ids it ranked first. */
  public record QueryScore(String query, double ndcg, List<String> ranked) {

    /** Validates and copies. */
    public QueryScore {
      if (ndcg < 0 || ndcg > 1.0000001) {
        throw new IllegalArgumentException("nDCG must be 0..1");
      }
      ranked = List.copyOf(ranked);
    }
  }

  /** The scores of every judged query and their mean. */
  public record Report(int k, List<QueryScore> queries, double meanNdcg) {

    /** Validates and copies. */
    public Report {
      queries = List.copyOf(queries);
    }

    /** One line per query and a last line with the mean, for people. */
    public String format() {
      StringBuilder out = new StringBuilder();
      for (QueryScore score : queries) {
        out.append(
            String.format(
                Locale.ROOT,
                "%.3f  %-30s %s%n",
                score.ndcg(),
                score.query(),
                String.join(" ", score.ranked().subList(0, Math.min(5, score.ranked().size())))));
      }
      out.append(
          String.format(
              Locale.ROOT, "nDCG@%d = %.4f over %d queries%n", k, meanNdcg, queries.size()));
      return out.toString();
    }
  }

  private RelevanceEvaluation() {}

  /**
   * Reads judgments: query → (article id → grade), queries in file order.
   *
   * @throws IllegalArgumentException when a row is malformed
   */
  public static Map<String, Map<String, Integer>> readJudgments(Reader in) throws IOException {
    Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
    BufferedReader lines = new BufferedReader(in);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 3) {
        throw new IllegalArgumentException("line " + number + ": expected query, id, grade");
      }
      int grade;
      try {
        grade = Integer.parseInt(cells[2].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + number + ": grade must be a number", e);
      }
      if (grade < 0 || grade > 3) {
        throw new IllegalArgumentException("line " + number + ": grade must be 0..3");
      }
      judged
          .computeIfAbsent(cells[0].strip(), query -> new LinkedHashMap<>())
          .put(cells[1].strip(), grade);
    }
    if (judged.isEmpty()) {
      throw new IllegalArgumentException("no judged queries");
    }
    return judged;
  }

  /** Runs every judged query (relevance order, no filters) and scores its top {@code k}. */
  public static Report evaluate(
      LuceneNewsArchive searcher, Map<String, Map<String, Integer>> judged, int k)
      throws IOException {
    if (k < 1 || k > SearchRequest.MAX_SIZE) {
      throw new IllegalArgumentException("k must be 1.." + SearchRequest.MAX_SIZE);
    }
    List<QueryScore> scores = new ArrayList<>();
    double sum = 0;
    for (Map.Entry<String, Map<String, Integer>> query : judged.entrySet()) {
      SearchRequest request = SearchRequest.of(query.getKey()).withPage(SortOrder.RELEVANCE, 1, k);
      List<String> ranked = searcher.search(request).hits().stream().map(SearchHit::id).toList();
      double ndcg = ndcg(ranked, query.getValue(), k);
      scores.add(new QueryScore(query.getKey(), ndcg, ranked));
      sum += ndcg;
    }
    return new Report(k, scores, sum / judged.size());
  }

  /** nDCG@k of one ranking against graded judgments. */
  static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += gain(grades.getOrDefault(ranked.get(i), 0), i);
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i), i);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double gain(int grade, int rank) {
    return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
  }
}
