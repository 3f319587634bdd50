package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged {@code search-api.jar} as a user would ({@code --port 0}), reads the port it
 * prints, and asks it for its health. When the jar ships the sample corpus, the fresh index must
 * have been filled from it.
 */
class ServerJarIT {

  @Test
  void jarStartsOnAFreePortAndServes(@TempDir Path folder) throws Exception {
    try (RunningJar server = RunningJar.start("--index", folder.resolve("index").toString())) {
      RunningJar.Answer health = server.get("/health");
      assertEquals(200, health.status());
      assertEquals("ok", health.json().get("status").asText());
      if (ServerJarIT.class.getResource(SampleCorpus.RESOURCE) != null) {
        assertTrue(
            health.json().get("documents").asInt() >= 60,
            "the sample corpus was not loaded: " + health.json());
      }
    }
  }
}
