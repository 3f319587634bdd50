package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The writes of a live workload: one new article a second through an engine's write path until a
 * deadline, each timed from its start until a search finds it (the acknowledgement included), for
 * {@link LiveWorkloads}' newsroom and {@link LiveArchive}. Not thread-safe: one writer thread.
 */
final class WriteStream {

  /** How long a write may take to become searchable before it counts as invisible. */
  private static final long VISIBLE_WITHIN_SECONDS = 10;

  /** An engine's write path and the search that finds a write. */
  interface Engine {
    /** Writes one new article {@code id} whose text holds {@code token}. */
    void write(String id, String token) throws Exception;

    /** Whether a search for {@code token} finds an article. */
    boolean finds(String token) throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Double> visibleMs = new ArrayList<>();
  private int invisible;

  /**
   * Writes {@code prefix-N} (token {@code zq<prefix>xN}, a word no article has) once a second until
   * {@code deadlineNanos}.
   */
  void run(Engine engine, String prefix, long deadlineNanos) throws Exception {
    int n = 0;
    while (System.nanoTime() < deadlineNanos) {
      long started = System.nanoTime();
      String token = "zq" + prefix.replace("-", "") + "x" + n;
      engine.write(prefix + "-" + n, token);
      double ms = visibleAfter(engine, token, started);
      if (ms < 0) {
        invisible++;
      } else {
        visibleMs.add(ms);
      }
      n++;
      long wait = started + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
    }
  }

  /**
   * Milliseconds from {@code startedNanos} until a search finds the token; -1 when it never did.
   */
  private static double visibleAfter(Engine engine, String token, long startedNanos)
      throws Exception {
    long deadline = startedNanos + TimeUnit.SECONDS.toNanos(VISIBLE_WITHIN_SECONDS);
    while (System.nanoTime() < deadline) {
      if (engine.finds(token)) {
        return (System.nanoTime() - startedNanos) / 1e6;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return -1;
  }

  /**
   * {@code writes}, {@code invisibleAfter10s}, {@code visibleP50Ms}, {@code visibleMaxMs} and
   * {@code visibleOver1s}.
   */
  Map<String, Object> summary() {
    double[] times = visibleMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("writes", times.length + invisible);
    result.put("invisibleAfter10s", invisible);
    result.put(
        "visibleP50Ms",
        times.length == 0
            ? Double.NaN
            : times[Math.min(times.length - 1, (int) Math.ceil(0.5 * times.length) - 1)]);
    result.put("visibleMaxMs", times.length == 0 ? Double.NaN : times[times.length - 1]);
    result.put("visibleOver1s", Arrays.stream(times).filter(ms -> ms > 1000).count());
    return result;
  }

  /** The service's write of a new article naming {@code token}: {@code PUT /api/articles/{id}}. */
  static HttpRequest servicePut(URI service, String writeKey, String id, String token)
      throws Exception {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("title", title(token));
    article.put("body", body(token));
    article.put("author", "Bench Desk");
    article.put("published", Instant.now().toString());
    return HttpRequest.newBuilder(service.resolve("/api/articles/" + id))
        .header("Authorization", "Bearer " + writeKey)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(article)))
        .build();
  }

  /** The title of the article naming {@code token}. */
  static String title(String token) {
    return "Live desk update " + token;
  }

  /** The body of the article naming {@code token}. */
  static String body(String token) {
    return "A bench article written while readers search: "
        + token
        + " stands for the story of the minute, a new electric model and its price.";
  }
}
