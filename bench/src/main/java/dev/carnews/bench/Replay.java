package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Records every answer of a fixed walk over a running service — the bench's query mix and edge
 * queries, cursor pages, suggestions, the articles, related articles and stories the searches
 * found, entity pages and the directory, trending, the feeds — with {@code tookMs} removed, so two
 * builds (or two backends) can be compared answer by answer. The walk follows what the answers hold
 * (ids, names, cursors), so it works on any index.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Records every answer of a fixed request walk (tookMs removed); with --compare, lists the"
            + " answers that differ from an earlier recording and exits 1 when any does.")
final class Replay implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The words of the query mix: names, topics, phrases, a misspelling, operators. */
  private static final List<String> QUERIES =
      List.of(
          "",
          "renault",
          "electric",
          "battery plant",
          "\"battery plant\"",
          "electric suv range",
          "ev",
          "hybrid",
          "recall",
          "ceo",
          "renualt",
          "batery",
          "volvo OR kia",
          "tesla -model",
          "cx-5",
          "charging network europe",
          "price cut",
          "jobs",
          "merger takeover",
          "zzzzunknownword");

  /** Requests every service must refuse or bound, with a 4xx or an empty answer. */
  private static final List<String> EDGES =
      List.of(
          "/api/search?q=%22battery",
          "/api/search?q=AND+OR+NOT",
          "/api/search?q=*",
          "/api/search?q=" + "a+".repeat(300),
          "/api/search?q=renault&size=0",
          "/api/search?q=renault&size=1000",
          "/api/search?q=renault&page=0",
          "/api/search?q=renault&page=1000",
          "/api/search?q=renault&from=2024-13-01",
          "/api/search?q=renault&from=2025-01-01&to=2024-01-01",
          "/api/search?q=renault&sort=sideways",
          "/api/search?q=renault&after=bm90IGEgY3Vyc29y",
          "/api/search?q=renault&after=%25%25%25",
          "/api/search?q=renault&about=car:Renault",
          "/api/search?q=renault&facets=colour",
          "/api/search?q=renault&facetSize=0",
          "/api/search?q=renault&collapse=maybe",
          "/api/suggest?q=",
          "/api/suggest?q=" + "x".repeat(300),
          "/api/articles/no-such-article",
          "/api/articles/no-such-article/related",
          "/api/stories/no-such-story",
          "/api/entities?type=planet",
          "/api/entities/planet/Mars",
          "/api/entities/person/" + "x".repeat(300),
          "/api/trending?type=person&min=-1",
          "/api/nowhere");

  @Option(
      names = "--base",
      paramLabel = "URL",
      description = "the running service (default: ${DEFAULT-VALUE})")
  URI base = URI.create("http://localhost:7070");

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "where to write the answers, one JSON line per request")
  Path out;

  @Option(
      names = "--compare",
      paramLabel = "FILE",
      description = "an earlier recording: list every request whose answer differs")
  Path compare;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, ObjectNode> answers = new LinkedHashMap<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    walk();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (ObjectNode answer : answers.values()) {
        writer.write(JSON.writeValueAsString(answer));
        writer.newLine();
      }
    }
    PrintWriter console = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    console.printf("%d answers written to %s%n", answers.size(), out);
    if (compare == null) {
      return 0;
    }
    Map<String, JsonNode> before = new LinkedHashMap<>();
    for (String line : Files.readAllLines(compare, StandardCharsets.UTF_8)) {
      JsonNode answer = JSON.readTree(line);
      before.put(answer.get("path").asText(), answer);
    }
    int differences = 0;
    for (Map.Entry<String, ObjectNode> answer : answers.entrySet()) {
      JsonNode old = before.remove(answer.getKey());
      if (!answer.getValue().equals(old)) {
        differences++;
        console.printf("DIFFERS %s%n", answer.getKey());
      }
    }
    for (String missing : before.keySet()) {
      differences++;
      console.printf("NOT ASKED NOW %s%n", missing);
    }
    console.printf(
        "%d of %d answers differ from %s (tookMs ignored)%n", differences, answers.size(), compare);
    return differences == 0 ? 0 : 1;
  }

  /** Every request of the walk, each asked once, in a fixed order. */
  private void walk() throws IOException, InterruptedException {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> stories = new LinkedHashSet<>();
    Map<String, Set<String>> names = new LinkedHashMap<>();
    for (String q : QUERIES) {
      String query = "/api/search?q=" + encode(q);
      collect(get(query + "&size=20"), ids, stories, names);
      for (String variant :
          List.of(
              "&sort=newest&size=5",
              "&sort=oldest&size=5",
              "&page=2&size=5",
              "&collapse=story",
              "&facets=brand,month&facetSize=3",
              "&significant=person,brand",
              "&significant=true",
              "&from=2024-01-01&to=2025-12-31",
              "&mode=semantic&size=10",
              "&mode=hybrid&size=20",
              "&mode=hybrid&page=2&size=5",
              "&mode=hybrid&facets=brand,month&facetSize=3&from=2024-01-01")) {
        get(query + variant);
      }
      get("/api/search.atom?q=" + encode(q));
      get("/api/search.json-feed?q=" + encode(q) + "&sort=newest");
      for (String sort : List.of("relevance", "newest")) {
        follow(query + "&sort=" + sort + "&size=3");
      }
      if (!q.isBlank() && q.length() >= 2) {
        get("/api/suggest?q=" + encode(q.substring(0, Math.min(3, q.length()))));
      }
    }
    for (String prefix : List.of("r", "re", "ren", "vo", "el", "ma", "j", "Ö")) {
      get("/api/suggest?q=" + encode(prefix));
    }
    for (String id : ids.stream().limit(60).toList()) {
      get("/api/articles/" + encode(id));
      get("/api/articles/" + encode(id) + "/related?size=5");
    }
    for (String story : stories.stream().limit(30).toList()) {
      get("/api/stories/" + encode(story));
    }
    for (String type : List.of("person", "brand", "author")) {
      for (String sort : List.of("", "&sort=name", "&sort=recent", "&page=2&size=5", "&q=a")) {
        get("/api/entities?type=" + type + sort);
      }
      get("/api/trending?type=" + type);
      get("/api/trending?type=" + type + "&from=2020-01-01&to=2030-01-01&min=1");
      for (String name : names.getOrDefault(type, Set.of()).stream().limit(8).toList()) {
        String page = "/entity/" + type + "/" + encode(name);
        get("/api" + page.replace("/entity/", "/entities/"));
        get("/api" + page.replace("/entity/", "/entities/") + "?q=electric&size=3");
        get("/api" + page.replace("/entity/", "/entities/") + ".atom");
        get("/api/search?" + type + "=" + encode(name) + "&size=5");
      }
    }
    for (String edge : EDGES) {
      get(edge);
    }
  }

  /** Asks a search and every page after it by cursor, up to five. */
  private void follow(String first) throws IOException, InterruptedException {
    JsonNode page = get(first);
    for (int i = 0; i < 5 && page != null && page.hasNonNull("next"); i++) {
      page = get(first + "&after=" + encode(page.get("next").asText()));
    }
  }

  /** The ids, stories and entity names a search answer holds. */
  private static void collect(
      JsonNode answer, Set<String> ids, Set<String> stories, Map<String, Set<String>> names) {
    if (answer == null) {
      return;
    }
    for (JsonNode hit : answer.path("hits")) {
      ids.add(hit.path("id").asText());
      if (hit.hasNonNull("story")) {
        stories.add(hit.path("story").path("id").asText());
      }
    }
    for (String type : List.of("person", "brand", "author")) {
      for (JsonNode value : answer.path("facets").path(type)) {
        names.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(value.path("value").asText());
      }
    }
  }

  /** Asks one request (once), records its answer and returns its JSON body, if it has one. */
  private JsonNode get(String path) throws IOException, InterruptedException {
    ObjectNode known = answers.get(path);
    if (known != null) {
      return known.get("json");
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                // A fixed request id per request, so error bodies compare equal across runs.
                .header("X-Request-Id", "replay-" + answers.size())
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    ObjectNode answer = JSON.createObjectNode();
    answer.put("path", path);
    answer.put("status", response.statusCode());
    String type = response.headers().firstValue("Content-Type").orElse("");
    // Feeds name the service's own address: two runs on two ports compare equal.
    String body = response.body().replace(origin(), "{base}");
    JsonNode json = null;
    if (type.contains("json")) {
      json = withoutTook(JSON.readTree(body));
      answer.set("json", json);
    } else {
      answer.put("text", body);
    }
    answers.put(path, answer);
    return json;
  }

  /** The answer without the fields that say how long this request took. */
  private static JsonNode withoutTook(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("tookMs");
      List<String> fields = new ArrayList<>();
      object.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        withoutTook(object.get(field));
      }
    } else if (node != null && node.isArray()) {
      node.forEach(Replay::withoutTook);
    }
    return node;
  }

  /** The scheme, host and port of the service, as its answers spell them. */
  private String origin() {
    return base.getScheme() + "://" + base.getAuthority();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
