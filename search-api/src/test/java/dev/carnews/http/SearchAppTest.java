package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchAppTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertError(RunningApp.Answer answer, int status, String code) {
    assertEquals(status, answer.status(), answer.response().body());
    assertNotNull(answer.json(), "error body");
    assertEquals(List.of("error"), fieldNames(answer.json()));
    JsonNode error = answer.json().get("error");
    assertEquals(status, error.get("status").asInt());
    assertEquals(code, error.get("code").asText());
    assertFalse(error.get("message").asText().isBlank());
    assertTrue(
        answer
            .response()
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/json"));
  }

  @Test
  void searchAnswersTheContractShape() throws Exception {
    RunningApp.Answer answer = running.get("/api/search?q=electric&size=2");
    assertEquals(200, answer.status());
    JsonNode json = answer.json();
    assertTrue(
        fieldNames(json)
            .containsAll(List.of("total", "page", "size", "pages", "tookMs", "hits", "facets")));
    assertEquals(5, json.get("total").asInt());
    assertEquals(2, json.get("size").asInt());
    assertEquals(3, json.get("pages").asInt());
    JsonNode hit = json.get("hits").get(0);
    assertTrue(
        fieldNames(hit)
            .containsAll(
                List.of(
                    "id", "url", "title", "author", "published", "brands", "persons", "snippet")),
        fieldNames(hit).toString());
    assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
    assertEquals(List.of("brand", "author", "person", "date"), fieldNames(json.get("facets")));
    JsonNode month = json.get("facets").get("date").get(0);
    assertTrue(month.get("value").asText().matches("\\d{4}-\\d{2}"), month.toString());
  }

  @Test
  void datesAreIsoStringsAndUnknownDatesNull() throws Exception {
    JsonNode hits = running.get("/api/search?sort=newest&size=10").json().get("hits");
    assertEquals("2025-08-15T12:00:00Z", hits.get(0).get("published").asText());
    JsonNode last = hits.get(hits.size() - 1);
    assertEquals("a6", last.get("id").asText());
    assertTrue(last.get("published").isNull());
  }

  @Test
  void repeatedFilterValuesAreOred() throws Exception {
    JsonNode json = running.get("/api/search?brand=Renault&brand=toyota").json();
    assertEquals(4, json.get("total").asInt());
    JsonNode anded = running.get("/api/search?brand=Renault&person=Kenji%20Sato").json();
    assertEquals(1, anded.get("total").asInt());
    assertEquals(0, running.get("/api/search?brand=Ford&q=electric").json().get("total").asInt());
  }

  @Test
  void articleShowsItsEntities() throws Exception {
    RunningApp.Answer answer = running.get("/api/articles/a2");
    assertEquals(200, answer.status());
    JsonNode entities = answer.json().get("entities");
    assertEquals("Élodie Marchand", entities.get("persons").get(0).get("name").asText());
    assertTrue(entities.get("brands").get(0).has("salience"));
  }

  @Test
  void unknownArticleIs404() throws Exception {
    assertError(running.get("/api/articles/nope"), 404, "not_found");
    assertError(running.get("/api/articles/nope/related"), 404, "not_found");
  }

  @Test
  void relatedSaysWhatIsShared() throws Exception {
    JsonNode json = running.get("/api/articles/a1/related?size=3").json();
    JsonNode first = json.get("hits").get(0);
    assertEquals("a2", first.get("id").asText());
    assertEquals("Renault", first.get("shared").get("brands").get(0).asText());
    assertTrue(json.get("hits").size() <= 3);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search?size=0",
        "/api/search?size=1000",
        "/api/search?from=notadate",
        "/api/search?page=-1",
        "/api/search?sort=sideways",
        "/api/search?page=abc",
        "/api/search?size=1.5",
        "/api/search?size=99999999999999",
        "/api/search?to=2025-13-01",
        "/api/search?from=2025-02-01&to=2025-01-01",
        "/api/search?page=1000&size=100",
        "/api/articles/a1/related?size=0",
        "/api/articles/a1/related?size=21",
        "/api/articles/a1/related?size=x"
      })
  void badParametersAre400(String path) throws Exception {
    assertError(running.get(path), 400, "bad_parameter");
  }

  @Test
  void tooLongQueryIs400() throws Exception {
    String q = URLEncoder.encode("renault ".repeat(200), StandardCharsets.UTF_8);
    assertError(running.get("/api/search?q=" + q), 400, "bad_parameter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/api/nope", "/api/search/extra"})
  void unknownRoutesAre404(String path) throws Exception {
    assertError(running.get(path), 404, "not_found");
  }

  @Test
  void readingTheBatchWriteRouteIs405() throws Exception {
    // Issue 6: /api/articles takes POSTed batches only.
    assertError(running.get("/api/articles"), 405, "method_not_allowed");
  }

  @Test
  void wrongMethodIs405() throws Exception {
    assertError(running.send("POST", "/api/search"), 405, "method_not_allowed");
    assertError(running.send("DELETE", "/health"), 405, "method_not_allowed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed",
        "(((((",
        "-",
        "*",
        "a~",
        "\\",
        "<script>alert(1)</script>",
        "\u0000\u0001",
        "renault AND OR NOT",
        "%%%",
        "title:renault",
        "/regex.*/",
        "?*?*"
      })
  void hostileQueriesNeverFail(String q) throws Exception {
    RunningApp.Answer answer =
        running.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.response().body());
  }

  @Test
  void responsesCarrySecurityHeaders() throws Exception {
    RunningApp.Answer answer = running.get("/health");
    assertEquals(
        "nosniff", answer.response().headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(answer.response().headers().firstValue("Content-Security-Policy").isPresent());
    assertEquals(7, answer.json().get("documents").asInt());
  }

  @Test
  void readersPageIsServedAtRootWithItsAssets() throws Exception {
    HttpResponse<String> page = running.getText("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("id=\"q\""), "the page has the search box");
    assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
    for (String asset : new String[] {"/app.js", "/app.css"}) {
      assertEquals(200, running.getText(asset).statusCode(), asset);
    }
    // The page script is ES modules: browsers run them only when served with a JavaScript type.
    for (String module : new String[] {"/app.js", "/js/state.js"}) {
      HttpResponse<String> script = running.getText(module);
      assertEquals(200, script.statusCode(), module);
      assertTrue(
          script.headers().firstValue("Content-Type").orElse("").contains("javascript"), module);
    }
  }

  @Test
  void uriTooLongAnswersTheErrorShape() throws Exception {
    assertError(running.get("/api/search?q=" + "a".repeat(20_000)), 414, "uri_too_long");
  }

  @Test
  void malformedUriAnswersTheErrorShape() throws Exception {
    // java.net.URI refuses to build this request, so it goes over a plain socket.
    try (Socket socket = new Socket("localhost", running.app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /api/articles/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      assertTrue(answer.contains("application/json"), answer);
      assertTrue(answer.contains("\"code\":\"bad_request\""), answer);
    }
  }
}
