package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.nlp.training.ConllFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameModelEvaluatorTest {

  @Test
  void strictSpansCountOnlyExactPersonMatches(@TempDir Path dir) throws IOException {
    Path conll = dir.resolve("tiny.conll");
    Files.writeString(conll, ConllFixtures.SNIPPET, StandardCharsets.UTF_8);
    // Finds "Anna Berg" (right), "Olek" alone (wrong span) and "Norland" twice (not a person).
    Dictionary names = new Dictionary(false);
    names.put(new StringList("Anna", "Berg"));
    names.put(new StringList("Olek"));
    names.put(new StringList("Norland"));

    NameModelEvaluator.Scores scores =
        NameModelEvaluator.evaluateConll(new DictionaryNameFinder(names, "person"), conll);

    assertEquals(new NameModelEvaluator.Scores(1, 3, 2), scores);
    assertEquals(0.25, scores.precision(), 1e-9);
    assertEquals(1.0 / 3, scores.recall(), 1e-9);
    assertEquals(2 * 0.25 * (1.0 / 3) / (0.25 + 1.0 / 3), scores.f1(), 1e-9);
  }

  @Test
  void emptyPredictionsScoreZeroNotNaN() {
    NameModelEvaluator.Scores none = new NameModelEvaluator.Scores(0, 0, 3);
    assertEquals(0, none.precision());
    assertEquals(0, none.f1());
  }

  @Test
  void documentSetsCompareDistinctNames() {
    NameModelEvaluator.Scores scores =
        NameModelEvaluator.compareSets(Set.of("anna berg", "norland"), Set.of("anna berg", "olek"));
    assertEquals(new NameModelEvaluator.Scores(1, 1, 1), scores);
  }
}
