package dev.carnews.http;

import static dev.carnews.http.WritesTest.AUTH;
import static dev.carnews.http.WritesTest.KEY;
import static dev.carnews.http.WritesTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.admin.Backup;
import dev.carnews.admin.IndexBackupService;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.BackupInfo;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.IndexBackups;
import dev.carnews.ingest.Article;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26: the admin backup routes take the write keys and answer the backup as documented. */
class AdminBackupsTest {

  @TempDir Path folder;
  private RunningApp running;
  private GroupCommitter committer;

  @AfterEach
  void stop() throws IOException {
    if (running != null) {
      running.close();
    }
    if (committer != null) {
      committer.close();
    }
  }

  /** The app over the fixture articles in a folder, backing up into {@code folder/backups}. */
  private RunningApp withBackups() throws IOException {
    ArticleIndex index = ArticleIndex.open(folder.resolve("index"));
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article : Fixtures.ARTICLES) {
      index.write(tagger.tag(article));
    }
    index.commit();
    IndexBackups repository = IndexBackups.at(folder.resolve("backups"));
    IndexBackupService service =
        new IndexBackupService() {
          @Override
          public Backup create() throws IOException {
            return backup(index.backup(repository, 2));
          }

          @Override
          public List<Backup> list() throws IOException {
            return repository.list().stream().map(AdminBackupsTest::backup).toList();
          }
        };
    return new RunningApp(index, opened -> withKey(opened).withBackups(service));
  }

  /** The write key, which the admin routes take too. */
  private AppOptions withKey(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(KEY)));
  }

  private static Backup backup(BackupInfo info) {
    return new Backup(
        info.name(),
        info.created(),
        info.articles(),
        info.newestId(),
        info.bytes(),
        info.copiedBytes(),
        info.userData());
  }

  @Test
  void aBackupNeedsAWriteKey() throws Exception {
    running = withBackups();
    assertError(running.send("POST", "/api/admin/backups", ""), 401, "unauthorized");
    assertError(running.send("GET", "/api/admin/backups", ""), 401, "unauthorized");
    assertError(
        running.send(
            "POST", "/api/admin/backups", "", "Authorization", "Bearer not-the-key-0123456789"),
        403,
        "forbidden");
  }

  @Test
  void aBackupIsTakenListedAndKeptNoLongerThanAsked() throws Exception {
    running = withBackups();
    RunningApp.Answer first = running.send("POST", "/api/admin/backups", "", AUTH);
    assertEquals(201, first.status(), first.response().body());
    assertEquals(Fixtures.ARTICLES.size(), first.json().get("articles").asInt());
    assertTrue(first.json().get("bytes").asLong() > 0);
    assertEquals("no-store", first.response().headers().firstValue("Cache-Control").orElse(""));
    running.send("POST", "/api/admin/backups", "", AUTH);
    running.send("POST", "/api/admin/backups", "", AUTH);
    RunningApp.Answer list = running.send("GET", "/api/admin/backups", "", AUTH);
    assertEquals(200, list.status());
    assertEquals(2, list.json().get("backups").size(), "--backup-keep 2 keeps two");
  }

  @Test
  void withoutABackupFolderBackupsAreDisabled() throws Exception {
    running = new RunningApp(Fixtures.index(), this::withKey);
    assertError(running.send("POST", "/api/admin/backups", "", AUTH), 403, "backups_disabled");
  }
}
