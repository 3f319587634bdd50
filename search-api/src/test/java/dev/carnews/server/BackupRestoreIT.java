package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, online backup: writers put articles without pause while the service is backed up, twice
 * through its admin route and once by {@code indexer.jar backup} beside it (the service holds the
 * write lock); writes go on after each backup. Every backup is then restored by {@code indexer.jar
 * restore} into a fresh folder, and must hold every article acknowledged before the backup was
 * asked for, with Lucene's {@link CheckIndex} clean; the service then starts on a restored folder
 * and serves those articles.
 */
class BackupRestoreIT {

  private static final String KEY = "backup-test-key-0123456789";
  private static final int WRITERS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path INDEXER = Path.of("..", "indexer", "target", "indexer.jar");

  /** Ids whose write was acknowledged (201), in no order. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  private final AtomicBoolean writing = new AtomicBoolean(true);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A backup and what was acknowledged before it was asked for. */
  private record Taken(String name, Path repository, Set<String> before, long articles) {}

  @Test
  void everyArticleAcknowledgedBeforeTheBackupIsRestored(@TempDir Path folder) throws Exception {
    assertTrue(Files.exists(INDEXER), "package the indexer first: " + INDEXER.toAbsolutePath());
    Path index = folder.resolve("index");
    Path serviceBackups = folder.resolve("service-backups");
    Path cliBackups = folder.resolve("cli-backups");
    List<Taken> taken = new ArrayList<>();
    try (JarServer server =
        JarServer.start(
            KEY,
            "--port",
            "0",
            "--index",
            index.toString(),
            "--no-sample",
            "--no-vectors",
            "--backup-dir",
            serviceBackups.toString(),
            "--backup-keep",
            "5")) {
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread = new Thread(() -> write(server.port(), writer), "writer-" + w);
        writers.add(thread);
        thread.start();
      }
      for (int round = 0; round < 3; round++) {
        awaitMoreAcknowledged(40);
        Set<String> before = Set.copyOf(acknowledged);
        if (round == 1) {
          String out =
              indexer("backup", "--index", index.toString(), "--to", cliBackups.toString());
          String name = onlyBackup(cliBackups);
          taken.add(new Taken(name, cliBackups, before, -1));
          System.out.println("BackupRestoreIT: " + out.strip());
        } else {
          long start = System.nanoTime();
          HttpResponse<String> answer = admin(server.port(), "POST");
          assertEquals(201, answer.statusCode(), answer.body());
          JsonNode backup = JSON.readTree(answer.body());
          taken.add(
              new Taken(
                  backup.get("name").asText(),
                  serviceBackups,
                  before,
                  backup.get("articles").asLong()));
          System.out.printf(
              "BackupRestoreIT: admin backup of %d articles in %d ms: %d bytes, %d copied%n",
              backup.get("articles").asLong(),
              (System.nanoTime() - start) / 1_000_000,
              backup.get("bytes").asLong(),
              backup.get("copiedBytes").asLong());
        }
      }
      awaitMoreAcknowledged(40); // writes go on after the last backup
      writing.set(false);
      for (Thread thread : writers) {
        thread.join(30_000);
      }
      HttpResponse<String> list = admin(server.port(), "GET");
      assertEquals(200, list.statusCode(), list.body());
      assertEquals(2, JSON.readTree(list.body()).get("backups").size());
    }

    Path lastRestored = null;
    Set<String> lastBefore = Set.of();
    for (Taken backup : taken) {
      Path restored = folder.resolve("restored-" + backup.name());
      String out =
          indexer(
              "restore",
              "--from",
              backup.repository().toString(),
              "--backup",
              backup.name(),
              "--index",
              restored.toString());
      assertTrue(out.contains("CheckIndex clean"), out);
      assertClean(restored);
      Set<String> ids = ids(restored);
      Set<String> missing = new HashSet<>(backup.before());
      missing.removeAll(ids);
      assertTrue(missing.isEmpty(), backup.name() + " lost acknowledged articles " + missing);
      assertTrue(
          ids.size() < acknowledged.size(), "the backup is of a point before the last writes");
      if (backup.articles() >= 0) {
        assertEquals(backup.articles(), ids.size());
      }
      System.out.printf(
          "BackupRestoreIT: %s restored: %d articles, all %d acknowledged before it present,"
              + " CheckIndex clean (%s)%n",
          backup.name(), ids.size(), backup.before().size(), out.strip());
      lastRestored = restored;
      lastBefore = backup.before();
    }

    // The service starts on a restored folder and serves what it holds.
    try (JarServer server =
        JarServer.start(
            KEY,
            "--port",
            "0",
            "--index",
            lastRestored.toString(),
            "--no-sample",
            "--no-vectors")) {
      for (String id : lastBefore) {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + "/api/articles/" + id))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, answer.statusCode(), id);
      }
    }
    System.out.printf(
        "BackupRestoreIT: %d articles acknowledged in all, %d backups restored, 0 lost%n",
        acknowledged.size(), taken.size());
  }

  private void awaitMoreAcknowledged(int more) throws InterruptedException {
    int target = acknowledged.size() + more;
    for (int waited = 0; acknowledged.size() < target; waited += 20) {
      assertTrue(waited < 120_000, "writes stalled at " + acknowledged.size());
      Thread.sleep(20);
    }
  }

  /** One writer: new articles, one request at a time, until told to stop. */
  private void write(int port, int writer) {
    for (int n = 0; writing.get(); n++) {
      String id = "w" + writer + "-" + n;
      ObjectNode body =
          JSON.createObjectNode()
              .put("title", "Toyota news " + n + " from writer " + writer)
              .put("body", "Writer " + writer + " reports on Kia and Toyota, item " + n + ".")
              .put(
                  "published",
                  "2026-12-06T" + String.format(Locale.ROOT, "%02d:%02d:00Z", n / 60 % 24, n % 60));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles/" + id))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + KEY)
              .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 201) {
          throw new AssertionError("unexpected status " + status + " for " + id);
        }
        acknowledged.add(id);
      } catch (IOException e) {
        throw new AssertionError("write " + id + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpResponse<String> admin(int port, String method)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/backups"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + KEY)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Runs {@code indexer.jar} and returns its output; fails the test on a non-zero exit. */
  static String indexer(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(RunningJar.java(), "-jar", INDEXER.toString()));
    command.addAll(List.of(args));
    Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, run.exitValue(), out);
    return out;
  }

  private static String onlyBackup(Path repository) throws IOException {
    try (var folders = Files.list(repository)) {
      List<String> names =
          folders
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("backup-"))
              .toList();
      assertEquals(1, names.size(), names.toString());
      return names.get(0);
    }
  }

  static Set<String> ids(Path index) throws IOException {
    Set<String> ids = new HashSet<>();
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (var leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        var live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            ids.add(stored.document(doc).get("id"));
          }
        }
      }
    }
    return ids;
  }

  static void assertClean(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        CheckIndex checker = new CheckIndex(directory)) {
      CheckIndex.Status status = checker.checkIndex();
      assertTrue(status.clean, "CheckIndex found problems in " + index);
    }
  }
}
