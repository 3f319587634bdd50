package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: strict spans through the whole pipeline, as {@code /api/analyze} reports them. */
class SpanEvaluationTest {

  @TempDir Path dir;

  @Test
  void pipelineSpansAreScoredAgainstGoldOffsetsIntoTheBody() throws Exception {
    String body =
        "Norland Motors said chief executive Marta Kowalczyk would visit the plant. "
            + "Kowalczyk said output would rise.";
    int full = body.indexOf("Marta Kowalczyk");
    int surname = body.lastIndexOf("Kowalczyk");
    Path jsonl = dir.resolve("gold.jsonl");
    Files.writeString(
        jsonl,
        "{\"id\": \"s1\", \"body\": \""
            + body
            + "\", \"entities\": [{\"type\": \"PER\", \"start\": "
            + full
            + ", \"end\": "
            + (full + 15)
            + "}, {\"type\": \"PER\", \"start\": "
            + surname
            + ", \"end\": "
            + (surname + 9)
            + "}]}\n",
        StandardCharsets.UTF_8);
    NlpModels models = NlpModels.loadDefault();
    SpanEvaluation.Report report =
        SpanEvaluation.evaluate(
            jsonl,
            new NewsEntityTagger(models, BrandDictionary.loadDefault()),
            new PersonFinder(models));

    assertEquals(1, report.articles());
    assertEquals(2, report.pipeline().truePositives(), report.pipeline().summary());
    assertEquals(0, report.pipeline().falsePositives(), report.pipeline().summary());
  }
}
