package dev.carnews.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilePermission;
import java.net.SocketPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding model runs from the jar: no network, nothing written outside the temp folder. */
class OnnxTextEmbedderTest {

  /**
   * Refuses every network connection and name lookup, and every file written outside the temp
   * folder and the build's target folder, and remembers what it refused.
   */
  @SuppressWarnings("removal")
  private static final class Offline extends SecurityManager {
    final List<String> refused = new ArrayList<>();
    private final String temp =
        Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
    private final String target = Path.of("target").toAbsolutePath().toString();

    @Override
    public void checkPermission(Permission permission) {
      if (permission instanceof SocketPermission) {
        refuse(permission);
      } else if (permission instanceof FilePermission file
          && (file.getActions().contains("write") || file.getActions().contains("delete"))) {
        String path = Path.of(file.getName()).toAbsolutePath().toString();
        if (!path.startsWith(temp) && !path.startsWith(target)) {
          refuse(permission);
        }
      }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
      checkPermission(permission);
    }

    private void refuse(Permission permission) {
      refused.add(permission.toString());
      throw new SecurityException("offline test refused " + permission);
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Test
  @SuppressWarnings("removal")
  void loadsAndEmbedsOfflineWritingOnlyToTheTempFolder() {
    Offline offline = new Offline();
    System.setSecurityManager(offline);
    OnnxTextEmbedder embedder;
    float[] layoffs;
    float[] jobs;
    float[] battery;
    try {
      embedder = OnnxTextEmbedder.load();
      layoffs = embedder.query("carmaker lays off workers");
      jobs = embedder.passage("Renault will cut 2,000 jobs at its French plants next year");
      battery = embedder.passage("Kia opens a battery factory that will make cells for its vans");
    } finally {
      System.setSecurityManager(null);
    }
    assertEquals(List.of(), offline.refused, "nothing reached for the network or the home folder");
    assertEquals(OnnxTextEmbedder.DIMENSIONS, layoffs.length);
    assertEquals(1.0, dot(jobs, jobs), 1e-4, "unit vectors");
    assertTrue(
        dot(layoffs, jobs) > dot(layoffs, battery),
        "a question about layoffs is nearer the job cuts than the battery plant");
    assertEquals("bge-small-en-v15-q", embedder.name());
  }

  @Test
  void manyPassagesAtOnceEqualOneAtATime() {
    OnnxTextEmbedder embedder = OnnxTextEmbedder.load();
    List<String> texts = List.of("Volvo recalls cars over a brake fault", "BYD lowers prices");
    List<float[]> together = embedder.passages(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertTrue(dot(together.get(i), embedder.passage(texts.get(i))) > 0.9999);
    }
  }

  @Test
  void aQueryEmbeddedInOnePassHasTheVectorOfTheEncoderThatSplitsLongText() {
    VectorModel model = VectorModel.DEFAULT;
    // Passages keep LangChain4j's encoder (which cuts text longer than the model into parts); with
    // no passage marker, a passage of the query marker and the words is the query by that encoder.
    assumeTrue(model.passagePrefix.isEmpty(), "the default model marks passages");
    OnnxTextEmbedder embedder = OnnxTextEmbedder.load();
    String longQuestion = "which carmaker cut the most jobs in europe this year ".repeat(60);
    for (String q :
        List.of(
            "takeover bid merger",
            "Which electric SUV goes furthest on a charge?",
            "Škoda Citroën Peugeot e-208 émissions",
            "ID.4 vs Model Y — 0-100 km/h in 5.8s!",
            "トヨタ 電気自動車 😀 rivals",
            "  spaces   between\twords\n",
            longQuestion)) {
      float[] byParts = embedder.passage(model.queryPrefix + q);
      float[] onePass = embedder.query(q);
      assertEquals(byParts.length, onePass.length);
      for (int i = 0; i < onePass.length; i++) {
        assertEquals(byParts[i], onePass[i], 1e-6, q + " [" + i + "]");
      }
    }
  }

  @Test
  void theLeadIsTheHeadlineAndTheBodyCutBetweenWords() {
    var article =
        new dev.carnews.ingest.Article(
            "a", null, "Headline", "one two three four five six", List.of(), null, null, List.of());
    assertEquals("Headline\none two three", EmbeddingText.of(article, 14));
    assertEquals("Headline\none two three four five six", EmbeddingText.of(article, 400));
  }
}
