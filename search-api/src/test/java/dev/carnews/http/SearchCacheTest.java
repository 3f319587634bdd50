package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: the search cache behind the HTTP API: same answers, fresh after writes, metered. */
class SearchCacheTest {

  private RunningApp cached;
  private RunningApp plain;
  private GroupCommitter committer;

  @BeforeEach
  void start() throws IOException {
    cached = new RunningApp(Fixtures.index(), this::withWrites, 100);
    plain = new RunningApp(Fixtures.index(), index -> AppOptions.defaults(), 0);
  }

  @AfterEach
  void stop() throws IOException {
    cached.close();
    plain.close();
    committer.close();
  }

  private AppOptions withWrites(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(
            new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(WritesTest.KEY)));
  }

  @Test
  void repeatedSearchesAnswerLikeTheUncachedAppExceptTookMs() throws Exception {
    List<String> queries =
        List.of(
            "/api/search?q=electric",
            "/api/search?q=electric&brand=Renault&size=2",
            "/api/search?q=elecric",
            "/api/search?sort=newest&page=2&size=3",
            "/api/search?q=renault%20%7C%20nissan&from=2025-07-01&to=2025-08-31");
    for (int round = 0; round < 2; round++) {
      for (String query : queries) {
        RunningApp.Answer fromCache = cached.get(query);
        RunningApp.Answer direct = plain.get(query);
        assertEquals(200, fromCache.status(), query);
        assertEquals(withoutTook(direct), withoutTook(fromCache), query);
      }
    }
    String metrics = cached.getText("/metrics").body();
    assertTrue(
        metrics.contains("carnews_search_cache_requests_total{result=\"hit\"} 5.0"), metrics);
    assertTrue(
        metrics.contains("carnews_search_cache_requests_total{result=\"miss\"} 5.0"), metrics);
    assertTrue(metrics.contains("carnews_search_cache_entries 5.0"), metrics);
  }

  @Test
  void aWriteIsFoundByTheSameSearchRightAfter() throws Exception {
    String query = "/api/search?q=hydrogen";
    assertEquals(0, cached.get(query).json().get("total").asInt());
    assertEquals(0, cached.get(query).json().get("total").asInt());
    assertEquals(
        201,
        cached
            .send(
                "PUT",
                "/api/articles/h1",
                "{\"title\":\"Hydrogen truck on test\"}",
                WritesTest.AUTH)
            .status());
    RunningApp.Answer after = cached.get(query);
    assertEquals(1, after.json().get("total").asInt(), after.response().body());
    assertEquals(200, cached.send("DELETE", "/api/articles/h1", "", WritesTest.AUTH).status());
    assertEquals(0, cached.get(query).json().get("total").asInt());
    assertNotEquals(0, cached.get("/api/search?q=electric").json().get("total").asInt());
  }

  private static String withoutTook(RunningApp.Answer answer) {
    ObjectNode json = (ObjectNode) answer.json().deepCopy();
    json.remove("tookMs");
    return json.toString();
  }
}
