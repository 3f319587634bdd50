package dev.carnews.search.lucene.query;

import dev.carnews.search.views.HybridFusion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;

/**
 * {@link HybridFusion} on Lucene's hits: the words' and the meaning's rankings of document numbers
 * fused, and the fused list paged as Lucene pages.
 */
public final class Fusion {

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.<ScoreDoc>comparingDouble(hit -> -hit.score).thenComparingInt(hit -> hit.doc);

  private Fusion() {}

  /**
   * The words' and the meaning's rankings of {@code q} fused as {@link HybridFusion} says for it,
   * best first; ties by document number.
   */
  public static ScoreDoc[] fused(ScoreDoc[] words, ScoreDoc[] meaning, String q) {
    return fused(HybridFusion.methodFor(q), words, meaning);
  }

  /** The words' and the meaning's rankings fused by reciprocal rank, best first. */
  public static ScoreDoc[] reciprocalRank(ScoreDoc[] words, ScoreDoc[] meaning) {
    return fused(HybridFusion.Method.RECIPROCAL_RANK, words, meaning);
  }

  /** {@link HybridFusion#fuse} on document numbers, in the order Lucene pages (score, then doc). */
  private static ScoreDoc[] fused(
      HybridFusion.Method method, ScoreDoc[] words, ScoreDoc[] meaning) {
    ScoreDoc[] fused =
        HybridFusion.fuse(method, scored(words), scored(meaning), Integer::compare).stream()
            .map(hit -> new ScoreDoc(hit.key(), (float) hit.score()))
            .toArray(ScoreDoc[]::new);
    Arrays.sort(fused, BEST_FIRST);
    return fused;
  }

  private static List<HybridFusion.Scored<Integer>> scored(ScoreDoc[] ranking) {
    return Arrays.stream(ranking)
        .map(hit -> new HybridFusion.Scored<>(hit.doc, hit.score))
        .toList();
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
