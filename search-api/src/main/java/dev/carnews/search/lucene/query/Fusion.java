package dev.carnews.search.lucene.query;

import dev.carnews.search.views.HybridFusion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal-rank fusion (Cormack, Clarke and Büttcher, 2009): each ranking gives a document {@code
 * 1 / (k + rank)}, and the sums order the fused list. It needs no calibration between the scores of
 * the words (BM25 with boosts) and of meaning (a cosine), which live on different scales.
 */
public final class Fusion {

  /** The constant of the original paper, used by Elasticsearch and OpenSearch by default. */
  static final int K = HybridFusion.K;

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.<ScoreDoc>comparingDouble(hit -> -hit.score).thenComparingInt(hit -> hit.doc);

  private Fusion() {}

  /**
   * The words' and the meaning's rankings of {@code q} fused as {@link HybridFusion} says for it,
   * best first; ties by document number.
   */
  public static ScoreDoc[] fused(ScoreDoc[] words, ScoreDoc[] meaning, String q) {
    HybridFusion.Method method = HybridFusion.methodFor(q);
    if (method == HybridFusion.Method.RECIPROCAL_RANK) {
      return reciprocalRank(words, meaning);
    }
    return HybridFusion.fuse(method, scored(words), scored(meaning), Integer::compare).stream()
        .map(hit -> new ScoreDoc(hit.key(), (float) hit.score()))
        .toArray(ScoreDoc[]::new);
  }

  private static List<HybridFusion.Scored<Integer>> scored(ScoreDoc[] ranking) {
    return Arrays.stream(ranking)
        .map(hit -> new HybridFusion.Scored<>(hit.doc, hit.score))
        .toList();
  }

  /** The words' and the meaning's rankings fused, best first; ties by document number. */
  public static ScoreDoc[] reciprocalRank(ScoreDoc[] words, ScoreDoc[] meaning) {
    Map<Integer, Double> sums = new HashMap<>();
    // Equal weights: a weight of 0.5 or 0.7 on the words did not do better on the judged topics.
    add(sums, words, 1.0);
    add(sums, meaning, 1.0);
    List<ScoreDoc> fused = new ArrayList<>(sums.size());
    sums.forEach((doc, sum) -> fused.add(new ScoreDoc(doc, sum.floatValue())));
    fused.sort(BEST_FIRST);
    return fused.toArray(ScoreDoc[]::new);
  }

  private static void add(Map<Integer, Double> sums, ScoreDoc[] ranking, double weight) {
    for (int rank = 0; rank < ranking.length; rank++) {
      sums.merge(ranking[rank].doc, weight / (K + rank + 1), Double::sum);
    }
  }

  /**
   * The first {@code size} hits of a ranking (best first) after a cursor's hit, or from the top
   * when {@code after} is {@code null}: the order of {@link #BEST_FIRST}, as Lucene pages.
   */
  static ScoreDoc[] window(ScoreDoc[] ranking, ScoreDoc after, int size) {
    ScoreDoc[] sorted = ranking.clone();
    Arrays.sort(sorted, BEST_FIRST);
    int from = 0;
    if (after != null) {
      while (from < sorted.length && BEST_FIRST.compare(sorted[from], after) <= 0) {
        from++;
      }
    }
    return Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + size));
  }
}
