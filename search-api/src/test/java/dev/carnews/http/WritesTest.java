package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: writes over HTTP, keys, durability answers, body limits and escaping of written text.
 */
class WritesTest {

  static final String KEY = "editor-key-0123456789abcdef";
  static final String[] AUTH = {"Authorization", "Bearer " + KEY};

  private RunningApp running;
  private GroupCommitter committer;

  @BeforeEach
  void start() throws IOException {
    running = new RunningApp(this::withWrites);
  }

  @AfterEach
  void stop() throws IOException {
    running.close();
    committer.close();
  }

  private AppOptions withWrites(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(KEY)));
  }

  @Test
  void writeWithoutKeyIs401() throws Exception {
    RunningApp.Answer answer = running.send("PUT", "/api/articles/n1", "{\"title\":\"T\"}");
    assertError(answer, 401, "unauthorized");
    assertEquals("Bearer", answer.response().headers().firstValue("WWW-Authenticate").orElse(""));
    assertError(running.send("DELETE", "/api/articles/a1", ""), 401, "unauthorized");
    assertError(running.send("POST", "/api/articles", "{\"title\":\"T\"}"), 401, "unauthorized");
  }

  @Test
  void malformedAuthorizationIs401AndWrongKeyIs403() throws Exception {
    assertError(
        running.send("PUT", "/api/articles/n1", "{\"title\":\"T\"}", "Authorization", KEY),
        401,
        "unauthorized");
    assertError(
        running.send(
            "PUT",
            "/api/articles/n1",
            "{\"title\":\"T\"}",
            "Authorization",
            "Bearer not-the-key-0123456789"),
        403,
        "forbidden");
    assertEquals(404, running.get("/api/articles/n1").status(), "a refused write changed nothing");
  }

  @Test
  void withoutConfiguredKeysWritesAreDisabled() throws Exception {
    try (RunningApp readOnly = new RunningApp()) {
      assertError(
          readOnly.send("PUT", "/api/articles/n1", "{\"title\":\"T\"}", AUTH),
          403,
          "writes_disabled");
      assertEquals(200, readOnly.get("/api/search?q=battery").status(), "reads stay public");
    }
  }

  @Test
  void putCreatesThenUpdatesAndIsVisibleAtOnce() throws Exception {
    String body = "{\"title\":\"Kia shows a small van\",\"body\":\"The van is electric.\"}";
    RunningApp.Answer created = running.send("PUT", "/api/articles/n1", body, AUTH);
    assertEquals(201, created.status());
    assertEquals("created", created.json().get("result").asText());
    RunningApp.Answer updated =
        running.send("PUT", "/api/articles/n1", body.replace("small", "large"), AUTH);
    assertEquals(200, updated.status());
    assertEquals("updated", updated.json().get("result").asText());
    JsonNode article = running.get("/api/articles/n1").json();
    assertEquals("Kia shows a large van", article.get("title").asText());
  }

  @Test
  void writtenArticleIsDurableBeforeTheAnswer() throws Exception {
    assertEquals(
        201, running.send("PUT", "/api/articles/n1", "{\"title\":\"Durable\"}", AUTH).status());
    // A reader on the last commit (what survives a crash) already has it.
    try (DirectoryReader committed = DirectoryReader.open(directoryOf(running.index))) {
      assertEquals(Fixtures.ARTICLES.size() + 1, committed.numDocs());
    }
    assertEquals(200, running.send("DELETE", "/api/articles/n1", "", AUTH).status());
    try (DirectoryReader committed = DirectoryReader.open(directoryOf(running.index))) {
      assertEquals(Fixtures.ARTICLES.size(), committed.numDocs());
    }
  }

  @Test
  void pathIdWinsAndAMismatchedBodyIdIs400() throws Exception {
    assertError(
        running.send("PUT", "/api/articles/n1", "{\"id\":\"other\",\"title\":\"T\"}", AUTH),
        400,
        "id_mismatch");
    assertEquals(
        201,
        running.send("PUT", "/api/articles/n1", "{\"id\":\"n1\",\"title\":\"T\"}", AUTH).status());
  }

  @Test
  void badArticlesAre400WithTheErrorShape() throws Exception {
    assertError(
        running.send("PUT", "/api/articles/n1", "{\"body\":\"x\"}", AUTH), 400, "bad_article");
    assertError(running.send("PUT", "/api/articles/n1", "[1,2]", AUTH), 400, "bad_article");
    assertError(running.send("PUT", "/api/articles/n1", "{\"title\":", AUTH), 400, "bad_body");
    assertError(running.send("PUT", "/api/articles/n1", "", AUTH), 400, "bad_body");
    assertError(
        running.send("PUT", "/api/articles/n1", "{\"title\":\"T\",\"published\":\"soon\"}", AUTH),
        400,
        "bad_article");
  }

  @Test
  void batchReportsEachItemAndSkipsBadOnes() throws Exception {
    String lines =
        "{\"id\":\"b1\",\"title\":\"One\"}\nnot json\n{\"body\":\"no title\"}\n"
            + "{\"id\":\"b2\",\"title\":\"Two\"}\n";
    RunningApp.Answer answer = running.send("POST", "/api/articles", lines, AUTH);
    assertEquals(200, answer.status());
    assertEquals(2, answer.json().get("written").asInt());
    assertEquals(2, answer.json().get("failed").asInt());
    JsonNode items = answer.json().get("items");
    assertEquals(201, items.get(0).get("status").asInt());
    assertEquals("bad_body", items.get(1).get("error").get("code").asText());
    assertEquals("bad_article", items.get(2).get("error").get("code").asText());
    assertEquals("b2", items.get(3).get("id").asText());
    assertEquals(200, running.get("/api/articles/b2").status());

    RunningApp.Answer array =
        running.send("POST", "/api/articles", "[{\"id\":\"b3\",\"title\":\"Three\"}, 7]", AUTH);
    assertEquals(1, array.json().get("written").asInt());
    assertEquals(1, array.json().get("failed").asInt());
  }

  @Test
  void deleteRemovesAndAnUnknownIdIs404() throws Exception {
    assertEquals(200, running.send("DELETE", "/api/articles/a1", "", AUTH).status());
    assertEquals(404, running.get("/api/articles/a1").status());
    assertError(running.send("DELETE", "/api/articles/a1", "", AUTH), 404, "not_found");
  }

  @Test
  void xssTitleWrittenByPutComesBackEscaped() throws Exception {
    String body =
        "{\"title\":\"<img src=x onerror=alert(1)>\","
            + "\"body\":\"Mazda onerror news <script>alert(2)</script> here.\"}";
    assertEquals(201, running.send("PUT", "/api/articles/xss", body, AUTH).status());
    JsonNode hit = running.get("/api/search?q=onerror").json().get("hits").get(0);
    assertEquals("xss", hit.get("id").asText());
    assertEquals("<img src=x onerror=alert(1)>", hit.get("title").asText(), "raw text as data");
    String titleHtml = hit.get("titleHtml").asText();
    String snippet = hit.get("snippet").asText();
    assertEquals("&lt;img src=x <mark>onerror</mark>=alert(1)&gt;", titleHtml);
    assertFalse(snippet.contains("<script"), snippet);
    assertTrue(snippet.contains("&lt;script&gt;"), snippet);
  }

  @Test
  void bodySizeLimitIsExactly413AtNPlusOne() throws Exception {
    String json = "{\"title\":\"Padded\"}";
    String atLimit = json + " ".repeat(RequestBodies.MAX_ARTICLE_BYTES - json.length());
    assertEquals(201, running.send("PUT", "/api/articles/big", atLimit, AUTH).status());
    assertError(running.send("PUT", "/api/articles/big", atLimit + " ", AUTH), 413, "too_large");
  }

  @Test
  void jsonDepthLimitIsExact() throws Exception {
    // The article object is depth 1; each array adds one.
    int arrays = RequestBodies.MAX_JSON_DEPTH - 1;
    String ok = "{\"title\":\"Deep\",\"x\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    assertEquals(201, running.send("PUT", "/api/articles/deep", ok, AUTH).status());
    String tooDeep =
        "{\"title\":\"Deep\",\"x\":" + "[".repeat(arrays + 1) + "]".repeat(arrays + 1) + "}";
    assertError(running.send("PUT", "/api/articles/deep", tooDeep, AUTH), 400, "body_limit");
  }

  @Test
  void jsonStringLengthLimitIsExact() throws Exception {
    String text = "word ".repeat(RequestBodies.MAX_JSON_STRING / 5);
    String ok = "{\"title\":\"Long\",\"body\":\"" + text + "\"}";
    assertEquals(201, running.send("PUT", "/api/articles/long", ok, AUTH).status());
    String tooLong = "{\"title\":\"Long\",\"body\":\"" + text + "w\"}";
    assertError(running.send("PUT", "/api/articles/long", tooLong, AUTH), 400, "body_limit");
  }

  @Test
  void titleAndWordLengthLimitsAreExact() throws Exception {
    String title = "t".repeat(WriteHandlers.MAX_TITLE_LENGTH);
    assertEquals(
        201,
        running.send("PUT", "/api/articles/t", "{\"title\":\"" + title + "\"}", AUTH).status());
    assertError(
        running.send("PUT", "/api/articles/t", "{\"title\":\"" + title + "t\"}", AUTH),
        400,
        "bad_article");
    String word = "w".repeat(WriteHandlers.MAX_WORD_LENGTH);
    String body = "{\"title\":\"T\",\"body\":\"a " + word + " b\"}";
    assertEquals(201, running.send("PUT", "/api/articles/w", body, AUTH).status());
    assertError(
        running.send("PUT", "/api/articles/w", body.replace(word, word + "w"), AUTH),
        400,
        "bad_article");
  }

  @Test
  void metricsCountRequestsByRouteIngestAndTheIndex() throws Exception {
    running.get("/api/search?q=van");
    running.send("PUT", "/api/articles/m1", "{\"title\":\"Metered\"}", AUTH);
    String metrics = running.getText("/metrics").body();
    assertTrue(
        metrics.contains(
            "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\""),
        metrics);
    assertTrue(metrics.contains("route=\"/api/articles/{id}\",status=\"201\""), metrics);
    assertTrue(metrics.contains("carnews_searches_total{outcome=\"ok\"}"), metrics);
    assertTrue(metrics.contains("carnews_ingested_articles_total{operation=\"put\"} 1.0"), metrics);
    assertTrue(
        metrics.contains("carnews_index_documents " + (Fixtures.ARTICLES.size() + 1) + ".0"),
        metrics);
    assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
    // Unknown paths fold into one label: clients cannot create series.
    running.get("/no/such/page-1");
    running.get("/no/such/page-2");
    String after = running.getText("/metrics").body();
    assertFalse(after.contains("page-1"), "a raw path became a label");
    assertTrue(after.contains("route=\"unmatched\""));
  }

  @Test
  void failedCommitAnswers503NotSuccess() throws Exception {
    FailingSync directory = new FailingSync(new ByteBuffersDirectory());
    ArticleIndex index = ArticleIndex.open(directory);
    try (RunningApp failing = new RunningApp(index, this::withWritesReplacing)) {
      directory.failing = true;
      assertError(
          failing.send("PUT", "/api/articles/n1", "{\"title\":\"Lost\"}", AUTH),
          503,
          "not_durable");
      directory.failing = false;
      assertEquals(
          201, failing.send("PUT", "/api/articles/n2", "{\"title\":\"Kept\"}", AUTH).status());
    }
  }

  private AppOptions withWritesReplacing(ArticleIndex index) {
    committer.close();
    return withWrites(index);
  }

  static void assertError(RunningApp.Answer answer, int status, String code) {
    assertEquals(status, answer.status(), () -> answer.response().body());
    assertNotNull(answer.json(), "no JSON body");
    JsonNode error = answer.json().get("error");
    assertNotNull(error, answer.response().body());
    assertEquals(status, error.get("status").asInt());
    assertEquals(code, error.get("code").asText(), answer.response().body());
    assertTrue(error.get("message").asText().length() > 0);
  }

  private static Directory directoryOf(ArticleIndex index) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return ((DirectoryReader) searcher.getIndexReader()).directory();
    } finally {
      index.searchers().release(searcher);
    }
  }

  /** A directory whose fsync fails on demand, as a full or failing disk would. */
  private static final class FailingSync extends FilterDirectory {
    volatile boolean failing;

    FailingSync(Directory in) {
      super(in);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (failing) {
        throw new IOException("simulated fsync failure");
      }
      super.sync(names);
    }
  }
}
