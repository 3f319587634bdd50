package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the reindex tests share: an index built "by an older model" (articles about Renault with no
 * brand tagged, so a brand facet appears only once they are tagged again), writers that remember
 * what the service acknowledged, readers that count failed answers, and the checks after.
 */
final class ReindexLoad implements AutoCloseable {

  static final String KEY = "reindex-test-key-0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();

  /** An article's title and body as written; ABSENT for a deleted one. */
  record State(String title, String body) {
    static final State ABSENT = new State(null, null);
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;
  private final Map<String, State> acknowledged = new ConcurrentHashMap<>();

  /** The write of an id sent but not answered: a kill may or may not have let it land. */
  private final Map<String, State> inFlight = new ConcurrentHashMap<>();

  private final AtomicBoolean stop = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  final AtomicInteger acknowledgedWrites = new AtomicInteger();
  final AtomicInteger reads = new AtomicInteger();
  final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

  ReindexLoad(int port) {
    this.port = port;
  }

  /**
   * Writes {@code count} articles about Renault, as an older tagger would have: no brand, no
   * person, and an entity model version of its own. Their ids are {@code p0, p1, ...}.
   */
  static void buildOldIndex(Path folder, int count) throws IOException {
    Random random = new Random(20261206L);
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      index.recordModels(Map.of("entities", "sha256:an-older-model"));
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < count; i++) {
        body.setLength(0);
        body.append("Renault showed a new hatchback, model ").append(i).append(", in Paris. ");
        for (int w = 0; w < 60; w++) {
          body.append("road").append(random.nextInt(5_000)).append(' ');
        }
        Article article =
            new Article(
                "p" + i,
                null,
                "Renault hatchback number " + i,
                body.toString(),
                List.of(),
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i),
                null,
                List.of());
        index.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
      }
      index.commit();
    }
  }

  /** Starts {@code writers} writers (puts and deletes of their own ids) and {@code readers}. */
  ReindexLoad start(int writers, int readers, int oldArticles) {
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> write(writer), "reindex-writer-" + w));
    }
    for (int r = 0; r < readers; r++) {
      int reader = r;
      threads.add(new Thread(() -> read(reader, oldArticles), "reindex-reader-" + r));
    }
    threads.forEach(Thread::start);
    return this;
  }

  /** Stops the load and waits for it. */
  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread thread : threads) {
      thread.join(60_000);
    }
  }

  /** A writer: its own ids, one request at a time, until stopped or the server is gone. */
  private void write(int writer) {
    Random random = new Random(writer);
    for (int n = 0; !stop.get(); n++) {
      String id = "w" + writer + "-" + random.nextInt(40);
      boolean delete = random.nextInt(10) < 3;
      State next =
          delete
              ? State.ABSENT
              : new State("Kia note " + n + " of " + id, "Write " + n + ": Kia news for " + id);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base() + "/api/articles/" + id))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + KEY);
      if (delete) {
        request.DELETE();
      } else {
        ObjectNode body =
            JSON.createObjectNode().put("title", next.title()).put("body", next.body());
        request.PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
      }
      int status;
      inFlight.put(id, next);
      try {
        status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        if (!stop.get()) {
          failures.add(id + ": " + e);
        }
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (status == 200 || status == 201 || (delete && status == 404)) {
        acknowledged.put(id, next);
        inFlight.remove(id);
        acknowledgedWrites.incrementAndGet();
      } else {
        failures.add((delete ? "DELETE " : "PUT ") + id + ": " + status);
      }
    }
  }

  /** A reader: searches and articles of the old index, which every answer must have. */
  private void read(int reader, int oldArticles) {
    Random random = new Random(100 + reader);
    while (!stop.get()) {
      boolean search = random.nextBoolean();
      String path =
          search
              ? "/api/search?q=hatchback+road" + random.nextInt(5_000) + "&size=5"
              : "/api/articles/p" + random.nextInt(oldArticles);
      try {
        HttpResponse<String> answer =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        reads.incrementAndGet();
        if (answer.statusCode() != 200) {
          failures.add("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
      } catch (IOException e) {
        if (!stop.get()) {
          failures.add("GET " + path + ": " + e);
        }
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /**
   * Checks every acknowledged write on a server (an id whose next write was cut by a kill may show
   * that write instead); returns how many ids were checked.
   */
  int verify(int onPort) throws IOException, InterruptedException {
    java.util.Set<String> ids = new java.util.TreeSet<>(acknowledged.keySet());
    ids.addAll(inFlight.keySet());
    for (String id : ids) {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + onPort + "/api/articles/" + id))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      State found;
      if (answer.statusCode() == 404) {
        found = State.ABSENT;
      } else {
        assertEquals(200, answer.statusCode(), id);
        JsonNode json = JSON.readTree(answer.body());
        found = new State(json.get("title").asText(), json.get("body").asText());
      }
      State want = acknowledged.getOrDefault(id, State.ABSENT);
      if (!found.equals(want) && !found.equals(inFlight.get(id))) {
        throw new AssertionError(
            "acknowledged write of " + id + " lost: want " + want + ", found " + found);
      }
    }
    return ids.size();
  }

  /** The articles the server tags with the brand Renault. */
  static long renaultArticles(HttpClient client, int port) throws Exception {
    return getJson(client, port, "/api/search?brand=Renault&size=1").get("total").asLong();
  }

  static JsonNode getJson(HttpClient client, int port, String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60));
    if (path.startsWith("/api/admin/")) {
      request.header("Authorization", "Bearer " + KEY);
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    return JSON.readTree(answer.body());
  }

  /** Starts a reindex through the admin route; its first status. */
  static JsonNode startReindex(HttpClient client, int port) throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/reindex"))
                .header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(202, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  /** Polls the reindex until it is done or failed; its last status. */
  static JsonNode awaitReindex(HttpClient client, int port, List<JsonNode> seen) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = getJson(client, port, "/api/admin/reindex");
      seen.add(status);
      String state = status.get("state").asText();
      if (state.equals("done") || state.equals("failed")) {
        return status;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the reindex did not end: " + seen.get(seen.size() - 1));
  }
}
