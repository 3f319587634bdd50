package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, as a developer or a cache in front of the packaged jar sees it: a repeated search with
 * the first answer's ETag is a 304, a keyed write changes the ETag, every answer carries an {@code
 * X-Request-Id}, and the access-log line of a request names its id. The served description is the
 * linted file.
 */
class HttpContractIT {

  private static final String KEY = "it-editor-key-0123456789";

  @Test
  void cachingAndRequestIdsOfThePackagedService(@TempDir Path folder) throws Exception {
    try (RunningJar server =
        RunningJar.startWithKeys(KEY, "--index", folder.resolve("index").toString())) {
      List<HttpResponse<String>> answers = new ArrayList<>();
      HttpResponse<String> first = server.send("GET", "/api/search?q=renault", "");
      answers.add(first);
      assertEquals(200, first.statusCode());
      String etag = first.headers().firstValue("ETag").orElseThrow();
      assertTrue(
          first.headers().firstValue("Cache-Control").orElseThrow().startsWith("public, max-age="));
      HttpResponse<String> again =
          server.send("GET", "/api/search?q=renault", "", "If-None-Match", etag);
      answers.add(again);
      assertEquals(304, again.statusCode());
      assertEquals("", again.body());

      HttpResponse<String> put =
          server.send(
              "PUT",
              "/api/articles/it-cache-1",
              "{\"title\":\"Renault shows a small electric van\",\"body\":\"A van for towns.\"}",
              "Authorization",
              "Bearer " + KEY,
              "Content-Type",
              "application/json");
      answers.add(put);
      assertEquals(201, put.statusCode(), put.body());
      assertEquals("no-store", put.headers().firstValue("Cache-Control").orElseThrow());
      HttpResponse<String> after =
          server.send("GET", "/api/search?q=renault", "", "If-None-Match", etag);
      answers.add(after);
      assertEquals(200, after.statusCode(), "the old ETag no longer matches after a write");
      assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());

      HttpResponse<String> missing =
          server.send("GET", "/api/articles/no-such", "", "X-Request-Id", "it-bug-report-16");
      answers.add(missing);
      assertEquals(404, missing.statusCode());
      assertTrue(missing.body().contains("\"requestId\":\"it-bug-report-16\""), missing.body());
      answers.add(server.send("GET", "/", ""));
      answers.add(server.send("GET", "/openapi.json", ""));
      for (HttpResponse<String> answer : answers) {
        assertTrue(
            answer.headers().firstValue("X-Request-Id").isPresent(),
            "no X-Request-Id on " + answer.request().method() + " " + answer.uri());
      }
      assertEquals(resource("/openapi.json"), answers.get(answers.size() - 1).body());
      assertLogged(server, "GET /api/articles/no-such 404", "it-bug-report-16");
    }
  }

  /** Waits a little for the access-log line, which is written after the answer is sent. */
  private static void assertLogged(RunningJar server, String request, String id)
      throws InterruptedException {
    for (int tries = 0; tries < 50; tries++) {
      if (server.output().stream().anyMatch(l -> l.contains(request) && l.contains(id))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no access-log line with " + id + " in " + server.output());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HttpContractIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
