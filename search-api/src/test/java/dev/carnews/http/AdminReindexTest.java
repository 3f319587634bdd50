package dev.carnews.http;

import static dev.carnews.http.WritesTest.AUTH;
import static dev.carnews.http.WritesTest.KEY;
import static dev.carnews.http.WritesTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.admin.ReindexService;
import dev.carnews.admin.ReindexStatus;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 26: the admin reindex routes take the write keys and answer the status as documented. */
class AdminReindexTest {

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

  /** A reindex service that starts one reindex and then says it runs until told otherwise. */
  private static final class OneAtATime implements ReindexService {
    final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.idle());

    @Override
    public synchronized ReindexStatus start() {
      if (status.get().running()) {
        throw new ReindexBusyException("a reindex is running");
      }
      status.set(
          new ReindexStatus(
              "copying", "index", "index.2", Instant.EPOCH, null, 10, 0, 0, 0, -1, null));
      return status.get();
    }

    @Override
    public ReindexStatus status() {
      return status.get();
    }
  }

  private AppOptions withKey(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(KEY)));
  }

  @Test
  void aReindexNeedsAWriteKey() throws Exception {
    running = new RunningApp(index -> withKey(index).withReindex(new OneAtATime()));
    assertError(running.send("POST", "/api/admin/reindex", ""), 401, "unauthorized");
    assertError(running.send("GET", "/api/admin/reindex", ""), 401, "unauthorized");
    assertError(
        running.send(
            "POST", "/api/admin/reindex", "", "Authorization", "Bearer not-the-key-0123456789"),
        403,
        "forbidden");
  }

  @Test
  void aReindexStartsOnceAndItsStatusIsAnsweredUncached() throws Exception {
    OneAtATime service = new OneAtATime();
    running = new RunningApp(index -> withKey(index).withReindex(service));
    RunningApp.Answer idle = running.send("GET", "/api/admin/reindex", "", AUTH);
    assertEquals(200, idle.status());
    assertEquals("idle", idle.json().get("state").asText());
    assertEquals(-1, idle.json().get("secondsLeft").asInt());

    RunningApp.Answer started = running.send("POST", "/api/admin/reindex", "", AUTH);
    assertEquals(202, started.status(), started.response().body());
    assertEquals("copying", started.json().get("state").asText());
    assertEquals("index.2", started.json().get("to").asText());
    assertEquals("no-store", started.response().headers().firstValue("Cache-Control").orElse(""));

    assertError(running.send("POST", "/api/admin/reindex", "", AUTH), 409, "reindex_running");
    RunningApp.Answer status = running.send("GET", "/api/admin/reindex", "", AUTH);
    assertEquals("copying", status.json().get("state").asText());
    assertEquals("no-store", status.response().headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void withoutAReindexServiceTheRoutesAreDisabled() throws Exception {
    running = new RunningApp(this::withKey);
    assertError(running.send("POST", "/api/admin/reindex", "", AUTH), 403, "reindex_disabled");
    assertError(running.send("GET", "/api/admin/reindex", "", AUTH), 403, "reindex_disabled");
  }

  @Test
  void aServiceThatCannotSwitchWhatItServesRefusesWithA409SayingWhatToDo() throws Exception {
    ReindexService onACollection =
        new ReindexService() {
          @Override
          public ReindexStatus start() {
            throw new ReindexRefusedException("serve an alias: collection-reindex --alias NAME");
          }

          @Override
          public ReindexStatus status() {
            return ReindexStatus.idle();
          }
        };
    running = new RunningApp(index -> withKey(index).withReindex(onACollection));
    RunningApp.Answer refused = running.send("POST", "/api/admin/reindex", "", AUTH);
    assertError(refused, 409, "reindex_needs_alias");
    assertEquals(
        "serve an alias: collection-reindex --alias NAME",
        refused.json().at("/error/message").asText());
    assertEquals(
        "idle", running.send("GET", "/api/admin/reindex", "", AUTH).json().get("state").asText());
  }
}
