package dev.carnews.nlp.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.nlp.NlpModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameModelTrainerTest {

  @Test
  void trainedModelWithClusterAndGazetteerResourcesSurvivesARoundTrip(@TempDir Path dir)
      throws IOException {
    Path conll = dir.resolve("tiny.conll");
    Files.writeString(conll, (ConllFixtures.SNIPPET + "\n").repeat(5), StandardCharsets.UTF_8);
    NameModelTrainer.Options options =
        new NameModelTrainer.Options("PERCEPTRON", 20, 0, true, true, true, false, false);

    TokenNameFinderModel model = NameModelTrainer.train(conll, options);
    Path file = dir.resolve("model.bin");
    NameModelTrainer.write(model, file);
    NlpModels reloaded = NlpModels.load(file);

    Span[] spans =
        new NameFinderME(reloaded.personModel())
            .find(new String[] {"Anna", "Berg", "joined", "Norland", "."});
    assertTrue(spans.length > 0);
    assertEquals("person", spans[0].getType());
    assertEquals(
        String.valueOf(NameModelTrainer.BEAM_SIZE),
        reloaded.personModel().getManifestProperty("BeamSize"));
  }

  @Test
  void descriptorHasClusterAndGazetteerFeaturesOnlyWhenAsked() throws IOException {
    String with = NameModelTrainer.featureDescriptor(NameModelTrainer.Options.defaults());
    String without =
        NameModelTrainer.featureDescriptor(
            new NameModelTrainer.Options("MAXENT", 100, 0, true, false, false, false, false));
    assertTrue(with.contains("clusters256.clusters") && with.contains("names.gazetteer"));
    assertTrue(!without.contains("clusters256") && !without.contains("names.gazetteer"));
  }

  @Test
  void contextFeaturesWithoutTheGazetteerTrain(@TempDir Path dir) throws IOException {
    Path conll = dir.resolve("tiny.conll");
    Files.writeString(conll, (ConllFixtures.SNIPPET + "\n").repeat(5), StandardCharsets.UTF_8);
    NameModelTrainer.Options options =
        new NameModelTrainer.Options("PERCEPTRON", 20, 0, true, false, false, false, true);

    TokenNameFinderModel model = NameModelTrainer.train(conll, options);

    assertTrue(
        new NameFinderME(model).find(new String[] {"Anna", "Berg", "joined", "."}).length > 0);
  }

  @Test
  void unknownAlgorithmIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NameModelTrainer.Options("SVM", 10, 0, true, true, true, false, false));
  }
}
