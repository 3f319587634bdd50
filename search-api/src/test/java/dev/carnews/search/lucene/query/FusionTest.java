package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class FusionTest {

  private static ScoreDoc[] ranking(int... docs) {
    ScoreDoc[] hits = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      hits[i] = new ScoreDoc(docs[i], docs.length - i);
    }
    return hits;
  }

  private static int[] docs(ScoreDoc[] hits) {
    return Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray();
  }

  @Test
  void anArticleBothRankingsFindOutranksOneOnlyEitherFinds() {
    ScoreDoc[] fused = Fusion.reciprocalRank(ranking(1, 2, 3), ranking(3, 4, 1));
    // 1 and 3 are in both (ranks 1 and 3): first; 2 and 4 in one each (rank 2): after them.
    assertArrayEquals(new int[] {1, 3, 2, 4}, docs(fused));
    assertEquals(1.0 / 61 + 1.0 / 63, fused[0].score, 1e-6);
  }

  @Test
  void tiesGoToTheLowerDocumentSoTheOrderIsStable() {
    ScoreDoc[] fused = Fusion.reciprocalRank(ranking(7), ranking(5));
    assertArrayEquals(new int[] {5, 7}, docs(fused));
  }

  @Test
  void aWindowAfterACursorContinuesWhereThePageEnded() {
    ScoreDoc[] fused = Fusion.reciprocalRank(ranking(1, 2, 3, 4), ranking(4, 3, 2, 1));
    ScoreDoc[] first = Fusion.window(fused, null, 2);
    ScoreDoc[] second = Fusion.window(fused, first[1], 2);
    ScoreDoc[] all = Fusion.window(fused, null, 4);
    assertArrayEquals(
        docs(all), new int[] {docs(first)[0], docs(first)[1], docs(second)[0], docs(second)[1]});
    assertEquals(0, Fusion.window(fused, all[3], 2).length);
  }
}
