package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged {@code search-api.jar} as a user would ({@code --port 0}), reads the port it
 * prints, and asks it for its health. When the jar ships the sample corpus, the fresh index must
 * have been filled from it.
 */
class ServerJarIT {

  private static final Pattern LISTENING = Pattern.compile("Listening on http://localhost:(\\d+)");

  @Test
  void jarStartsOnAFreePortAndServes(@TempDir Path folder) throws Exception {
    Path jar = Path.of("target", "search-api.jar");
    assertTrue(Files.exists(jar), "package the jar first: " + jar.toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--index",
                folder.resolve("index").toString())
            .redirectErrorStream(true)
            .start();
    try {
      int port = awaitPort(server);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertEquals(200, health.statusCode());
      JsonNode json = new ObjectMapper().readTree(health.body());
      assertEquals("ok", json.get("status").asText());
      if (ServerJarIT.class.getResource(SampleCorpus.RESOURCE) != null) {
        assertTrue(json.get("documents").asInt() > 0, "the sample corpus was not loaded: " + json);
      }
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int awaitPort(Process server) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}), "server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new AssertionError("the server exited without listening:\n" + seen);
  }
}
