package dev.carnews.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from spawning {@code java -jar search-api.jar --index DIR --port 0} to its first answer of
 * {@code GET /api/search}. The index must not be open in this process (the service takes the write
 * lock).
 */
final class Startup {

  private static final Pattern LISTENING = Pattern.compile("Listening on http://localhost:(\\d+)");
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private Startup() {}

  /** Starts the service, waits for a 200 answer, stops the service; the figures in ms. */
  static Map<String, Object> measure(Path jar, Path index)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long start = System.nanoTime();
    Process server =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "--index",
                    index.toString(),
                    "--port",
                    "0",
                    "--host",
                    "127.0.0.1"))
            .redirectErrorStream(true)
            .start();
    try {
      CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> portOf(server));
      int found;
      try {
        found = port.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IOException("the service did not say its port", e);
      }
      long listening = System.nanoTime();
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + found + "/api/search?q=market");
      long deadline = start + LIMIT.toNanos();
      while (true) {
        try {
          HttpResponse<String> response =
              client.send(
                  HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            break;
          }
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("no answer within " + LIMIT);
        }
        Thread.sleep(5);
      }
      long answered = System.nanoTime();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("listeningMs", (listening - start) / 1e6);
      result.put("firstAnswerMs", (answered - start) / 1e6);
      result.put("load", Machine.load());
      return result;
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static int portOf(Process server) {
    // Not closed here: the drain thread keeps reading it until the process ends.
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          // Keep draining the output so the service never blocks on a full pipe.
          Thread drain = new Thread(() -> drain(lines), "startup-drain");
          drain.setDaemon(true);
          drain.start();
          return Integer.parseInt(matcher.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("the service stopped before it listened");
  }

  private static void drain(BufferedReader lines) {
    try {
      while (lines.readLine() != null) {
        // discard
      }
    } catch (IOException e) {
      // The process was stopped; nothing left to read.
      return;
    }
  }
}
