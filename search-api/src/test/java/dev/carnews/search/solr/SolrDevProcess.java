package dev.carnews.search.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The solr module's {@code SolrDevCluster} (ZooKeeper + Solr nodes, Jetty 10) in a child JVM, on
 * the classpath the solr module wrote at {@code package}: Solr never shares this test JVM, which
 * runs Javalin's Jetty. Nodes are stopped and started through the child's stdin.
 */
final class SolrDevProcess implements AutoCloseable {

  private static final String READY = "solr-dev ready ";

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
  final String zk;
  final List<String> urls;

  private SolrDevProcess(Process process, String ready) {
    this.process = process;
    this.commands =
        new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String[] parts = ready.substring(READY.length()).split(" ");
    this.zk = parts[0].substring("zk=".length());
    this.urls = List.of(parts[1].substring("solr=".length()).split(","));
  }

  /** Starts a cluster of {@code nodes} nodes from {@code port} with a 2×2 collection. */
  static SolrDevProcess start(int nodes, int port, String collection) throws Exception {
    return start(nodes, port, collection, null);
  }

  /**
   * Starts a cluster of {@code nodes} nodes from {@code port} with a 2×2 collection and, unless
   * {@code backups} is {@code null}, a file system backup repository in that folder.
   */
  static SolrDevProcess start(int nodes, int port, String collection, Path backups)
      throws Exception {
    Path target = Path.of(System.getProperty("user.dir")).resolve("../solr/target").normalize();
    Path classpath = target.resolve("node-classpath.txt");
    if (!Files.exists(classpath)) {
      throw new IllegalStateException(classpath + " is missing: package the solr module first");
    }
    String cp =
        target.resolve("classes")
            + java.io.File.pathSeparator
            + Files.readString(classpath).strip();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-Xmx768m",
            "-cp",
            cp,
            "dev.carnews.solr.SolrDevCluster",
            "--control",
            "--nodes",
            Integer.toString(nodes),
            "--port",
            Integer.toString(port),
            "--collection",
            collection,
            "--shards",
            "2",
            "--replicas",
            "2");
    if (backups != null) {
      builder.command().addAll(List.of("--backup-dir", backups.toString()));
    }
    builder.redirectError(target.resolve("solr-dev-it.log").toFile());
    Process process = builder.start();
    BlockingQueue<String> out = new ArrayBlockingQueue<>(1000);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.offer(line);
                }
              } catch (IOException e) {
                out.offer("error " + e);
              }
            },
            "solr-dev-out");
    reader.setDaemon(true);
    reader.start();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < end) {
      String line = out.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(READY)) {
        SolrDevProcess cluster = new SolrDevProcess(process, line);
        cluster.lines.addAll(out);
        Thread pump =
            new Thread(
                () -> {
                  try {
                    while (true) {
                      cluster.lines.put(out.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "solr-dev-lines");
        pump.setDaemon(true);
        pump.start();
        return cluster;
      }
      if (!process.isAlive()) {
        break;
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "solr-dev did not start; see " + target.resolve("solr-dev-it.log"));
  }

  /** Sends a command ({@code stop 1}, {@code start 1}) and returns its one-line answer. */
  String command(String command) throws Exception {
    commands.write(command + "\n");
    commands.flush();
    String answer = lines.poll(3, TimeUnit.MINUTES);
    if (answer == null || answer.startsWith("error")) {
      throw new IllegalStateException(command + ": " + answer);
    }
    return answer;
  }

  @Override
  public void close() throws Exception {
    commands.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
