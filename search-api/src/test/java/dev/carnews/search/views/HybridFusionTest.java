package dev.carnews.search.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridFusionTest {

  private static List<HybridFusion.Scored<String>> ranking(Object... idsAndScores) {
    List<HybridFusion.Scored<String>> ranked = new java.util.ArrayList<>();
    for (int i = 0; i < idsAndScores.length; i += 2) {
      ranked.add(
          new HybridFusion.Scored<>(
              (String) idsAndScores[i], ((Number) idsAndScores[i + 1]).doubleValue()));
    }
    return ranked;
  }

  private static List<String> keys(List<HybridFusion.Scored<String>> fused) {
    return fused.stream().map(HybridFusion.Scored::key).toList();
  }

  @Test
  void shortQueriesFuseByRankSentencesByScores() {
    assertEquals(
        HybridFusion.Method.RECIPROCAL_RANK, HybridFusion.methodFor("electric battery plant"));
    assertEquals(
        HybridFusion.Method.SCORES,
        HybridFusion.methodFor("which carmaker is building a battery plant"));
  }

  @Test
  void aClearNearestArticleKeepsItsLeadInASentencesFusion() {
    // The words rank w1 far ahead; the meaning ranks m1 far ahead of everything else.
    List<HybridFusion.Scored<String>> words = ranking("w1", 12.0, "m1", 2.0, "w2", 1.0);
    List<HybridFusion.Scored<String>> meaning = ranking("m1", 0.95, "w1", 0.60, "m2", 0.58);
    List<HybridFusion.Scored<String>> byScores =
        HybridFusion.fuse(HybridFusion.Method.SCORES, words, meaning, Comparator.naturalOrder());
    assertEquals(List.of("m1", "w1", "m2", "w2"), keys(byScores));
    // m1: 0.7 * 1 + 0.3 * (2 - 1) / 11; w1: 0.7 * (0.60 - 0.58) / 0.37 + 0.3.
    assertEquals(0.7 + 0.3 / 11, byScores.get(0).score(), 1e-9);
    List<HybridFusion.Scored<String>> byRank =
        HybridFusion.fuse(
            HybridFusion.Method.RECIPROCAL_RANK, words, meaning, Comparator.naturalOrder());
    // By rank, w1 (ranks 1 and 2) and m1 (ranks 2 and 1) tie; the tie goes by id.
    assertEquals(List.of("m1", "w1"), keys(byRank).subList(0, 2));
    assertEquals(byRank.get(0).score(), byRank.get(1).score(), 1e-12);
  }

  @Test
  void aRankingOfEqualScoresCountsFullyForEachHit() {
    List<HybridFusion.Scored<String>> fused =
        HybridFusion.fuse(
            HybridFusion.Method.SCORES,
            ranking("a", 1.0, "b", 1.0),
            ranking(),
            Comparator.naturalOrder());
    assertEquals(List.of("a", "b"), keys(fused));
    assertEquals(0.3, fused.get(0).score(), 1e-9);
  }
}
