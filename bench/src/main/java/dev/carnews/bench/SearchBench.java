package dev.carnews.bench;

import dev.carnews.http.SearchApp;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.search.lucene.SearchThreads;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search half of the suite over one open index: the seeded mix through {@link
 * LuceneNewsArchive#search} in-process, through {@code GET /api/search} of an in-process {@link
 * SearchApp} and through {@link RawLuceneSearch}, each with 1 and 2 client threads, the modes
 * interleaved in rounds.
 */
final class SearchBench {

  private static final Logger LOG = LoggerFactory.getLogger(SearchBench.class);

  /** The run's settings. */
  record Settings(
      int warmUp,
      int measured,
      int rounds,
      long seed,
      List<Integer> threads,
      boolean http,
      int searchThreads) {

    /** Validates the counts and copies the list. */
    Settings {
      if (warmUp < 0 || measured < 1 || rounds < 1 || searchThreads < 1) {
        throw new IllegalArgumentException(
            "warm-up must be >= 0, measured, rounds and search threads >= 1");
      }
      threads = List.copyOf(threads);
    }
  }

  private SearchBench() {}

  /** Every figure of the search half, keyed by mode, then threads, then category. */
  static Map<String, Object> run(ArticleIndex index, Settings settings) throws Exception {
    try (SearchThreads threads = SearchThreads.of(settings.searchThreads())) {
      return run(index, settings, threads);
    }
  }

  private static Map<String, Object> run(
      ArticleIndex index, Settings settings, SearchThreads searchThreads) throws Exception {
    LuceneNewsArchive searcher =
        new LuceneNewsArchive(
            index.searchers(),
            Ranking.defaults(),
            LuceneNewsArchive.DEFAULT_TIME_BUDGET,
            searchThreads);
    List<BenchQuery> all =
        QueryMix.draw(searcher, settings.warmUp() + settings.measured(), settings.seed());
    List<BenchQuery> warmUp = all.subList(0, settings.warmUp());
    List<BenchQuery> measured = all.subList(settings.warmUp(), all.size());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("articles", searcher.count());
    result.put("warmUp", settings.warmUp());
    result.put("measured", settings.measured());
    result.put("rounds", settings.rounds());
    result.put("seed", settings.seed());
    result.put("searchThreads", settings.searchThreads());
    result.put("examples", examples(measured));
    // The whole measured mix as GET /api/search query strings, so another engine (Solr, say) can
    // be measured on exactly the same queries.
    result.put(
        "queries", measured.stream().map(q -> q.category() + "\t" + q.queryString()).toList());
    SearcherManager manager = index.searchers();
    IndexSearcher held = manager.acquire();
    SearchApp app = settings.http() ? SearchApp.create(searcher).start("127.0.0.1", 0) : null;
    try {
      RawLuceneSearch raw = new RawLuceneSearch(held, searchThreads);
      Map<String, LoadRunner.Target> targets = new LinkedHashMap<>();
      targets.put("service", query -> total(searcher.search(query.request())));
      targets.put("raw", query -> raw.search(query.request()));
      if (app != null) {
        String base = "http://127.0.0.1:" + app.port() + "/api/search?";
        targets.put("http", query -> get(base + query.queryString()));
      }
      Map<String, Object> modes = new LinkedHashMap<>();
      for (int threads : settings.threads()) {
        modes.put(threads + "-threads", interleaved(targets, warmUp, measured, threads, settings));
      }
      result.put("modes", modes);
      if (app != null) {
        String host = "http://127.0.0.1:" + app.port();
        result.put(
            "entities",
            EntityBench.run(
                searcher,
                path -> get(host + path),
                measured,
                Math.min(settings.warmUp(), 100),
                settings.measured(),
                settings.seed()));
      }
      result.put("load", Machine.load());
      // Measured while the searcher (and its cached facet state) and the baseline are still in use.
      result.put("heapAfterFullGcMB", heapAfterFullGcMb());
      Reference.reachabilityFence(searcher);
      Reference.reachabilityFence(raw);
    } finally {
      manager.release(held);
      if (app != null) {
        app.stop();
      }
    }
    return result;
  }

  /** Heap in use after a full collection, in MB. */
  private static double heapAfterFullGcMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        / 1e6;
  }

  /**
   * Warms every mode up, then runs the measured queries in rounds, each round through every mode in
   * turn, so that load from other processes falls on all modes alike.
   */
  private static Map<String, Map<String, Latencies>> interleaved(
      Map<String, LoadRunner.Target> targets,
      List<BenchQuery> warmUp,
      List<BenchQuery> measured,
      int threads,
      Settings settings)
      throws Exception {
    for (Map.Entry<String, LoadRunner.Target> target : targets.entrySet()) {
      LOG.info("Warming up {} with {} client thread(s)", target.getKey(), threads);
      LoadRunner.warmUp(target.getValue(), warmUp, threads);
    }
    int rounds = Math.min(settings.rounds(), measured.size());
    Map<String, long[]> nanos = new LinkedHashMap<>();
    Map<String, Long> elapsed = new LinkedHashMap<>();
    targets.keySet().forEach(mode -> nanos.put(mode, new long[measured.size()]));
    for (int round = 0; round < rounds; round++) {
      int from = measured.size() * round / rounds;
      int to = measured.size() * (round + 1) / rounds;
      List<BenchQuery> chunk = measured.subList(from, to);
      LOG.info(
          "Round {} of {} with {} client thread(s), load {}",
          round + 1,
          rounds,
          threads,
          Machine.load());
      for (Map.Entry<String, LoadRunner.Target> target : targets.entrySet()) {
        LoadRunner.Pass pass = LoadRunner.measure(target.getValue(), chunk, threads);
        System.arraycopy(pass.nanos(), 0, nanos.get(target.getKey()), from, chunk.size());
        elapsed.merge(target.getKey(), pass.elapsedNanos(), Long::sum);
      }
    }
    Map<String, Map<String, Latencies>> byMode = new LinkedHashMap<>();
    for (String mode : targets.keySet()) {
      byMode.put(mode, LoadRunner.summarize(measured, nanos.get(mode), elapsed.get(mode)));
    }
    return byMode;
  }

  private static long total(SearchResponse response) {
    return response.total() + response.hits().size();
  }

  /**
   * One blocking GET on a kept-alive connection, as a plain HTTP client does it. (The JDK's
   * asynchronous {@code HttpClient} hands every exchange between its own threads, which on two
   * cores adds client time to what is meant to be the server's cost.)
   */
  static long get(String url) throws IOException {
    return fetch(url).length;
  }

  /** The body of a GET that must answer 200, as text. */
  static String body(String url) throws IOException {
    return new String(fetch(url), StandardCharsets.UTF_8);
  }

  private static byte[] fetch(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setConnectTimeout(10_000);
    int status = connection.getResponseCode();
    InputStream stream = status == 200 ? connection.getInputStream() : connection.getErrorStream();
    byte[] body;
    try (stream) {
      body = stream == null ? new byte[0] : stream.readAllBytes();
    }
    if (status != 200) {
      throw new IOException(
          url + " answered " + status + ": " + new String(body, StandardCharsets.UTF_8));
    }
    return body;
  }

  private static List<String> examples(List<BenchQuery> measured) {
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < Math.min(14, measured.size()); i++) {
      examples.add(measured.get(i).category() + ": " + measured.get(i).queryString());
    }
    return examples;
  }
}
