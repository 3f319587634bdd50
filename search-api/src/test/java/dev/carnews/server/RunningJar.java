package dev.carnews.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code search-api.jar} started as a user would ({@code --port 0}), on the port it
 * prints, with a real HTTP client. For integration tests.
 */
final class RunningJar implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Listening on http://localhost:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many of the server's last output lines are kept for {@link #output()}. */
  private static final int KEPT_LINES = 2000;

  private final Process process;
  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Deque<String> output = new ArrayDeque<>();

  private RunningJar(Process process) throws IOException {
    this.process = process;
    this.port = awaitPort(process);
  }

  /** Starts {@code target/search-api.jar} on a free port with the given extra arguments. */
  static RunningJar start(String... args) throws IOException {
    return startWithKeys(null, args);
  }

  /** Starts the jar with these API keys in {@code NEWS_API_KEYS} (none when null). */
  static RunningJar startWithKeys(String apiKeys, String... args) throws IOException {
    Path jar = Path.of("target", "search-api.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("package the jar first: " + jar.toAbsolutePath());
    }
    List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "--port", "0"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("NEWS_API_KEYS");
    if (apiKeys != null) {
      builder.environment().put("NEWS_API_KEYS", apiKeys);
    }
    Process process = builder.start();
    try {
      return new RunningJar(process);
    } catch (IOException | RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The {@code java} of the JVM running the tests. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** GETs a path and parses the JSON answer; fails the test on a non-JSON body. */
  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), JSON.readTree(response.body()));
  }

  /** One answer: the status and the JSON body. */
  record Answer(int status, JsonNode json) {}

  /** Sends a request built on the server's address ({@code path} with its query). */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The server's last output lines after it started listening (log lines included). */
  List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private int awaitPort(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(this::keep), "server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("the server exited without listening:\n" + seen);
  }

  private void keep(String line) {
    synchronized (output) {
      output.addLast(line);
      if (output.size() > KEPT_LINES) {
        output.removeFirst();
      }
    }
  }
}
