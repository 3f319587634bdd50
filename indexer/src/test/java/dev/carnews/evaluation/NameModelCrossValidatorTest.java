package dev.carnews.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.nlp.training.NameModelTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameModelCrossValidatorTest {

  private static final String THREE_DOCS =
      String.join(
          "\n",
          "-DOCSTART- -X- O O",
          "",
          "Anna NNP I-NP I-PER",
          "Berg NNP I-NP I-PER",
          "spoke VBD I-VP O",
          "",
          "Berg NNP I-NP I-PER",
          "left VBD I-VP O",
          "",
          "-DOCSTART- -X- O O",
          "",
          "Olek NNP I-NP I-PER",
          "Nowak NNP I-NP I-PER",
          "won VBD I-VP O",
          "",
          "-DOCSTART- -X- O O",
          "",
          "Norland NNP I-NP I-ORG",
          "grew VBD I-VP O",
          "",
          "Sales NNS I-NP O",
          "rose VBD I-VP O",
          "",
          "Nowak NNP I-NP I-PER",
          "agreed VBD I-VP O",
          "");

  @Test
  void documentsAreSplitAtDocstartLines(@TempDir Path dir) throws IOException {
    Path conll = Files.writeString(dir.resolve("d.conll"), THREE_DOCS, StandardCharsets.UTF_8);

    List<List<List<String>>> docs = NameModelCrossValidator.documents(conll, null);

    assertEquals(List.of(2, 1, 3), docs.stream().map(List::size).toList());
    assertEquals("Olek NNP I-NP I-PER", docs.get(1).get(0).get(0));
  }

  @Test
  void withoutDocstartTheJsonLinesBodiesGiveTheDocuments(@TempDir Path dir) throws IOException {
    Path conll =
        Files.writeString(
            dir.resolve("d.conll"),
            THREE_DOCS.replace("-DOCSTART- -X- O O\n\n", ""),
            StandardCharsets.UTF_8);
    Path jsonl =
        Files.writeString(
            dir.resolve("d.jsonl"),
            "{\"body\":\"a\\nb\\nc\"}\n{\"body\":\"d\\ne\\nf\"}\n",
            StandardCharsets.UTF_8);

    List<List<List<String>>> docs = NameModelCrossValidator.documents(conll, jsonl);

    assertEquals(List.of(3, 3), docs.stream().map(List::size).toList());
    assertEquals("Norland NNP I-NP I-ORG", docs.get(1).get(0).get(0));
  }

  @Test
  void documentsThatDoNotCoverTheSentencesAreRefused(@TempDir Path dir) throws IOException {
    Path conll =
        Files.writeString(
            dir.resolve("d.conll"),
            THREE_DOCS.replace("-DOCSTART- -X- O O\n\n", ""),
            StandardCharsets.UTF_8);
    Path jsonl = Files.writeString(dir.resolve("d.jsonl"), "{\"body\":\"a\\nb\"}\n");

    IOException e =
        assertThrows(IOException.class, () -> NameModelCrossValidator.documents(conll, jsonl));
    assertTrue(e.getMessage().contains("cover 2 sentences"), e.getMessage());
    assertThrows(
        IOException.class,
        () -> NameModelCrossValidator.documents(conll, null),
        "no -DOCSTART- and no index");
  }

  @Test
  void everyDocumentIsHeldOutExactlyOnce(@TempDir Path dir) throws IOException {
    Path conll = Files.writeString(dir.resolve("d.conll"), THREE_DOCS.repeat(2));
    List<List<List<String>>> docs = NameModelCrossValidator.documents(conll, null);
    List<NameModelCrossValidator.Fold> seen = new ArrayList<>();

    NameModelCrossValidator.Report report =
        NameModelCrossValidator.crossValidate(
            docs,
            3,
            new NameModelTrainer.Options("PERCEPTRON", 10, 0, true, false, false, false, false),
            true,
            dir.resolve("work"),
            seen::add);

    assertEquals(3, report.folds().size());
    assertEquals(seen, report.folds());
    assertEquals(
        6, report.folds().stream().mapToInt(NameModelCrossValidator.Fold::documents).sum());
    long goldPersons =
        report.folds().stream()
            .mapToLong(f -> f.scores().truePositives() + f.scores().falseNegatives())
            .sum();
    assertEquals(8, goldPersons);
    assertTrue(report.summary().startsWith("mean over 3 folds: P="), report.summary());
  }

  @Test
  void meanAndSpreadAreOverTheFolds() {
    NameModelCrossValidator.Report report =
        new NameModelCrossValidator.Report(
            List.of(
                new NameModelCrossValidator.Fold(1, 1, new NameModelEvaluator.Scores(8, 2, 2), 0),
                new NameModelCrossValidator.Fold(2, 1, new NameModelEvaluator.Scores(6, 4, 4), 0)));

    double[] f1 = report.meanAndStd(NameModelEvaluator.Scores::f1);

    assertEquals(0.7, f1[0], 1e-9);
    assertEquals(Math.sqrt(0.02), f1[1], 1e-9);
  }
}
