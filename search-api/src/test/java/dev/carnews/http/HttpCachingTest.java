package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: public GET answers carry an ETag tied to the index version and a Cache-Control, answer
 * If-None-Match with 304 (only where the answer is a 200), and a write makes the next ETag new;
 * errors, writes and keyed requests are not stored.
 */
class HttpCachingTest {

  private static final String KEY = WritesTest.KEY;
  private static final String[] AUTH = WritesTest.AUTH;

  private RunningApp running;
  private GroupCommitter committer;
  private Duration maxAge = AppOptions.DEFAULT_CACHE_MAX_AGE;

  @BeforeEach
  void start() throws Exception {
    running = new RunningApp(this::options);
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
    committer.close();
  }

  private AppOptions options(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(KEY)))
        .withCacheMaxAge(maxAge);
  }

  @Test
  void searchAnswerHasWeakEtagPublicMaxAgeAndVary() throws Exception {
    HttpResponse<String> answer = running.get("/api/search?q=renault").response();
    assertEquals(200, answer.statusCode());
    assertTrue(header(answer, "ETag").orElseThrow().startsWith("W/\""), "weak validator");
    assertEquals("public, max-age=5", header(answer, "Cache-Control").orElseThrow());
    assertEquals(HttpCaching.VARY, header(answer, "Vary").orElseThrow());
  }

  @Test
  void compressedAnswersVaryOnceOnOriginAndEncoding() throws Exception {
    HttpResponse<Void> gzipped =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + running.app.port() + "/api/search"))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
    assertEquals(List.of(HttpCaching.VARY), gzipped.headers().allValues("Vary"));
    assertTrue(gzipped.headers().firstValue("ETag").isPresent());
  }

  @Test
  void ifNoneMatchOfTheEtagIs304WithoutBody() throws Exception {
    String etag = etag("/api/search?q=renault&brand=Renault");
    HttpResponse<String> again =
        running
            .send("GET", "/api/search?q=renault&brand=Renault", "", "If-None-Match", etag)
            .response();
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(etag, header(again, "ETag").orElseThrow());
    assertEquals("public, max-age=5", header(again, "Cache-Control").orElseThrow());
    assertTrue(header(again, RequestIds.HEADER).isPresent());
    // A list of tags, one of them this one, matches as well.
    assertEquals(
        304,
        running
            .send(
                "GET", "/api/search?q=renault&brand=Renault", "", "If-None-Match", "\"x\", " + etag)
            .status());
  }

  @Test
  void etagDependsOnTheRequest() throws Exception {
    String renault = etag("/api/search?q=renault");
    assertNotEquals(renault, etag("/api/search?q=nissan"));
    RunningApp.Answer other =
        running.send("GET", "/api/search?q=nissan", "", "If-None-Match", renault);
    assertEquals(200, other.status(), "another request's tag does not match");
    assertEquals(renault, etag("/api/search?q=renault"), "the same request at the same version");
  }

  @Test
  void ifNoneMatchStarIs304OnlyForA200() throws Exception {
    // Issue 16: an earlier attempt answered 304 to `If-None-Match: *` for 404 and 400 answers.
    RunningApp.Answer missing =
        running.send("GET", "/api/articles/no-such-article", "", "If-None-Match", "*");
    WritesTest.assertError(missing, 404, "not_found");
    assertEquals("no-store", header(missing.response(), "Cache-Control").orElseThrow());
    assertFalse(header(missing.response(), "ETag").isPresent());
    RunningApp.Answer bad = running.send("GET", "/api/search?size=0", "", "If-None-Match", "*");
    WritesTest.assertError(bad, 400, "bad_parameter");
    assertEquals("no-store", header(bad.response(), "Cache-Control").orElseThrow());
    assertEquals(304, running.send("GET", "/api/articles/a1", "", "If-None-Match", "*").status());
  }

  @Test
  void keyedPutMakesTheNextEtagNew() throws Exception {
    String before = etag("/api/search?q=renault");
    String article = etag("/api/articles/a1");
    RunningApp.Answer put =
        running.send(
            "PUT",
            "/api/articles/cache-1",
            "{\"title\":\"Renault shows a small van\",\"body\":\"A van.\"}",
            AUTH);
    assertEquals(201, put.status());
    assertEquals("no-store", header(put.response(), "Cache-Control").orElseThrow());
    assertFalse(header(put.response(), "ETag").isPresent());
    String after = etag("/api/search?q=renault");
    assertNotEquals(before, after);
    assertEquals(
        200, running.send("GET", "/api/search?q=renault", "", "If-None-Match", before).status());
    assertNotEquals(article, etag("/api/articles/a1"), "any write changes every tag");
    RunningApp.Answer deleted = running.send("DELETE", "/api/articles/cache-1", "", AUTH);
    assertEquals(200, deleted.status());
    assertNotEquals(after, etag("/api/search?q=renault"));
  }

  @Test
  void keyedReadsAndMonitoringAreNotStored() throws Exception {
    HttpResponse<String> keyed = running.send("GET", "/api/search?q=renault", "", AUTH).response();
    assertEquals(200, keyed.statusCode());
    assertEquals("no-store", header(keyed, "Cache-Control").orElseThrow());
    assertFalse(header(keyed, "ETag").isPresent());
    HttpResponse<String> health = running.get("/health").response();
    assertEquals("no-store", header(health, "Cache-Control").orElseThrow());
    assertFalse(header(health, "ETag").isPresent());
  }

  @Test
  void maxAgeZeroMeansRevalidateEveryTime() throws Exception {
    running.close();
    committer.close();
    maxAge = Duration.ZERO;
    running = new RunningApp(this::options);
    HttpResponse<String> answer = running.get("/api/suggest?q=ren").response();
    assertEquals("public, no-cache", header(answer, "Cache-Control").orElseThrow());
    assertTrue(header(answer, "ETag").isPresent());
  }

  @Test
  void headAnswersLikeGetWithoutBody() throws Exception {
    String etag = etag("/api/articles/a1");
    HttpResponse<String> head = running.send("HEAD", "/api/articles/a1", "").response();
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(etag, header(head, "ETag").orElseThrow());
    assertEquals(304, running.send("HEAD", "/api/articles/a1", "", "If-None-Match", etag).status());
    HttpResponse<String> missing = running.send("HEAD", "/api/articles/no-such", "").response();
    assertEquals(404, missing.statusCode());
    assertFalse(header(missing, "ETag").isPresent());
  }

  private String etag(String pathAndQuery) throws Exception {
    RunningApp.Answer answer = running.get(pathAndQuery);
    assertEquals(200, answer.status(), pathAndQuery);
    return header(answer.response(), "ETag").orElseThrow();
  }

  private static Optional<String> header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name);
  }
}
