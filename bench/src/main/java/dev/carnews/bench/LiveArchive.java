package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code live-archive}: the service alone on a large archive while it is written to (issue 25's "at
 * 1M articles, with one write a second: p99 of search, entity page and trending"). Starts the
 * service jar on an index (a copy: it writes), then for each client count reads for a while — a
 * Zipf stream of first-seen and repeated searches, entity pages of the most named people and
 * brands, and trending lists for random weeks — while one article a second is written through
 * {@code PUT /api/articles/{id}}; reports p50/p99/max per kind of read and each write's time until
 * a search finds it.
 */
@Command(
    name = "live-archive",
    mixinStandardHelpOptions = true,
    description =
        "Runs the service alone on an index (a copy: it writes) under searches, entity pages and"
            + " trending lists while one article a second is written; p50/p99 per kind of read.")
final class LiveArchive implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(LiveArchive.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SERVICE_READY =
      Pattern.compile("Listening on http://localhost:(\\d+)");

  /** Entity pages are drawn from this many of the most named people and as many brands. */
  private static final int TOP_ENTITIES = 100;

  @Option(names = "--index", required = true, description = "an index folder (a copy: it writes)")
  Path index;

  @Option(names = "--jar", description = "the service jar (default: ${DEFAULT-VALUE})")
  Path jar = Path.of("search-api/target/search-api.jar");

  @Option(names = "--seconds", description = "reading time per client count (${DEFAULT-VALUE})")
  int seconds = 60;

  @Option(
      names = "--clients",
      split = ",",
      description = "client counts, one run each (default: 1,2)")
  List<Integer> clients = List.of(1, 2);

  @Option(names = "--queries", description = "distinct searches drawn (${DEFAULT-VALUE})")
  int queries = 20_000;

  @Option(names = "--zipf", description = "exponent of the search stream (${DEFAULT-VALUE})")
  double zipf = 1.0;

  @Option(
      names = "--mix",
      split = ",",
      description = "shares of search, entity page and trending reads (default: 70,15,15)")
  List<Integer> mix = List.of(70, 15, 15);

  @Option(names = "--warm-up", description = "reads before the first run (${DEFAULT-VALUE})")
  int warmUp = 500;

  @Option(names = "--seed", description = "random seed (${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--service-option", description = "an extra service option (repeatable)")
  List<String> serviceOptions = new ArrayList<>();

  @Option(names = "--service-java-option", description = "a JVM option of the service")
  List<String> serviceJavaOptions = new ArrayList<>(List.of("-Xmx2g"));

  @Option(names = "--out", description = "write the report as JSON here")
  Path out;

  private final HttpClient client = SolrCompare.client();
  private URI base;
  private String writeKey;

  /** One read of the mix: its kind and path. */
  private record Read(String kind, String path) {}

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("no index folder " + index);
    }
    if (mix.size() != 3 || mix.stream().anyMatch(share -> share < 0)) {
      throw new IllegalArgumentException("--mix takes three shares >= 0: search,entity,trending");
    }
    List<BenchQuery> searches = TitleQueries.distinct(index, queries, seed);
    Path logs = Files.createTempDirectory("live-archive-");
    writeKey = "bench-" + UUID.randomUUID();
    Path keys = Files.writeString(logs.resolve("api-keys"), writeKey + "\n");
    List<String> arguments =
        new ArrayList<>(List.of("--index", index.toString(), "--port", "0", "--host", "127.0.0.1"));
    arguments.add("--api-keys=" + keys);
    arguments.addAll(serviceOptions);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", "live-archive");
    report.put("started", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("index", index.toString());
    report.put("serviceOptions", serviceOptions);
    LOG.info("Service log in {}", logs);
    try (ChildJvm service =
        ChildJvm.start(
            serviceJavaOptions,
            jar.toString(),
            "dev.carnews.server.Main",
            arguments,
            SERVICE_READY,
            logs.resolve("service.log"),
            false)) {
      base = URI.create("http://127.0.0.1:" + service.ready());
      List<String> entities = topEntities();
      LocalDate[] span = span();
      report.put("articles", total(""));
      report.put("entities", entities.size());
      report.put("span", List.of(span[0].toString(), span[1].toString()));
      Zipf stream = new Zipf(searches.size(), zipf);
      SplittableRandom warm = new SplittableRandom(seed);
      LOG.info("Warm-up: {} reads", warmUp);
      for (int i = 0; i < warmUp; i++) {
        get(draw(warm, searches, stream, entities, span).path());
      }
      Map<String, Object> runs = new LinkedHashMap<>();
      int run = 0;
      for (int count : clients) {
        run++;
        LOG.info("{} s with {} client(s), one write a second", seconds, count);
        runs.put(count + "-clients", run(count, searches, stream, entities, span, run));
      }
      report.put("runs", runs);
    }
    report.put("finished", Instant.now().toString());
    report.put("loadAtEnd", Machine.load());
    print(report);
    if (out != null) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
    }
    return 0;
  }

  private Map<String, Object> run(
      int count,
      List<BenchQuery> searches,
      Zipf stream,
      List<String> entities,
      LocalDate[] span,
      int run)
      throws Exception {
    Map<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();
    WriteStream writes = new WriteStream();
    ExecutorService pool = Executors.newFixedThreadPool(count + 1, new Threads("live"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        SplittableRandom random = new SplittableRandom(seed * 31 + run * 7L + c);
        readers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < deadline) {
                    Read read = draw(random, searches, stream, entities, span);
                    long start = System.nanoTime();
                    get(read.path());
                    byKind
                        .computeIfAbsent(read.kind(), kind -> new ConcurrentLinkedQueue<>())
                        .add(System.nanoTime() - start);
                  }
                  return null;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                writes.run(writePath(), "bench-archive-" + run, deadline);
                return null;
              });
      for (Future<?> reader : readers) {
        reader.get();
      }
      writer.get();
    } finally {
      pool.shutdownNow();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>();
    for (String kind : List.of("search", "entity", "trending")) {
      ConcurrentLinkedQueue<Long> nanos = byKind.getOrDefault(kind, new ConcurrentLinkedQueue<>());
      all.addAll(nanos);
      result.put(
          kind,
          Latencies.of(
              nanos.stream().mapToLong(Long::longValue).toArray(),
              nanos.size() / (double) seconds));
    }
    result.put(
        "all",
        Latencies.of(
            all.stream().mapToLong(Long::longValue).toArray(), all.size() / (double) seconds));
    result.putAll(writes.summary());
    return result;
  }

  /** One read: a search of the Zipf stream, an entity page or a week's trending list. */
  private Read draw(
      SplittableRandom random,
      List<BenchQuery> searches,
      Zipf stream,
      List<String> entities,
      LocalDate[] span) {
    int pick = random.nextInt(mix.get(0) + mix.get(1) + mix.get(2));
    if (pick < mix.get(0) || (entities.isEmpty() && pick < mix.get(0) + mix.get(1))) {
      return new Read("search", "/api/search?" + searches.get(stream.next(random)).queryString());
    }
    if (pick < mix.get(0) + mix.get(1)) {
      return new Read("entity", "/api/entities/" + entities.get(random.nextInt(entities.size())));
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(span[0], span[1]) - 6);
    LocalDate from = span[0].plusDays(random.nextLong(days));
    String[] types = {"person", "brand", "person,brand"};
    return new Read(
        "trending",
        "/api/trending?type="
            + types[random.nextInt(types.length)]
            + "&from="
            + from
            + "&to="
            + from.plusDays(6));
  }

  /** {@code type/name} of the most named people and brands, URL-encoded. */
  private List<String> topEntities() throws Exception {
    List<String> names = new ArrayList<>();
    for (String type : List.of("person", "brand")) {
      JsonNode listing =
          JSON.readTree(get("/api/entities?type=" + type + "&sort=count&size=" + TOP_ENTITIES));
      for (JsonNode entity : listing.path("entities")) {
        names.add(
            type
                + "/"
                + URLEncoder.encode(entity.path("name").asText(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
      }
    }
    return names;
  }

  /** The first and last publication days of the archive. */
  private LocalDate[] span() throws Exception {
    LocalDate first = day("oldest");
    LocalDate last = day("newest");
    return new LocalDate[] {first, last.isBefore(first) ? first : last};
  }

  private LocalDate day(String sort) throws Exception {
    JsonNode hits = JSON.readTree(get("/api/search?q=&size=1&sort=" + sort)).path("hits");
    String published = hits.path(0).path("published").asText("");
    return published.isEmpty()
        ? LocalDate.now(ZoneOffset.UTC)
        : LocalDate.ofInstant(Instant.parse(published), ZoneOffset.UTC);
  }

  private long total(String q) throws Exception {
    return JSON.readTree(get("/api/search?size=1&q=" + q)).path("total").asLong();
  }

  /** The service's write path and the search that finds a write. */
  private WriteStream.Engine writePath() {
    return new WriteStream.Engine() {
      @Override
      public void write(String id, String token) throws Exception {
        HttpResponse<String> response =
            client.send(
                WriteStream.servicePut(base, writeKey, id, token),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
          throw new IOException("write " + id + " answered " + response.statusCode());
        }
      }

      @Override
      public boolean finds(String token) throws Exception {
        return total(token) > 0;
      }
    };
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static void print(Map<String, Object> report) {
    System.out.printf(
        Locale.ROOT,
        "%s articles, %s entities drawn, span %s%n",
        report.get("articles"),
        report.get("entities"),
        report.get("span"));
    System.out.println(
        "  clients  read      count   p50 ms   p99 ms   max ms    per s   writes  visible p50 / max"
            + " ms  >1s");
    ((Map<?, ?>) report.get("runs"))
        .forEach(
            (clients, value) -> {
              Map<?, ?> run = (Map<?, ?>) value;
              for (String kind : List.of("search", "entity", "trending", "all")) {
                Latencies reads = (Latencies) run.get(kind);
                System.out.printf(
                    Locale.ROOT,
                    "  %-8s %-9s %6d %8.2f %8.2f %8.2f %8.1f%s%n",
                    clients,
                    kind,
                    reads.count(),
                    reads.p50Ms(),
                    reads.p99Ms(),
                    reads.maxMs(),
                    reads.qps(),
                    kind.equals("all")
                        ? String.format(
                            Locale.ROOT,
                            "  %6s  %8.0f / %-8.0f %4s",
                            run.get("writes"),
                            (Double) run.get("visibleP50Ms"),
                            (Double) run.get("visibleMaxMs"),
                            run.get("visibleOver1s"))
                        : "");
              }
            });
  }
}
