package dev.carnews.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code search-api.jar} started as a separate process (for end-to-end tests that kill
 * it), with the port it printed. Its output is drained so it never blocks on a full pipe.
 */
final class JarServer implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Listening on http://localhost:(\\d+)");

  private final Process process;
  private final int port;

  /** The lines the server printed after it started listening. */
  private final List<String> lines;

  private JarServer(Process process, int port, List<String> lines) {
    this.process = process;
    this.port = port;
    this.lines = lines;
  }

  /** Starts the jar with these options and the environment variable for API keys. */
  static JarServer start(String apiKeys, String... options) throws IOException {
    return startWith(List.of(), apiKeys, options);
  }

  /** Starts the jar with JVM options (system properties), API keys and options. */
  static JarServer startWith(List<String> jvmOptions, String apiKeys, String... options)
      throws IOException {
    Path jar = Path.of("target", "search-api.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("package the jar first: " + jar.toAbsolutePath());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dorg.slf4j.simpleLogger.log.dev.carnews.access=warn");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("NEWS_API_KEYS");
    if (apiKeys != null) {
      builder.environment().put("NEWS_API_KEYS", apiKeys);
    }
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    return new JarServer(process, awaitPort(process, lines), lines);
  }

  /**
   * Waits until the server printed a line containing {@code fragment}; whether it did before the
   * timeout (a safety net for a broken build, not a measurement).
   */
  boolean awaitOutput(String fragment, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (lines.stream().noneMatch(line -> line.contains(fragment))) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive()) {
          return false;
        }
        lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
      return true;
    }
  }

  int port() {
    return port;
  }

  /** Kills the process without warning (SIGKILL on Linux) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Stops the process normally (SIGTERM), killing it if it does not stop in time. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private static int awaitPort(Process process, List<String> lines) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    boolean inError = false;
                    for (String rest = out.readLine(); rest != null; rest = out.readLine()) {
                      synchronized (lines) {
                        // Only the lines a test waits for are kept, so memory stays flat.
                        if (rest.contains(" WARN ") || rest.contains(" ERROR ")) {
                          lines.add(rest);
                        }
                        lines.notifyAll();
                      }
                      // An ERROR line and the stack trace below it, so a failing test shows why.
                      inError =
                          rest.contains(" ERROR ")
                              || (inError && (rest.startsWith("\t") || rest.startsWith("Caused")));
                      if (inError) {
                        System.err.println("server: " + rest);
                      }
                    }
                  } catch (IOException e) {
                    // The process was killed: its output ends here.
                  }
                },
                "server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("the server exited without listening:\n" + seen);
  }
}
