package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /openapi.json} true: every documented path answers with its documented statuses, the
 * top-level fields its schema requires and the headers the document names for that answer, every
 * documented conditional GET answers 304, and every route of the app is documented.
 */
class OpenApiTest {

  /** Path parameter values for the walk: one that exists and one that does not. */
  private static final Map<String, String> KNOWN =
      Map.of("id", "a1", "type", "brand", "name", "Renault");

  private static final Map<String, String> UNKNOWN =
      Map.of("id", "no-such-article", "type", "brand", "name", "No-such-brand");

  /** Query strings of a good request, for paths that need one (default: none). */
  private static final Map<String, String> OK_QUERY =
      Map.of("/api/suggest", "?q=ren", "/api/entities", "?type=person");

  /** Query strings of a bad request, for paths where {@code ?size=0} is not one. */
  private static final Map<String, String> BAD_QUERY = Map.of("/api/suggest", "?q=");

  /** Paths whose bad request is a path parameter, not a query: as requested instead. */
  private static final Map<String, String> BAD_PATH =
      Map.of("/api/curation/entities/{type}/{name}", "/api/curation/entities/author/Renault");

  private static RunningApp running;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningApp();
    RunningApp.Answer answer = running.get("/openapi.json");
    assertEquals(200, answer.status());
    doc = answer.json();
  }

  @AfterAll
  static void stop() throws IOException {
    running.close();
  }

  @Test
  void documentIsOpenApi3() {
    assertTrue(doc.get("openapi").asText().startsWith("3.0"));
    assertFalse(doc.get("paths").isEmpty());
  }

  @Test
  void everyRouteOfTheAppIsDocumented() {
    List<String> routes = running.app.routes();
    assertFalse(routes.isEmpty());
    for (String route : routes) {
      String[] methodAndPath = route.split(" ", 2);
      JsonNode path = doc.get("paths").get(methodAndPath[1]);
      assertTrue(path != null, "undocumented path " + route);
      assertTrue(
          path.has(methodAndPath[0].toLowerCase(Locale.ROOT)), "undocumented method " + route);
    }
  }

  @Test
  void everyDocumentedOperationAnswersAsDocumented() throws Exception {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        assertTrue(
            running.app.routes().contains(method + " " + path.getKey()),
            "documented but not served: " + method + " " + path.getKey());
        if ("GET".equals(method)) {
          continue;
        }
        JsonNode operation = path.getValue().get(method.toLowerCase(Locale.ROOT));
        if (operation.get("responses").has("401")) {
          // Writes answer 401 without a key, before anything else is looked at.
          checked += check(path.getKey(), operation.get("responses"), "401", KNOWN, "", method);
        } else if ("POST".equals(method)) {
          checked += checkPost(path.getKey(), operation);
        }
      }
      if (!path.getValue().has("get")) {
        continue;
      }
      JsonNode responses = path.getValue().get("get").get("responses");
      if (!path.getValue().get("get").path("security").isEmpty()) {
        // An admin read answers 401 without a key, before anything else is looked at.
        checked += check(path.getKey(), responses, "401", KNOWN, "");
        continue;
      }
      if (!responses.get("200").get("content").has("application/json")) {
        assertEquals(
            200, running.getText(filled(path.getKey(), KNOWN)).statusCode(), path.getKey());
        continue;
      }
      checked +=
          check(path.getKey(), responses, "200", KNOWN, OK_QUERY.getOrDefault(path.getKey(), ""));
      if (path.getKey().contains("{")) {
        checked += check(path.getKey(), responses, "404", UNKNOWN, "");
      }
      if (responses.has("400")) {
        checked +=
            check(
                path.getKey(),
                responses,
                "400",
                KNOWN,
                BAD_QUERY.getOrDefault(path.getKey(), "?size=0"));
      }
    }
    assertTrue(checked >= 9, "walked only " + checked + " answers");
  }

  /** A path template with its parameters filled in. */
  private static String filled(String template, Map<String, String> params) {
    String path = template;
    for (Map.Entry<String, String> param : params.entrySet()) {
      path = path.replace("{" + param.getKey() + "}", param.getValue());
    }
    return path;
  }

  /** A POST answers its documented example with 200, and an empty object with 400. */
  private int checkPost(String path, JsonNode operation) throws Exception {
    assertTrue(running.app.routes().contains("POST " + path), "documented but not served: " + path);
    JsonNode example = operation.get("requestBody").get("content").get("application/json");
    JsonNode responses = operation.get("responses");
    RunningApp.Answer ok = running.post(path, example.get("example").toString());
    assertEquals(200, ok.status(), path);
    assertAnswersSchema(path, responses, "200", ok);
    RunningApp.Answer bad = running.post(path, "{}");
    assertEquals(400, bad.status(), path);
    assertAnswersSchema(path, responses, "400", bad);
    return 2;
  }

  private static void assertAnswersSchema(
      String path, JsonNode responses, String status, RunningApp.Answer answer) {
    JsonNode response = resolveResponse(responses.get(status));
    JsonNode schema = resolve(response.get("content").get("application/json").get("schema"));
    for (JsonNode required : schema.get("required")) {
      assertTrue(answer.json().has(required.asText()), path + " answer lacks " + required);
    }
    assertDocumentedHeaders(path, response, answer);
  }

  private int check(
      String template, JsonNode responses, String status, Map<String, String> params, String query)
      throws Exception {
    return check(template, responses, status, params, query, "GET");
  }

  private int check(
      String template,
      JsonNode responses,
      String status,
      Map<String, String> params,
      String query,
      String method)
      throws Exception {
    assertTrue(responses.has(status), template + " does not document " + status);
    String path =
        "400".equals(status) && BAD_PATH.containsKey(template)
            ? BAD_PATH.get(template)
            : filled(template, params);
    RunningApp.Answer answer =
        "GET".equals(method) ? running.get(path + query) : running.send(method, path + query, "{}");
    assertEquals(Integer.parseInt(status), answer.status(), path + query);
    JsonNode response = resolveResponse(responses.get(status));
    JsonNode schema = resolve(response.get("content").get("application/json").get("schema"));
    for (JsonNode required : schema.get("required")) {
      assertTrue(answer.json().has(required.asText()), path + " answer lacks " + required);
    }
    assertDocumentedHeaders(path + query, response, answer);
    List<String> undocumented = new ArrayList<>();
    answer
        .json()
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (schema.has("properties") && !schema.get("properties").has(name)) {
                undocumented.add(name);
              }
            });
    assertTrue(undocumented.isEmpty(), path + " answers undocumented fields " + undocumented);
    return 1;
  }

  @Test
  void everyDocumentedConditionalGetAnswers304() throws Exception {
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().get("get");
      if (get == null || !get.get("responses").has("304")) {
        continue;
      }
      String url = filled(path.getKey(), KNOWN);
      url += OK_QUERY.getOrDefault(path.getKey(), "");
      // Read as text: feeds answer Atom and JSON Feed, not the API's JSON.
      HttpResponse<String> first = running.getText(url);
      assertEquals(200, first.statusCode(), url);
      String etag = first.headers().firstValue("ETag").orElseThrow();
      RunningApp.Answer again = running.send("GET", url, "", "If-None-Match", etag);
      assertEquals(304, again.status(), url);
      assertDocumentedHeaders(url, resolveResponse(get.get("responses").get("304")), again);
      checked++;
    }
    assertTrue(checked >= 4, "only " + checked + " conditional GETs documented");
  }

  /** Every header the document names for this answer is on it. */
  private static void assertDocumentedHeaders(
      String url, JsonNode response, RunningApp.Answer answer) {
    if (!response.has("headers")) {
      return;
    }
    for (Iterator<String> names = response.get("headers").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertTrue(
          answer.response().headers().firstValue(name).isPresent(),
          url + " " + answer.status() + " lacks the documented header " + name);
    }
  }

  private static JsonNode resolveResponse(JsonNode response) {
    if (!response.has("$ref")) {
      return response;
    }
    String name = response.get("$ref").asText().replace("#/components/responses/", "");
    return doc.get("components").get("responses").get(name);
  }

  private static JsonNode resolve(JsonNode schema) {
    if (!schema.has("$ref")) {
      return schema;
    }
    String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
    return doc.get("components").get("schemas").get(name);
  }
}
