package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloud-compare}: the same service jar twice, once on a local index and once on a SolrCloud
 * collection holding the same articles, asked the same requests over HTTP: the search mix, the same
 * mix with {@code collapse=story}, entity pages of the most named people and brands, and trending
 * over random seven-day windows. Both services run with the same options (pass {@code
 * --service-option=--search-cache-size=0} to compare the backends' work rather than the answer
 * cache); the engines take turns round by round, so load from elsewhere falls on both alike.
 */
@Command(
    name = "cloud-compare",
    mixinStandardHelpOptions = true,
    description =
        "Measures the service on a local index against the service on a SolrCloud collection of"
            + " the same articles: search mix, collapse=story, entity pages, trending.")
final class CloudCompare implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(CloudCompare.class);
  private static final Pattern SERVICE_READY =
      Pattern.compile("Listening on http://localhost:(\\d+)");
  private static final List<String> KINDS = List.of("search", "collapsed", "entity", "trending");
  private static final List<String> ENGINES = List.of("local", "cloud");
  private static final int TOP = 100;

  @Option(names = "--index", required = true, description = "the local index (read, not written)")
  Path index;

  @Option(
      names = "--solr",
      required = true,
      description = "the cluster's node URLs, comma-separated (as search-api.jar --solr takes)")
  String solr;

  @Option(names = "--collection", required = true, description = "collection or alias")
  String collection;

  @Option(
      names = "--warm-up",
      description = "warm-up requests per kind (default: ${DEFAULT-VALUE})")
  int warmUp = 200;

  @Option(
      names = "--requests",
      description = "measured requests per kind and engine (default: ${DEFAULT-VALUE})")
  int requests = 500;

  @Option(names = "--rounds", description = "measured rounds (default: ${DEFAULT-VALUE})")
  int rounds = 5;

  @Option(
      names = "--clients",
      split = ",",
      description = "client thread counts (default: ${DEFAULT-VALUE})")
  List<Integer> clients = List.of(1, 2);

  @Option(names = "--seed", description = "seed of the requests (default: ${DEFAULT-VALUE})")
  long seed = 23;

  @Option(names = "--jar", description = "the service (default: ${DEFAULT-VALUE})")
  Path jar = Path.of("search-api", "target", "search-api.jar");

  @Option(names = "--service-option", description = "an option of both services (repeatable)")
  List<String> serviceOptions = new ArrayList<>();

  @Option(
      names = "--service-java-option",
      description = "a JVM option of both services (repeatable)")
  List<String> serviceJavaOptions = new ArrayList<>();

  @Option(names = "--out", description = "JSON results file")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("no index folder " + index);
    }
    if (warmUp < 0 || requests < 1 || rounds < 1 || clients.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException(
          "--warm-up must be >= 0; --requests, --rounds and --clients >= 1");
    }
    Map<String, List<String>> paths = draw();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", "cloud-compare");
    report.put("started", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("index", index.toString());
    report.put("solr", solr);
    report.put("collection", collection);
    report.put("serviceOptions", serviceOptions);
    report.put("warmUp", warmUp);
    report.put("requests", requests);
    report.put("rounds", rounds);
    Map<String, Object> examples = new LinkedHashMap<>();
    paths.forEach((kind, list) -> examples.put(kind, list.subList(0, Math.min(5, list.size()))));
    report.put("examples", examples);
    Path logs = Files.createTempDirectory("cloud-compare-");
    LOG.info("Logs of the two services in {}", logs);
    List<String> local = new ArrayList<>(List.of("--index", index.toString()));
    List<String> cloud = new ArrayList<>(List.of("--solr", solr, "--collection", collection));
    try (ChildJvm localService = startService(local, logs.resolve("local.log"));
        ChildJvm cloudService = startService(cloud, logs.resolve("cloud.log"))) {
      Map<String, String> bases = new LinkedHashMap<>();
      bases.put("local", "http://127.0.0.1:" + localService.ready());
      bases.put("cloud", "http://127.0.0.1:" + cloudService.ready());
      report.put("articles", articles(bases));
      Map<String, Object> byClients = new LinkedHashMap<>();
      for (int threads : clients) {
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : KINDS) {
          byKind.put(kind, interleaved(bases, paths.get(kind), threads));
        }
        byClients.put(threads + "-clients", byKind);
      }
      report.put("results", byClients);
    }
    report.put("finished", Instant.now().toString());
    report.put("loadAtEnd", Machine.load());
    print(
        report, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    if (out != null) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
    }
    return 0;
  }

  /** The requests of every kind, warm-up first, drawn from the local index. */
  private Map<String, List<String>> draw() throws Exception {
    int total = warmUp + requests;
    Map<String, List<String>> paths = new LinkedHashMap<>();
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      LuceneNewsArchive archive = new LuceneNewsArchive(articles);
      List<BenchQuery> mix = QueryMix.draw(archive, total, seed);
      paths.put("search", mix.stream().map(q -> "/api/search?" + q.queryString()).toList());
      paths.put(
          "collapsed",
          mix.stream().map(q -> "/api/search?" + q.queryString() + "&collapse=story").toList());
      List<String> names = new ArrayList<>();
      for (EntityType type : List.of(EntityType.PERSON, EntityType.BRAND)) {
        archive
            .entities(new EntityListRequest(type, "", EntityListRequest.Sort.COUNT, 1, TOP))
            .entities()
            .forEach(e -> names.add(type.label() + "/" + encode(e.name())));
      }
      if (names.isEmpty()) {
        throw new IllegalArgumentException(index + " names no people or brands");
      }
      LocalDate first = day(archive, SortOrder.OLDEST);
      LocalDate last = day(archive, SortOrder.NEWEST);
      long days = Math.max(1, ChronoUnit.DAYS.between(first, last) - 6);
      SplittableRandom random = new SplittableRandom(seed);
      String[] types = {"type=person", "type=brand", "type=person,brand"};
      List<String> entity = new ArrayList<>();
      List<String> trending = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        entity.add("/api/entities/" + names.get(random.nextInt(names.size())));
        LocalDate from = first.plusDays(random.nextLong(days));
        trending.add(
            "/api/trending?"
                + types[random.nextInt(types.length)]
                + "&from="
                + from
                + "&to="
                + from.plusDays(6));
      }
      paths.put("entity", entity);
      paths.put("trending", trending);
    }
    return paths;
  }

  /**
   * Warms both engines up on the kind's warm-up requests, then runs the measured ones in rounds,
   * the engine that goes first alternating from round to round.
   */
  private Map<String, Latencies> interleaved(
      Map<String, String> bases, List<String> paths, int threads) throws Exception {
    List<String> warm = paths.subList(0, warmUp);
    List<String> measured = paths.subList(warmUp, paths.size());
    for (String engine : ENGINES) {
      run(bases.get(engine), warm, threads);
    }
    Map<String, long[]> nanos = new LinkedHashMap<>();
    Map<String, Long> elapsed = new LinkedHashMap<>();
    ENGINES.forEach(engine -> nanos.put(engine, new long[measured.size()]));
    int passes = Math.min(rounds, measured.size());
    for (int round = 0; round < passes; round++) {
      int from = measured.size() * round / passes;
      int to = measured.size() * (round + 1) / passes;
      for (int e = 0; e < ENGINES.size(); e++) {
        String engine = ENGINES.get((e + round) % ENGINES.size());
        long start = System.nanoTime();
        long[] pass = run(bases.get(engine), measured.subList(from, to), threads);
        elapsed.merge(engine, System.nanoTime() - start, Long::sum);
        System.arraycopy(pass, 0, nanos.get(engine), from, pass.length);
      }
    }
    Map<String, Latencies> result = new LinkedHashMap<>();
    for (String engine : ENGINES) {
      result.put(
          engine, Latencies.of(nanos.get(engine), measured.size() / (elapsed.get(engine) / 1e9)));
    }
    LOG.info(
        "{} client(s): local p50 {} ms, cloud p50 {} ms",
        threads,
        result.get("local").p50Ms(),
        result.get("cloud").p50Ms());
    return result;
  }

  /** Runs the requests against one service with {@code threads} clients; each one's time. */
  private static long[] run(String base, List<String> paths, int threads) throws Exception {
    List<BenchQuery> placeholders = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      placeholders.add(new BenchQuery(Integer.toString(i), SearchRequest.of("")));
    }
    LoadRunner.Pass pass =
        LoadRunner.measure(
            query -> SearchBench.get(base + paths.get(Integer.parseInt(query.category()))),
            placeholders,
            threads);
    return pass.nanos();
  }

  private static Map<String, Object> articles(Map<String, String> bases) throws IOException {
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Map.Entry<String, String> base : bases.entrySet()) {
      String health = SearchBench.body(base.getValue() + "/health");
      counts.put(base.getKey(), new ObjectMapper().readTree(health).path("documents").asLong());
    }
    return counts;
  }

  private ChildJvm startService(List<String> backend, Path log) throws IOException {
    List<String> arguments = new ArrayList<>(backend);
    arguments.addAll(List.of("--port", "0", "--host", "127.0.0.1"));
    arguments.addAll(serviceOptions);
    return ChildJvm.start(
        serviceJavaOptions,
        jar.toString(),
        "dev.carnews.server.Main",
        arguments,
        SERVICE_READY,
        log,
        false);
  }

  private static LocalDate day(LuceneNewsArchive archive, SortOrder sort) throws IOException {
    List<SearchHit> hits = archive.search(SearchRequest.of("").withPage(sort, 1, 1)).hits();
    Instant when = hits.isEmpty() ? null : hits.get(0).published();
    return when == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.ofInstant(when, ZoneOffset.UTC);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> report, PrintWriter out) {
    out.printf(Locale.ROOT, "articles: %s%n", report.get("articles"));
    out.println(
        "| request | clients | local p50 / p99 ms | cloud p50 / p99 ms | p50 ratio | p99 ratio |"
            + " QPS local / cloud |");
    out.println("|---|---|---|---|---|---|---|");
    Map<String, Object> results = (Map<String, Object>) report.get("results");
    for (Map.Entry<String, Object> byClients : results.entrySet()) {
      String threads = byClients.getKey().replace("-clients", "");
      for (Map.Entry<String, Object> kind :
          ((Map<String, Object>) byClients.getValue()).entrySet()) {
        Map<String, Latencies> engines = (Map<String, Latencies>) kind.getValue();
        Latencies local = engines.get("local");
        Latencies cloud = engines.get("cloud");
        out.printf(
            Locale.ROOT,
            "| %s | %s | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f | %.0f / %.0f |%n",
            kind.getKey(),
            threads,
            local.p50Ms(),
            local.p99Ms(),
            cloud.p50Ms(),
            cloud.p99Ms(),
            cloud.p50Ms() / local.p50Ms(),
            cloud.p99Ms() / local.p99Ms(),
            local.qps(),
            cloud.qps());
      }
    }
  }
}
