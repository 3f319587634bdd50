package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairEvaluationTest {

  @TempDir Path folder;

  @Test
  void countsPairsInOneStoryAgainstTheirLabels() throws IOException {
    Path file = folder.resolve("pairs.txt");
    Files.writeString(
        file,
        "# comment\n"
            + "a b same copy\n"
            + "a c same update\n"
            + "b d different recurring\n"
            + "c e different recurring\n"
            + "a zz same copy\n",
        StandardCharsets.UTF_8);
    Map<String, String> stories = Map.of("a", "a", "b", "a", "c", "c", "d", "a", "e", "e");
    PairEvaluation result = PairEvaluation.of(PairEvaluation.read(file), stories);
    assertEquals(1, result.truePositives());
    assertEquals(1, result.falseNegatives());
    assertEquals(1, result.falsePositives());
    assertEquals(1, result.trueNegatives());
    assertEquals(1, result.missing());
    assertEquals(0.5, result.precision());
    assertEquals(0.5, result.recall());
    assertEquals(new PairEvaluation.Tally(2, 1), result.byKind().get("different recurring"));
    assertEquals(List.of("FN a c update", "FP b d recurring"), result.errors());
  }

  @Test
  void malformedLineNamesItsNumber() throws IOException {
    Path file = folder.resolve("bad.txt");
    Files.writeString(file, "a b same\na b maybe\n", StandardCharsets.UTF_8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairEvaluation.read(file));
    assertEquals("line 2: expected 'id1 id2 same|different [kind]'", e.getMessage());
  }
}
