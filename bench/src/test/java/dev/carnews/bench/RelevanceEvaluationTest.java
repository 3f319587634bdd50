package dev.carnews.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.server.SampleCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** nDCG@10 of the judged queries on the sample corpus: ranking changes must not make it worse. */
class RelevanceEvaluationTest {

  /**
   * Measured 0.9528 with a word's title and body counted as one field (BM25F) and function words
   * left out of any-word readings, 0.9529 after the keyword readings of issue 22 (0.9402 with the
   * news ranking of issue 4, 0.8808 before it); the floor leaves room for small, deliberate
   * trade-offs but fails on a real regression.
   */
  private static final double NDCG_FLOOR = 0.92;

  @Test
  void judgedQueriesOnTheSampleCorpusKeepTheirNdcg() throws IOException {
    Map<String, Map<String, Integer>> judged;
    try (InputStream in = getClass().getResourceAsStream("/relevance/judged-queries.tsv")) {
      judged = RelevanceEvaluation.readJudgments(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      new SampleCorpus(new JsonLinesArticleReader(), NewsEntityTagger.createDefault())
          .fillIfEmpty(index);
      RelevanceEvaluation.Report report =
          RelevanceEvaluation.evaluate(
              new LuceneNewsArchive(index), judged, RelevanceEvaluation.DEFAULT_K);
      assertTrue(judged.size() >= 20, "judged queries: " + judged.size());
      assertTrue(
          report.meanNdcg() >= NDCG_FLOOR,
          "nDCG@10 fell below " + NDCG_FLOOR + ":\n" + report.format());
    }
  }

  @Test
  void ndcgIsOneForTheIdealOrderAndLessOtherwise() {
    Map<String, Integer> grades = Map.of("a", 3, "b", 1);
    assertEquals(1.0, RelevanceEvaluation.ndcg(List.of("a", "b", "x"), grades, 10), 1e-9);
    // DCG (1/1 + 7/log2 3) over ideal (7/1 + 1/log2 3).
    double expected = (1 + 7 / log2(3)) / (7 + 1 / log2(3));
    assertEquals(expected, RelevanceEvaluation.ndcg(List.of("b", "a"), grades, 10), 1e-9);
    assertEquals(0.0, RelevanceEvaluation.ndcg(List.of("x"), grades, 10), 1e-9);
  }

  @Test
  void judgmentsMustBeWellFormed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RelevanceEvaluation.readJudgments(new StringReader("q\tid\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RelevanceEvaluation.readJudgments(new StringReader("q\tid\t9\n")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RelevanceEvaluation.readJudgments(new StringReader("# only a comment\n")));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
