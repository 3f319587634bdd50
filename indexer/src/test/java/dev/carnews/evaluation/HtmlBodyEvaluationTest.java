package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.evaluation.HtmlBodyEvaluation.Report;
import dev.carnews.evaluation.HtmlBodyEvaluation.TokenScore;
import dev.carnews.ingest.Fixtures;
import dev.carnews.ingest.HtmlArticleReader;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlBodyEvaluationTest {

  @Test
  void tokenScoreComparesBagsOfLowerCasedWords() {
    TokenScore score =
        HtmlBodyEvaluation.tokenScore("The van, the VAN! extra", "the van the van is");

    assertEquals(4.0 / 5, score.precision(), 1e-9);
    assertEquals(4.0 / 5, score.recall(), 1e-9);
    assertEquals(0.8, score.f1(), 1e-9);
    assertEquals(0.0, HtmlBodyEvaluation.tokenScore("", "gold words").f1());
  }

  @Test
  void refusesAFolderThatIsNotABenchmark(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new HtmlBodyEvaluation().evaluate(dir));
    assertTrue(e.getMessage().contains("ground-truth.json"), e.getMessage());
  }

  @Test
  void authorsMatchWhenOneBylineContainsTheOther() {
    assertTrue(
        HtmlBodyEvaluation.sameAuthors(List.of("Ada Kerr"), List.of("By ADA KERR, Staff Writer")));
    assertTrue(!HtmlBodyEvaluation.sameAuthors(List.of("Ada Kerr"), List.of("Ben Olsen")));
  }

  @Test
  void evaluatesABenchmarkFolder(@TempDir Path dir) throws IOException {
    String sha = "ab".repeat(32);
    Files.createDirectories(dir.resolve("html"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + sha + ".html.gz")))) {
      out.write(Files.readAllBytes(Fixtures.path("html/meta-only.htm")));
    }
    String gold =
        String.join(
            "\n\n",
            new HtmlArticleReader()
                .parse(
                    Files.readAllBytes(Fixtures.path("html/meta-only.htm")),
                    "https://wheels.example/",
                    ReadOptions.defaults())
                .body());
    Files.writeString(
        dir.resolve("ground-truth.json"),
        "{\"" + sha + "\": {\"articleBody\": \"" + gold.replace("\n", "\\n") + " missing words\"}}",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("aeb.jsonl"),
        "{\"id\": \"aeb-"
            + sha.substring(0, 16)
            + "\", \"lang\": \"en\", \"author\": \"Cora Vidal\", \"published\": \"2023-06-12T09:00:00+02:00\"}\n",
        StandardCharsets.UTF_8);

    Report report = new HtmlBodyEvaluation().evaluate(dir);

    assertEquals(1, report.count(true));
    assertEquals(1.0, report.mean(true).precision(), 1e-9);
    assertTrue(report.mean(true).recall() < 1.0);
    assertEquals(1, report.authorAccuracy().correct());
    assertEquals(1, report.dateAccuracy().correct());
  }
}
