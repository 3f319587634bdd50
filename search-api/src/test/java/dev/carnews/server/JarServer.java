package dev.carnews.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private JarServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar with these options and the environment variable for API keys. */
  static JarServer start(String apiKeys, String... options) throws IOException {
    Path jar = Path.of("target", "search-api.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("package the jar first: " + jar.toAbsolutePath());
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dorg.slf4j.simpleLogger.log.dev.carnews.access=warn");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("NEWS_API_KEYS");
    if (apiKeys != null) {
      builder.environment().put("NEWS_API_KEYS", apiKeys);
    }
    Process process = builder.start();
    return new JarServer(process, awaitPort(process));
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

  private static int awaitPort(Process process) throws IOException {
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
