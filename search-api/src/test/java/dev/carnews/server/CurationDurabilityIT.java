package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a merge, a hide and an alias made over HTTP on the packaged server hold through a
 * restart and through a SIGKILL right after they were acknowledged; the history shows them, and
 * undoing them (again followed by a SIGKILL) gives back the first answers exactly. Runs on the
 * sample corpus, tagged by the real pipeline; the values decided on are read from its directory.
 */
class CurationDurabilityIT {

  private static final String KEY = "curation-durability-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The server running now, stopped after the test even when an assertion failed. */
  private JarServer running;

  @AfterEach
  void stopServer() throws InterruptedException {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void decisionsSurviveRestartAndSigkillAndUndoRestoresTheAnswers(@TempDir Path folder)
      throws Exception {
    Path index = folder.resolve("index");
    JarServer server = start(index);
    List<String> persons = names(get(server, "/api/entities?type=person&size=100&sort=count"));
    List<String> brands = names(get(server, "/api/entities?type=brand&size=100&sort=count"));
    assertTrue(persons.size() >= 3 && !brands.isEmpty(), persons + " " + brands);
    String merged = persons.get(1);
    String into = persons.get(0);
    String hidden = persons.get(2);
    String brand = brands.get(0);
    List<String> paths =
        List.of(
            "/api/search?facetSize=100",
            "/api/search?person=" + enc(merged),
            "/api/search?brand=" + enc(brand),
            "/api/entities?type=person&size=100",
            "/api/entities?type=brand&size=100",
            "/api/entities/person/" + enc(into),
            "/api/search.json-feed?person=" + enc(into));
    Map<String, JsonNode> first = answers(server, paths);

    decide(server, "merge", "person", merged, into);
    decide(server, "hide", "person", hidden, null);
    decide(server, "alias", "brand", brand, brand + " Group");
    Map<String, JsonNode> decided = answers(server, paths);
    assertFollowed(decided, merged, into, hidden, brand);

    server.close();
    server = start(index);
    assertSame(decided, answers(server, paths), "after a restart");
    assertEquals(3, get(server, "/api/curation/decisions").path("decisions").size());

    // An undo acknowledged, then SIGKILL at once: the undo holds.
    undo(server, "d2");
    server.kill();
    server = start(index);
    JsonNode history = get(server, "/api/curation/entities/person/" + enc(hidden));
    assertEquals(List.of("d2", "d4"), ids(history.path("decisions")));
    assertEquals(hidden, history.path("shownAs").path("name").asText());
    decide(server, "hide", "person", hidden, null);
    server.kill();
    server = start(index);
    assertSame(decided, answers(server, paths), "after SIGKILL");

    for (String id : List.of("d5", "d3", "d1")) {
      undo(server, id);
    }
    server.kill();
    server = start(index);
    assertSame(first, answers(server, paths), "undone, after SIGKILL");
    assertEquals(8, get(server, "/api/curation/decisions").path("decisions").size());
  }

  private static void assertFollowed(
      Map<String, JsonNode> answers, String merged, String into, String hidden, String brand) {
    String persons = answers.get("/api/entities?type=person&size=100").toString();
    assertFalse(persons.contains("\"" + merged + "\""), persons);
    assertFalse(persons.contains("\"" + hidden + "\""), persons);
    assertTrue(persons.contains("\"" + into + "\""), persons);
    String brands = answers.get("/api/entities?type=brand&size=100").toString();
    assertTrue(brands.contains("\"" + brand + " Group\""), brands);
    assertTrue(answers.get("/api/search?person=" + enc(merged)).path("total").asLong() > 0);
    assertEquals(
        answers.get("/api/entities/person/" + enc(into)).path("count").asLong(),
        answers.get("/api/search?person=" + enc(merged)).path("total").asLong());
  }

  private JarServer start(Path index) throws Exception {
    running = JarServer.start(KEY, "--port", "0", "--index", index.toString());
    return running;
  }

  /**
   * The answers, without what differs between runs of the same index: timings, the opaque cursor
   * (it names a document number, which merges change), the order of equally salient articles on an
   * entity page and the server's port.
   */
  private Map<String, JsonNode> answers(JarServer server, List<String> paths) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String path : paths) {
      JsonNode answer = get(server, path);
      if (answer instanceof ObjectNode object) {
        object.remove("tookMs");
        object.remove("next");
        if (object.get("salient") instanceof ArrayNode salient) {
          // Equal saliences are ordered by document number, which a restart's merges change.
          List<JsonNode> hits = new ArrayList<>();
          salient.forEach(hits::add);
          hits.sort(Comparator.comparing(hit -> hit.path("id").asText()));
          object.set("salient", JSON.createArrayNode().addAll(hits));
        }
      }
      answers.put(
          path,
          JSON.readTree(answer.toString().replace("localhost:" + server.port(), "localhost")));
    }
    return answers;
  }

  private static void assertSame(
      Map<String, JsonNode> expected, Map<String, JsonNode> actual, String when) {
    for (String path : expected.keySet()) {
      assertEquals(expected.get(path), actual.get(path), when + ": " + path);
    }
  }

  private JsonNode get(JarServer server, String path) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, answer.statusCode(), path + " " + answer.body());
    return JSON.readTree(answer.body());
  }

  private void decide(JarServer server, String kind, String type, String value, String target)
      throws Exception {
    ObjectNode body =
        JSON.createObjectNode().put("kind", kind).put("type", type).put("value", value);
    if (target != null) {
      body.put("target", target);
    }
    post(server, "/api/curation/decisions", body.put("note", "durability test").toString());
  }

  private void undo(JarServer server, String id) throws Exception {
    post(server, "/api/curation/decisions/" + id + "/undo", "");
  }

  private void post(JarServer server, String path, String body) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(201, answer.statusCode(), path + " " + answer.body());
  }

  private static List<String> names(JsonNode listing) {
    List<String> names = new ArrayList<>();
    listing.path("entities").forEach(entry -> names.add(entry.path("name").asText()));
    return names;
  }

  private static List<String> ids(JsonNode decisions) {
    List<String> ids = new ArrayList<>();
    decisions.forEach(decision -> ids.add(decision.path("id").asText()));
    return ids;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
