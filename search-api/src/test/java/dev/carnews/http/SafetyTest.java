package dev.carnews.http;

import static dev.carnews.http.WritesTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.search.SearchRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 6: security headers everywhere, CORS allowlist, HTTP limits at N and N+1, overload 429. */
class SafetyTest {

  private static final String ALLOWED = "https://cms.example";
  private static RunningApp running;

  @BeforeAll
  static void start() throws IOException {
    running = new RunningApp(index -> AppOptions.defaults().withCorsOrigins(List.of(ALLOWED)));
  }

  @AfterAll
  static void stop() throws IOException {
    running.close();
  }

  @Test
  void securityHeadersAreOnPagesApiAnswersAndErrors() throws Exception {
    assertSecurityHeaders(running.getText("/").headers().map());
    assertSecurityHeaders(running.getText("/app.js").headers().map());
    assertSecurityHeaders(running.get("/api/search?q=battery").response().headers().map());
    assertSecurityHeaders(running.get("/no/such/file.css").response().headers().map());
    assertSecurityHeaders(running.get("/api/search?size=0").response().headers().map());
    String jetty = raw("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertTrue(jetty.startsWith("HTTP/1.1 400"), jetty);
    assertTrue(jetty.contains("X-Content-Type-Options: nosniff"), jetty);
    assertTrue(jetty.contains("\"code\":\"bad_request\""), jetty);
  }

  @Test
  void pathTraversalOnStaticFilesIsAJson4xx() throws Exception {
    for (String path :
        List.of(
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/public/../openapi.json",
            "/..%2f..%2fetc/passwd")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      int status = Integer.parseInt(answer.substring(9, 12));
      assertTrue(status >= 400 && status < 500, path + " answered " + status);
      assertTrue(answer.contains("{\"error\":"), path + ": " + answer);
      assertFalse(answer.contains("root:"), path);
    }
  }

  @Test
  void corsAnswersListedOriginsOnly() throws Exception {
    HttpResponse<String> listed =
        running.send("GET", "/api/search?q=van", "", "Origin", ALLOWED).response();
    assertEquals(ALLOWED, listed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    HttpResponse<String> other =
        running.send("GET", "/api/search?q=van", "", "Origin", "https://evil.example").response();
    assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    RunningApp.Answer preflight =
        running.send(
            "OPTIONS",
            "/api/articles/a1",
            "",
            "Origin",
            ALLOWED,
            "Access-Control-Request-Method",
            "PUT");
    assertEquals(204, preflight.status());
    assertTrue(
        preflight
            .response()
            .headers()
            .firstValue("Access-Control-Allow-Methods")
            .orElse("")
            .contains("PUT"));
  }

  @Test
  void queryLengthAndWindowLimitsAtNAndNPlusOne() throws Exception {
    String longest = "ab ".repeat(SearchRequest.MAX_QUERY_LENGTH / 3).replace(' ', '+') + "a";
    assertEquals(200, running.get("/api/search?q=" + longest).status());
    assertError(running.get("/api/search?q=" + longest + "a"), 400, "bad_parameter");
    int pages = SearchRequest.MAX_WINDOW / SearchRequest.MAX_SIZE;
    assertEquals(200, running.get("/api/search?size=100&page=" + pages).status());
    assertError(running.get("/api/search?size=100&page=" + (pages + 1)), 400, "bad_parameter");
    assertError(running.get("/api/search?q=" + "(".repeat(9) + "van"), 400, "bad_query");
  }

  @Test
  void cursorPagingOverHttp() throws Exception {
    JsonNode first = running.get("/api/search?sort=newest&size=2").json();
    String next = first.get("next").asText();
    JsonNode second = running.get("/api/search?sort=newest&size=2&after=" + next).json();
    JsonNode byPage = running.get("/api/search?sort=newest&size=2&page=2").json();
    assertEquals(byPage.get("hits"), second.get("hits"));
    assertFalse(second.get("partial").asBoolean());
    assertError(running.get("/api/search?after=bm9wZQ"), 400, "bad_parameter");
    assertError(running.get("/api/search?sort=newest&page=2&after=" + next), 400, "bad_query");
  }

  @Test
  void searchesBeyondTheBoundAre429WithRetryAfter() throws Exception {
    try (RunningApp bounded =
        new RunningApp(index -> AppOptions.defaults().withSearchBound(1, Duration.ofNanos(1)))) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        int rejected = 0;
        int ok = 0;
        for (int attempt = 0; attempt < 20 && rejected == 0; attempt++) {
          List<Callable<RunningApp.Answer>> burst = new ArrayList<>();
          for (int i = 0; i < 16; i++) {
            burst.add(() -> bounded.get("/api/search?q=electric%20van%20battery"));
          }
          for (Future<RunningApp.Answer> future : pool.invokeAll(burst)) {
            RunningApp.Answer answer = future.get();
            if (answer.status() == 429) {
              assertError(answer, 429, "overloaded");
              assertEquals("1", answer.response().headers().firstValue("Retry-After").orElse(""));
              rejected++;
            } else {
              assertEquals(200, answer.status());
              ok++;
            }
          }
        }
        assertTrue(rejected > 0, "16 concurrent searches against a bound of 1 were never refused");
        assertTrue(ok > 0);
        // Permits are given back: once the burst is over, a search is served again.
        assertEquals(200, bounded.get("/api/search?q=van").status());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void errorsShowNoStackTraceOrPath() throws Exception {
    for (String path :
        List.of(
            "/api/search?page=x", "/api/search?from=2025-13-45", "/api/articles/%00", "/nope")) {
      String body = running.get(path).response().body();
      assertFalse(body.contains("Exception"), body);
      assertFalse(body.contains("/work/") || body.contains("at dev."), body);
      new ObjectMapper().readTree(body).get("error").get("code").asText();
    }
  }

  private static void assertSecurityHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    lower.putAll(headers);
    assertEquals(List.of("nosniff"), lower.get("X-Content-Type-Options"));
    assertTrue(lower.containsKey("Content-Security-Policy"), headers.toString());
    assertTrue(lower.containsKey("Referrer-Policy"), headers.toString());
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", running.app.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
