package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, faults: {@code indexer.jar backup} is killed with SIGKILL while it copies (as soon as
 * its unfinished backup folder appears), again and again, while this test holds the index's write
 * lock and keeps writing. After every kill the earlier backups are listed as before and each
 * restores clean (CheckIndex, article count, newest article); the next backup completes and clears
 * what the killed one left. The service killed during a backup through its admin route likewise
 * comes back on a clean index, and its next backup completes.
 */
class BackupKillIT {

  private static final String KEY = "backup-kill-test-key-0123456789";
  private static final Path INDEXER = Path.of("..", "indexer", "target", "indexer.jar");

  @Test
  void aBackupKilledWhileCopyingLeavesTheOthersValidAndTheNextCompletes(@TempDir Path folder)
      throws Exception {
    assertTrue(Files.exists(INDEXER), "package the indexer first: " + INDEXER.toAbsolutePath());
    Path live = folder.resolve("index");
    Path repository = folder.resolve("backups");
    IndexBackups backups = IndexBackups.at(repository);
    Random random = new Random(Long.getLong("backupkill.seed", 20261206L));
    int rounds = Integer.getInteger("backupkill.rounds", 4);
    int killedWhileCopying = 0;
    int restored = 0;
    try (ArticleIndex index = ArticleIndex.open(live)) {
      int written = write(index, 0, 10_000, random);
      index.commit();
      BackupRestoreIT.indexer("backup", "--index", live.toString(), "--to", repository.toString());
      for (int round = 0; round < rounds; round++) {
        written = write(index, written, 2_000, random);
        index.commit();
        List<BackupInfo> before = backups.list();
        if (killWhileCopying(live, repository)) {
          killedWhileCopying++;
        }
        assertEquals(before, backups.list(), "a killed backup changes no listed backup");
        for (BackupInfo backup : before) {
          Path target = folder.resolve("restore-" + round + "-" + backup.name());
          BackupInfo back = IndexBackups.restore(backups.folderOf(backup), target);
          assertEquals(backup.articles(), back.articles());
          restored++;
          deleteTree(target);
        }
        String out =
            BackupRestoreIT.indexer(
                "backup", "--index", live.toString(), "--to", repository.toString());
        assertTrue(out.startsWith("Backed up " + String.format("%,d", written)), out);
        try (Stream<Path> entries = Files.list(repository)) {
          assertTrue(
              entries.noneMatch(p -> p.getFileName().toString().startsWith(".incomplete-")),
              "the next backup clears what the killed one left");
        }
        System.out.println("BackupKillIT: round " + round + ": " + out.strip());
      }
    }
    System.out.printf(
        "BackupKillIT: %d kills, %d of them while copying; %d restores of earlier backups clean;"
            + " every next backup completed%n",
        rounds, killedWhileCopying, restored);
    assertTrue(killedWhileCopying > 0, "no kill landed while a backup was copying");
  }

  @Test
  void theServiceKilledDuringAnAdminBackupComesBackAndTheNextBackupCompletes(@TempDir Path folder)
      throws Exception {
    Path live = folder.resolve("index");
    Path repository = folder.resolve("backups");
    IndexBackups backups = IndexBackups.at(repository);
    int written;
    try (ArticleIndex index = ArticleIndex.open(live)) {
      written = write(index, 0, 10_000, new Random(7));
      index.backup(backups, 3);
      written = write(index, written, 4_000, new Random(8));
    }
    List<BackupInfo> before = backups.list();
    String[] options = {
      "--port",
      "0",
      "--index",
      live.toString(),
      "--no-sample",
      "--no-vectors",
      "--backup-dir",
      repository.toString()
    };
    JarServer server = JarServer.start(KEY, options);
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> asked =
        client.sendAsync(adminBackup(server.port()), HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean copying = false;
    while (!asked.isDone() && System.nanoTime() < deadline) {
      if (incomplete(repository)) {
        copying = true;
        break;
      }
      Thread.onSpinWait();
    }
    server.kill();
    // The kill may land just after the backup was renamed into place: then it is complete.
    List<BackupInfo> after = backups.list();
    assertTrue(after.containsAll(before), "a backup killed with the service changes no listed one");
    for (BackupInfo backup : after) {
      Path target = folder.resolve("restored-" + backup.name());
      assertEquals(
          backup.articles(), IndexBackups.restore(backups.folderOf(backup), target).articles());
    }
    try (JarServer again = JarServer.start(KEY, options)) {
      HttpResponse<String> answer =
          client.send(adminBackup(again.port()), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"articles\":" + written), answer.body());
    }
    BackupRestoreIT.assertClean(live);
    System.out.printf(
        "BackupKillIT: the service was killed %s an admin backup; it restarted on a clean index"
            + " of %d articles and its next backup completed%n",
        copying ? "while copying" : "during", written);
  }

  private static HttpRequest adminBackup(int port) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/backups"))
        .header("Authorization", "Bearer " + KEY)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  /** Starts a backup and kills it once its unfinished folder is there; whether it was. */
  private static boolean killWhileCopying(Path live, Path repository)
      throws IOException, InterruptedException {
    Process backup =
        new ProcessBuilder(
                RunningJar.java(),
                "-jar",
                INDEXER.toString(),
                "backup",
                "--index",
                live.toString(),
                "--to",
                repository.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean copying = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (backup.isAlive() && System.nanoTime() < deadline) {
      if (incomplete(repository)) {
        copying = true;
        break;
      }
      Thread.onSpinWait();
    }
    backup.destroyForcibly();
    backup.waitFor(30, TimeUnit.SECONDS);
    return copying;
  }

  private static boolean incomplete(Path repository) throws IOException {
    try (Stream<Path> entries = Files.list(repository)) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith(".incomplete-"));
    }
  }

  /** Writes {@code count} articles with long bodies after the first {@code from}. */
  private static int write(ArticleIndex index, int from, int count, Random random)
      throws IOException {
    StringBuilder words = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      words.setLength(0);
      for (int w = 0; w < 300; w++) {
        words.append("word").append(random.nextInt(50_000)).append(' ');
      }
      Article article =
          new Article(
              "k" + i,
              null,
              "Kill test " + i,
              words.toString(),
              List.of(),
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
              null,
              List.of());
      index.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
    }
    return from + count;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
