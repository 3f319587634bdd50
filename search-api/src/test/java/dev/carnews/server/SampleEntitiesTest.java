package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.cli.IndexerCli;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.evaluation.EntityEvaluation;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.ReadOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: entity quality on the project's own car news. The gold ({@code
 * entity/sample-gold.jsonl}) was written by reading each sample article: every person of the story
 * by full name, every marque named (canonical names of brands.txt). The floors are the measured
 * figures rounded down, so a regression of the pipeline fails here.
 */
class SampleEntitiesTest {

  /**
   * Measured 0.967 (P 0.978, R 0.957) when the gold was written; 0.978 (P 0.978, R 0.978) after
   * issue 11 (a first name the model missed is taken from the article); 0.973 (P 0.968, R 0.978)
   * with the context-aggregation model, which loses a paragraph-initial {@code Ffion Carrow}.
   */
  private static final double PERSON_F1_FLOOR = 0.97;

  /** Measured 0.997 (P 0.993, R 1.000) when the gold was written and after issue 11. */
  private static final double BRAND_F1_FLOOR = 0.99;

  @Test
  void personAndBrandSetsMeetTheMeasuredFloors() throws Exception {
    List<Article> articles = new ArrayList<>();
    new JsonLinesArticleReader()
        .read(
            resource("/sample/articles.jsonl"),
            ReadOptions.defaults(),
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                articles.add(article);
              }

              @Override
              public void skipped(String location, String reason) {
                throw new AssertionError(location + ": " + reason);
              }
            });
    EntityEvaluation.Report report =
        EntityEvaluation.evaluate(
            articles,
            EntityEvaluation.readGold(resource("/entity/sample-gold.jsonl")),
            NewsEntityTagger.createDefault());

    assertEquals(80, report.articles());
    assertTrue(report.persons().f1() >= PERSON_F1_FLOOR, report.persons().summary());
    assertTrue(report.brands().f1() >= BRAND_F1_FLOOR, report.brands().summary());
  }

  @Test
  void evalEntitiesCommandPrintsScoresAndErrors() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        IndexerCli.commandLine()
            .setOut(new PrintWriter(out))
            .execute(
                "eval-entities",
                "--articles",
                resource("/sample/articles.jsonl").toString(),
                "--gold",
                resource("/entity/sample-gold.jsonl").toString(),
                "--verbose");
    assertEquals(0, code);
    String printed = out.toString();
    assertTrue(printed.contains("persons per document: P="), printed);
    assertTrue(printed.contains("brands per document:  P="), printed);
    assertTrue(printed.contains(" FN ") || printed.contains(" FP "), printed);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(
        Objects.requireNonNull(SampleEntitiesTest.class.getResource(name), name).toURI());
  }
}
