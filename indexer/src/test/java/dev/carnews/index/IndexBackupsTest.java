package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBackupsTest {

  private static TaggedArticle tagged(String id, Instant published) {
    Article article =
        new Article(
            id,
            "https://news.example/" + id,
            "Title of " + id,
            "Body of " + id + ": Renault and Nissan.",
            List.of("Jane Doe"),
            published,
            "news",
            List.of("ev"));
    return new TaggedArticle(article, List.of("Jane Doe"), List.of(), List.of(), List.of());
  }

  private static void write(ArticleIndex index, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      index.write(tagged("a" + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L)));
    }
  }

  @Test
  void aBackupOfALiveIndexRestoresItsCommitAndTheNextCopiesOnlyNewFiles(@TempDir Path folder)
      throws IOException {
    Path live = folder.resolve("live");
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    BackupInfo first;
    BackupInfo second;
    try (ArticleIndex index = ArticleIndex.open(live)) {
      write(index, 0, 50);
      first = index.backup(repository, 3);
      write(index, 50, 60); // after the backup point: not in the first backup
      second = index.backup(repository, 3);
    }
    assertEquals(50, first.articles());
    assertEquals("a49", first.newestId());
    assertEquals(first.bytes(), first.copiedBytes(), "the first backup copies everything");
    assertEquals(60, second.articles());
    assertTrue(
        second.copiedBytes() < second.bytes(),
        "the second backup links the unchanged segments: " + second);
    assertEquals(List.of(first, second), repository.list());

    Path restored = folder.resolve("restored");
    BackupInfo back = IndexBackups.restore(repository.folderOf(first), restored);
    assertEquals(first, back);
    try (ArticleIndex index = ArticleIndex.open(restored)) {
      assertEquals(50, index.count());
    }
  }

  @Test
  void theCliCopiesTheLastCommitWhileAWriterHoldsTheIndex(@TempDir Path folder) throws IOException {
    Path live = folder.resolve("live");
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    try (ArticleIndex index = ArticleIndex.open(live)) {
      write(index, 0, 20);
      index.commit();
      write(index, 20, 30); // not committed: not in the backup
      BackupInfo backup = repository.backupLatestCommit(live, 2);
      assertEquals(20, backup.articles());
    }
  }

  @Test
  void retentionKeepsTheNewestAndAKilledBackupLeavesTheOthersValid(@TempDir Path folder)
      throws IOException {
    Path live = folder.resolve("live");
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    try (ArticleIndex index = ArticleIndex.open(live)) {
      for (int round = 0; round < 4; round++) {
        write(index, round * 10, round * 10 + 10);
        index.backup(repository, 2);
      }
    }
    List<BackupInfo> kept = repository.list();
    assertEquals(2, kept.size());
    assertEquals(List.of(30L, 40L), kept.stream().map(BackupInfo::articles).toList());

    // What a backup killed half-way leaves: a folder without a manifest, never listed.
    Path half = repository.folder().resolve(".incomplete-backup-x");
    Files.createDirectories(half);
    Files.writeString(half.resolve("_0.cfs"), "partial");
    assertEquals(kept, repository.list());
    BackupInfo next = repository.backupLatestCommit(live, 2);
    assertEquals(40, next.articles());
    assertTrue(Files.notExists(half), "the next backup clears what the killed one left");
    for (BackupInfo backup : repository.list()) {
      Path target = folder.resolve("restore-" + backup.name());
      assertEquals(
          backup.articles(), IndexBackups.restore(repository.folderOf(backup), target).articles());
    }
  }

  @Test
  void restoreRefusesAFolderThatIsNotEmpty(@TempDir Path folder) throws IOException {
    Path live = folder.resolve("live");
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    BackupInfo backup;
    try (ArticleIndex index = ArticleIndex.open(live)) {
      write(index, 0, 3);
      backup = index.backup(repository, 1);
    }
    IOException refused =
        assertThrows(
            IOException.class, () -> IndexBackups.restore(repository.folderOf(backup), live));
    assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
    try (Stream<Path> files = Files.list(live)) {
      assertTrue(files.count() > 0);
    }
  }

  @Test
  void copiesOfTheLastCommitWhileAWriterCommitsAndMergesAreEachOneCommit(@TempDir Path folder)
      throws Exception {
    Path live = folder.resolve("live");
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    List<BackupInfo> taken = new ArrayList<>();
    try (ArticleIndex index = ArticleIndex.open(live)) {
      Thread writer =
          new Thread(
              () -> {
                try {
                  // Ten articles per commit: a copy of one commit holds a multiple of ten.
                  for (int from = 0; writing.get(); from += 10) {
                    write(index, from, from + 10);
                    index.commit();
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              },
              "writer");
      writer.start();
      for (int i = 0; i < 8; i++) {
        Thread.sleep(50);
        taken.add(repository.backupLatestCommit(live, 20));
      }
      writing.set(false);
      writer.join();
    }
    assertEquals(null, failed.get());
    for (BackupInfo backup : taken) {
      assertEquals(0, backup.articles() % 10, "a copy of one commit: " + backup);
      Path target = folder.resolve("restored-" + backup.name());
      assertEquals(
          backup.articles(), IndexBackups.restore(repository.folderOf(backup), target).articles());
    }
    assertTrue(taken.get(taken.size() - 1).articles() > taken.get(0).articles());
  }
}
