package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two workloads of issue 25 beside the repeated-query rounds of {@link SolrCompare}: both
 * engines with their caches as installed, doing the work a real site asks of them.
 *
 * <ul>
 *   <li><b>first-time</b>: every timed query is asked of each engine exactly once and was never
 *       asked before (the engines warm up on other queries of the same kinds), so no answer cache
 *       can serve it — the long tail of a news archive's queries;
 *   <li><b>newsroom</b>: a Zipf-distributed stream over a large query set read by 1 or 2 clients
 *       while one article a second is written through the engine's own write path (the service's
 *       {@code PUT /api/articles/{id}}, Solr's {@code /update} with {@code commitWithin=1000}, its
 *       soft commit of a second); reports read latency, each write's time until a search finds it,
 *       and the engine's cache hit ratio over the run.
 * </ul>
 */
final class LiveWorkloads {

  private static final Logger LOG = LoggerFactory.getLogger(LiveWorkloads.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVICE_CACHE =
      Pattern.compile(
          "carnews_search_cache_requests_total\\{[^}]*result=\"(hit|miss)\"[^}]*} (\\S+)");

  private final SolrCompare compare;
  private final URI service;
  private final URI solrCore;
  private final String writeKey;

  /** Each engine's process's CPU time so far, by engine ("service", "solr"). */
  private final Map<String, Supplier<Duration>> cpu;

  private final HttpClient client = SolrCompare.client();

  /**
   * @param service the service's base URL
   * @param solrCore the Solr core's URL
   * @param writeKey a write key of the service
   */
  LiveWorkloads(
      SolrCompare compare,
      URI service,
      URI solrCore,
      String writeKey,
      Map<String, Supplier<Duration>> cpu) {
    this.compare = compare;
    this.cpu = cpu;
    this.service = service;
    this.solrCore = solrCore;
    this.writeKey = writeKey;
  }

  /**
   * First-time queries: per client count, {@code timed} queries of {@code distinct} that no engine
   * saw before; the others warm both engines up first.
   */
  Map<String, Object> firstTime(List<BenchQuery> distinct, int timed, List<Integer> clients)
      throws Exception {
    int timedAll = timed * clients.size();
    if (distinct.size() <= timedAll) {
      throw new IllegalArgumentException(
          "first-time needs more than " + timedAll + " distinct queries, drew " + distinct.size());
    }
    List<BenchQuery> warmUp = distinct.subList(0, distinct.size() - timedAll);
    for (String engine : List.of("service", "solr")) {
      LOG.info("First-time warm-up: {} other queries on {}", warmUp.size(), engine);
      LoadRunner.warmUp(compare.target(engine), warmUp, 1);
    }
    Map<String, Object> byClients = new LinkedHashMap<>();
    int from = warmUp.size();
    for (int count : clients) {
      List<BenchQuery> fresh = distinct.subList(from, from + timed);
      from += timed;
      Map<String, Object> engines = new LinkedHashMap<>();
      for (String engine : List.of("service", "solr")) {
        LOG.info("First-time: {} new queries on {} with {} client(s)", timed, engine, count);
        Duration before = cpu.get(engine).get();
        LoadRunner.Pass pass = LoadRunner.measure(compare.target(engine), fresh, count);
        Duration used = cpu.get(engine).get().minus(before);
        engines.put(engine, Latencies.of(pass.nanos(), timed / (pass.elapsedNanos() / 1e9)));
        engines.put(engine + "CpuMsPerQuery", used.toNanos() / 1e6 / timed);
      }
      byClients.put(count + "-clients", engines);
    }
    return byClients;
  }

  /**
   * The live newsroom: per client count and engine, {@code seconds} of Zipf-distributed reads
   * (exponent {@code exponent}) over {@code stream} while one article a second is written; first
   * {@code warmUpSeconds} of the same, untimed, on each engine with one client.
   */
  Map<String, Object> newsroom(
      List<BenchQuery> stream,
      double exponent,
      int warmUpSeconds,
      int seconds,
      List<Integer> clients,
      long seed)
      throws Exception {
    Zipf zipf = new Zipf(stream.size(), exponent);
    Map<String, Object> byClients = new LinkedHashMap<>();
    int run = 0;
    if (warmUpSeconds > 0) {
      // Numbered apart from the timed runs, whose streams and write ids stay as without it.
      int warmUp = 100;
      for (String engine : List.of("service", "solr")) {
        warmUp++;
        LOG.info("Newsroom warm-up: {} s on {}, untimed", warmUpSeconds, engine);
        newsroomRun(engine, stream, zipf, warmUpSeconds, 1, seed + warmUp, warmUp);
      }
    }
    for (int count : clients) {
      Map<String, Object> engines = new LinkedHashMap<>();
      for (String engine : List.of("service", "solr")) {
        run++;
        LOG.info(
            "Newsroom: {} s on {} with {} client(s), one write a second", seconds, engine, count);
        engines.put(engine, newsroomRun(engine, stream, zipf, seconds, count, seed + run, run));
      }
      byClients.put(count + "-clients", engines);
    }
    return byClients;
  }

  private Map<String, Object> newsroomRun(
      String engine,
      List<BenchQuery> stream,
      Zipf zipf,
      int seconds,
      int clients,
      long seed,
      int run)
      throws Exception {
    long[] cacheBefore = cacheCounts(engine);
    ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>();
    WriteStream writes = new WriteStream();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1, new Threads("newsroom"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        SplittableRandom random = new SplittableRandom(seed * 31 + c);
        readers.add(
            pool.submit(
                () -> {
                  LoadRunner.Target target = compare.target(engine);
                  while (!stop.get() && System.nanoTime() < deadline) {
                    BenchQuery query = stream.get(zipf.next(random));
                    long start = System.nanoTime();
                    target.run(query);
                    reads.add(System.nanoTime() - start);
                  }
                  return null;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                writes.run(writePath(engine), "bench-live-" + run, deadline);
                return null;
              });
      for (Future<?> reader : readers) {
        reader.get();
      }
      writer.get();
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    long[] cacheAfter = cacheCounts(engine);
    long[] nanos = reads.stream().mapToLong(Long::longValue).toArray();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("reads", Latencies.of(nanos, nanos.length / (double) seconds));
    result.putAll(writes.summary());
    long lookups = cacheAfter[0] - cacheBefore[0];
    long hits = cacheAfter[1] - cacheBefore[1];
    result.put("cacheHitRatio", lookups <= 0 ? Double.NaN : hits / (double) lookups);
    return result;
  }

  /** The engine's write path: one new article naming a token, and the search that finds it. */
  private WriteStream.Engine writePath(String engine) {
    return new WriteStream.Engine() {
      @Override
      public void write(String id, String token) throws Exception {
        if (engine.equals("service")) {
          send(WriteStream.servicePut(service, writeKey, id, token));
          return;
        }
        Instant now = Instant.now();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("title", WriteStream.title(token));
        doc.put("body", WriteStream.body(token));
        doc.put("author", List.of("Bench Desk"));
        doc.put("published", now.toEpochMilli());
        doc.put("month", dev.carnews.index.ArticleSchema.monthOf(now));
        send(
            HttpRequest.newBuilder(URI.create(solrCore + "/update?commitWithin=1000"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(doc))))
                .build());
      }

      @Override
      public boolean finds(String token) throws Exception {
        if (engine.equals("service")) {
          return JSON.readTree(get(service + "/api/search?q=" + token)).path("total").asLong() > 0;
        }
        return JSON.readTree(get(solrCore + "/select?wt=json&rows=0&q=body:" + token))
                .at("/response/numFound")
                .asLong()
            > 0;
      }
    };
  }

  /** {lookups, hits} of the engine's answer cache so far. */
  private long[] cacheCounts(String engine) throws Exception {
    if (engine.equals("service")) {
      String metrics = get(service + "/metrics");
      long hit = 0;
      long miss = 0;
      Matcher matcher = SERVICE_CACHE.matcher(metrics);
      while (matcher.find()) {
        long value = (long) Double.parseDouble(matcher.group(2));
        if (matcher.group(1).equals("hit")) {
          hit = value;
        } else {
          miss = value;
        }
      }
      return new long[] {hit + miss, hit};
    }
    JsonNode stats =
        JSON.readTree(
            get(solrCore + "/admin/mbeans?cat=CACHE&stats=true&wt=json&key=queryResultCache"));
    JsonNode beans = stats.path("solr-mbeans");
    for (int i = 0; i + 1 < beans.size(); i += 2) {
      JsonNode cache = beans.get(i + 1).path("queryResultCache").path("stats");
      if (!cache.isMissingNode()) {
        return new long[] {
          cache.path("CACHE.searcher.queryResultCache.cumulative_lookups").asLong(),
          cache.path("CACHE.searcher.queryResultCache.cumulative_hits").asLong()
        };
      }
    }
    return new long[] {0, 0};
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private void send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** The CPU milliseconds per query an engine used in a run; NaN when not measured. */
  private static double cpuMs(Map<?, ?> engines, String engine) {
    return engines.get(engine + "CpuMsPerQuery") instanceof Number ms
        ? ms.doubleValue()
        : Double.NaN;
  }

  /** One table of both workloads, ratios service / Solr. */
  static void print(
      Map<String, Object> firstTime, Map<String, Object> newsroom, java.io.PrintWriter out) {
    if (firstTime != null) {
      out.println();
      out.println(
          "first-time queries (each timed query new to both engines; caches as each engine was"
              + " started: as installed unless --no-solr-caches or a --service-option turned them"
              + " off):");
      out.println(
          "  clients  service p50 / p99        Solr p50 / p99           p50 ratio  p99 ratio  QPS svc / Solr"
              + "  CPU ms/query svc / Solr  CPU ratio");
      firstTime.forEach(
          (clients, value) -> {
            Map<?, ?> engines = (Map<?, ?>) value;
            Latencies svc = (Latencies) engines.get("service");
            Latencies solr = (Latencies) engines.get("solr");
            double svcCpu = cpuMs(engines, "service");
            double solrCpu = cpuMs(engines, "solr");
            out.printf(
                Locale.ROOT,
                "  %-8s %6.2f / %-8.2f         %6.2f / %-8.2f         %9.2f  %9.2f  %5.0f / %-5.0f"
                    + "     %5.2f / %-5.2f          %5.2f%n",
                clients,
                svc.p50Ms(),
                svc.p99Ms(),
                solr.p50Ms(),
                solr.p99Ms(),
                svc.p50Ms() / solr.p50Ms(),
                svc.p99Ms() / solr.p99Ms(),
                svc.qps(),
                solr.qps(),
                svcCpu,
                solrCpu,
                svcCpu / solrCpu);
          });
    }
    if (newsroom != null) {
      out.println();
      out.println(
          "live newsroom (Zipf reads, one write a second through each engine's write path):");
      out.println(
          "  clients  engine   read p50 / p99     QPS   writes  visible p50 / max ms  >1s  cache hits");
      newsroom.forEach(
          (clients, value) ->
              ((Map<?, ?>) value)
                  .forEach(
                      (engine, run) -> {
                        Map<?, ?> r = (Map<?, ?>) run;
                        Latencies reads = (Latencies) r.get("reads");
                        out.printf(
                            Locale.ROOT,
                            "  %-8s %-8s %6.2f / %-8.2f %5.0f  %6s  %8.0f / %-8.0f %5s  %9.2f%n",
                            clients,
                            engine,
                            reads.p50Ms(),
                            reads.p99Ms(),
                            reads.qps(),
                            r.get("writes"),
                            (Double) r.get("visibleP50Ms"),
                            (Double) r.get("visibleMaxMs"),
                            r.get("visibleOver1s"),
                            (Double) r.get("cacheHitRatio"));
                      }));
    }
  }
}
