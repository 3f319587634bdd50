package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: the entity evaluation reads hand-made gold with surface forms as it is written. */
class EntityEvaluationTest {

  @TempDir Path dir;

  /** A tagger that answers fixed names, whatever the text. */
  private static EntityTagger answering(List<String> persons, List<String> brands) {
    return article ->
        new TaggedArticle(
            article,
            List.of(),
            persons.stream().map(p -> new Entity(EntityType.PERSON, p, 1, 1.0)).toList(),
            brands.stream().map(b -> new Entity(EntityType.BRAND, b, 1, 1.0)).toList(),
            List.of());
  }

  private static Article article(String id) {
    return new Article(id, null, "Title", "Body.", List.of(), null, null, List.of());
  }

  @Test
  void aPredictionMatchingAListedSurfaceFormIsRight() throws Exception {
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(
        gold,
        "{\"id\": \"a\", \"persons\": [\"H. Ada Example\"], \"person_mentions\": {\"H. Ada Example\":"
            + " [\"Ada Example\", \"Example\"]}, \"brands\": [\"General Motors\"],"
            + " \"brand_mentions\": {\"General Motors\": [\"GM\"]}, \"author\": null}\n",
        StandardCharsets.UTF_8);
    EntityEvaluation.Report report =
        EntityEvaluation.evaluate(
            List.of(article("a")),
            EntityEvaluation.readGold(gold),
            answering(List.of("ADA EXAMPLE", "Example"), List.of("gm", "Opel")));

    assertEquals(1, report.persons().truePositives());
    assertEquals(0, report.persons().falsePositives(), "a second form of one person is no FP");
    assertEquals(1, report.brands().truePositives());
    assertEquals(1, report.brands().falsePositives());
    assertEquals(
        List.of(new EntityEvaluation.Mistake("a", EntityType.BRAND, "FP", "Opel")),
        report.errors());
  }

  @Test
  void aGoldIdWithoutItsArticleIsNamedInOneLine() {
    Map<String, EntityEvaluation.Gold> gold =
        Map.of("missing-1", new EntityEvaluation.Gold("missing-1", List.of(), List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EntityEvaluation.evaluate(List.of(), gold, answering(List.of(), List.of())));
    assertTrue(e.getMessage().contains("missing-1"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
