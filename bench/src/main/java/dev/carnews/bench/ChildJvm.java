package dev.carnews.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server started in a JVM of its own for a benchmark (the service, or a Solr node that must not
 * share the service's classpath): ready once its output prints a line matching a pattern; its
 * output goes on to a log file. Closing it closes its stdin and, unless the process stops on that
 * by itself (a Solr node does, and deletes its temporary home), ends it.
 */
final class ChildJvm implements AutoCloseable {

  private static final long START_LIMIT_SECONDS = 180;

  private final Process process;
  private final String readyGroup;
  private final boolean stopsAtEndOfInput;

  private ChildJvm(Process process, String readyGroup, boolean stopsAtEndOfInput) {
    this.process = process;
    this.readyGroup = readyGroup;
    this.stopsAtEndOfInput = stopsAtEndOfInput;
  }

  /**
   * Starts {@code java JAVA_OPTIONS -cp CLASSPATH MAIN ARGS} and waits for a line matching {@code
   * ready}.
   *
   * @param log where the process's output (stdout and stderr) is written
   * @param stopsAtEndOfInput whether the process ends by itself once its stdin is closed
   * @return the process, with the first group of the matching line in {@link #ready()}
   */
  static ChildJvm start(
      List<String> javaOptions,
      String classpath,
      String mainClass,
      List<String> args,
      Pattern ready,
      Path log,
      boolean stopsAtEndOfInput)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> found =
        CompletableFuture.supplyAsync(() -> awaitLine(process, ready, log));
    try {
      return new ChildJvm(
          process, found.get(START_LIMIT_SECONDS, TimeUnit.SECONDS), stopsAtEndOfInput);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(mainClass + " did not start; see " + log, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + mainClass, e);
    }
  }

  /** The first group of the line that said the process was ready (a port, a URL). */
  String ready() {
    return readyGroup;
  }

  /**
   * The CPU time (user and system, every thread: request threads, GC, the JIT) the process has used
   * so far; zero where the platform does not tell.
   */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** The process id, to attach a profiler to. */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already closed: the process is ending anyway.
    }
    if (!stopsAtEndOfInput || !process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Copies the output to the log until a line matches, then keeps copying on a daemon thread. */
  private static String awaitLine(Process process, Pattern ready, Path log) {
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        Matcher matcher = ready.matcher(line);
        if (matcher.find()) {
          Thread drain = new Thread(() -> copy(lines, out), "child-jvm-log");
          drain.setDaemon(true);
          drain.start();
          return matcher.group(1);
        }
      }
      out.close();
      throw new IllegalStateException("the process ended before it was ready; see " + log);
    } catch (IOException e) {
      throw new IllegalStateException("could not read the process's output", e);
    }
  }

  private static void copy(BufferedReader lines, PrintWriter out) {
    try (out) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
      }
    } catch (IOException e) {
      // The process ended; nothing more to copy.
      return;
    }
  }
}
