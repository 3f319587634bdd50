package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code solr-compare}: the service ({@code search-api.jar}) and a Solr 9.10.1 node (module {@code
 * solr}), each in a JVM of its own, over the same articles, answering the same title queries; see
 * {@link SolrCompare}.
 */
@Command(
    name = "solr-compare",
    mixinStandardHelpOptions = true,
    description =
        "Starts the service and a Solr node on the same articles and compares their latency and"
            + " throughput on the same queries over HTTP.")
final class SolrCompareCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCompareCommand.class);
  private static final Pattern SERVICE_READY =
      Pattern.compile("Listening on http://localhost:(\\d+)");
  private static final Pattern SOLR_READY = Pattern.compile("solr-node ready at (\\S+)");

  /** Either an index or a generated corpus. */
  static final class Source {
    @Option(names = "--index", description = "an index folder (e.g. indexer.jar's)")
    Path index;

    @Option(
        names = "--articles",
        description = "generated articles: WORK/index-N, built as `suite` builds it if missing")
    Long articles;
  }

  @ArgGroup(multiplicity = "1")
  Source source;

  @Option(names = "--work", description = "work folder of --articles (default: ${DEFAULT-VALUE})")
  Path work = Path.of("/tmp/bench");

  @Option(names = "--singles", description = "single-word queries (default: ${DEFAULT-VALUE})")
  int singles = 100;

  @Option(names = "--pairs", description = "two-word queries (default: ${DEFAULT-VALUE})")
  int pairs = 100;

  @Option(names = "--phrases", description = "quoted phrases (default: ${DEFAULT-VALUE})")
  int phrases = 50;

  @Option(names = "--seed", description = "seed of the query set (default: ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(names = "--warm-up", description = "warm-up passes (default: ${DEFAULT-VALUE})")
  int warmUp = 10;

  @Option(names = "--rounds", description = "measured rounds (default: ${DEFAULT-VALUE})")
  int rounds = 5;

  @Option(
      names = "--clients",
      split = ",",
      description = "client counts (default: ${DEFAULT-VALUE})")
  List<Integer> clients = List.of(1, 2);

  @Option(names = "--jar", description = "the service (default: ${DEFAULT-VALUE})")
  Path jar = Path.of("search-api", "target", "search-api.jar");

  @Option(
      names = "--solr-target",
      description = "solr/target after `mvn package` (default: ${DEFAULT-VALUE})")
  Path solrTarget = Path.of("solr", "target");

  @Option(
      names = "--service-port",
      description = "0 = any; the baseline takes the next (default: ${DEFAULT-VALUE})")
  int servicePort = 0;

  @Option(names = "--solr-port", description = "0 = any (default: ${DEFAULT-VALUE})")
  int solrPort = 0;

  @Option(
      names = "--no-solr-caches",
      description = "switch off Solr's filter, query-result and document caches")
  boolean noSolrCaches;

  @Option(
      names = "--service-java-option",
      description = "a JVM option of the service (repeatable), e.g. a flight recording")
  List<String> serviceJavaOptions = new ArrayList<>();

  @Option(names = "--solr-java-option", description = "a JVM option of Solr (repeatable)")
  List<String> solrJavaOptions = new ArrayList<>();

  @Option(
      names = "--baseline-jar",
      description =
          "another build of the service (e.g. before a change), run on a copy of the index and"
              + " measured alike in the same rounds")
  Path baselineJar;

  @Option(
      names = "--baseline-index",
      paramLabel = "DIR",
      description =
          "the baseline's index, copied (default: a copy of --index): the same articles in"
              + " another layout, e.g. not merged; the queries are drawn from --index")
  Path baselineIndexFrom;

  @Option(
      names = "--service-option",
      description =
          "an option of the service's command line (repeatable), e.g. --search-cache-size=0")
  List<String> serviceOptions = new ArrayList<>();

  @Option(
      names = "--baseline-option",
      description = "an option of the baseline's command line (repeatable)")
  List<String> baselineOptions = new ArrayList<>();

  @Option(
      names = "--service-params",
      description =
          "more query parameters of the service's searches, e.g. facets=brand,month&facetSize=10")
  String serviceParams = "";

  @Option(
      names = "--baseline-params",
      description = "more query parameters of the baseline's searches")
  String baselineParams = "";

  @Option(
      names = "--workloads",
      split = ",",
      description =
          "repeated (the rounds above), first-time (queries no engine saw before), newsroom"
              + " (Zipf reads while one article a second is written) (default: ${DEFAULT-VALUE})")
  List<String> workloads = List.of("repeated");

  @Option(
      names = "--first-time-queries",
      description =
          "distinct queries of first-time, the last clients x --first-time-timed timed"
              + " (default: ${DEFAULT-VALUE})")
  int firstTimeQueries = 5000;

  @Option(
      names = "--first-time-timed",
      description = "timed new queries per client count (default: ${DEFAULT-VALUE})")
  int firstTimeTimed = 1000;

  @Option(
      names = "--newsroom-queries",
      description = "distinct queries of the newsroom's stream (default: ${DEFAULT-VALUE})")
  int newsroomQueries = 20000;

  @Option(
      names = "--newsroom-seconds",
      description = "seconds per engine and client count (default: ${DEFAULT-VALUE})")
  int newsroomSeconds = 60;

  @Option(
      names = "--newsroom-warm-up-seconds",
      description =
          "untimed newsroom seconds per engine before the timed runs, reads and writes alike, so"
              + " neither engine's cold first writes and queries count (default: ${DEFAULT-VALUE})")
  int newsroomWarmUpSeconds = 10;

  @Option(
      names = "--zipf",
      description = "exponent of the newsroom's query popularity (default: ${DEFAULT-VALUE})")
  double zipf = 1.0;

  @Option(names = "--out", description = "JSON results file")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path index = source.index != null ? source.index : generated();
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("no index folder " + index);
    }
    List<BenchQuery> queries = TitleQueries.draw(index, singles, pairs, phrases, seed);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", "solr-compare");
    report.put("started", Instant.now().toString());
    report.put("machine", Machine.describe());
    report.put("index", index.toString());
    report.put("solrVersion", "9.10.1");
    report.put("solrCaches", !noSolrCaches);
    report.put("queries", queries.size());
    report.put("warmUpPasses", warmUp);
    report.put("rounds", rounds);
    report.put("serviceOptions", serviceOptions);
    report.put("serviceParams", serviceParams);
    report.put("baselineOptions", baselineOptions);
    report.put("baselineParams", baselineParams);
    for (String workload : workloads) {
      if (!List.of("repeated", "first-time", "newsroom").contains(workload)) {
        throw new IllegalArgumentException("unknown workload " + workload);
      }
    }
    report.put("workloads", workloads);
    Path logs = Files.createTempDirectory("solr-compare-");
    LOG.info("Logs of the two servers in {}", logs);
    String writeKey = "bench-" + UUID.randomUUID();
    Path keys = Files.writeString(logs.resolve("api-keys"), writeKey + "\n");
    List<String> withKeys = new ArrayList<>(serviceOptions);
    withKeys.add("--api-keys=" + keys);
    // The newsroom writes through the service: into a copy, so the index given stays as it was
    // and the next run measures the same articles.
    Path serviceIndex =
        workloads.contains("newsroom")
            ? IndexFiles.copy(index, logs.resolve("service-index"))
            : index;
    Path baselineIndex =
        baselineJar == null
            ? null
            : IndexFiles.copy(
                baselineIndexFrom == null ? index : baselineIndexFrom,
                logs.resolve("baseline-index"));
    try (ChildJvm solr = startSolr(logs);
        ChildJvm service =
            startService(jar, serviceIndex, logs.resolve("service.log"), servicePort, withKeys);
        ChildJvm baseline =
            baselineJar == null
                ? null
                : startService(
                    baselineJar,
                    baselineIndex,
                    logs.resolve("baseline.log"),
                    servicePort == 0 ? 0 : servicePort + 1,
                    baselineOptions)) {
      URI core = URI.create(solr.ready());
      long fed = SolrFeed.feed(index, core, SolrCompare.client());
      LOG.info("Fed Solr {} articles", fed);
      report.put("articles", fed);
      report.put("examples", queries.stream().limit(400).map(this::example).toList());
      SolrCompare compare =
          new SolrCompare(
              URI.create("http://127.0.0.1:" + service.ready()),
              core,
              baseline == null ? null : URI.create("http://127.0.0.1:" + baseline.ready()),
              serviceParams,
              baselineParams);
      if (workloads.contains("repeated")) {
        report.put(
            "compare", compare.run(queries, new SolrCompare.Settings(warmUp, rounds, clients)));
      }
      LiveWorkloads live =
          new LiveWorkloads(
              compare,
              URI.create("http://127.0.0.1:" + service.ready()),
              core,
              writeKey,
              Map.of("service", service::cpu, "solr", solr::cpu));
      if (workloads.contains("first-time")) {
        report.put(
            "firstTime",
            live.firstTime(
                TitleQueries.distinct(index, firstTimeQueries, seed + 1), firstTimeTimed, clients));
      }
      if (workloads.contains("newsroom")) {
        // Last: its writes change both indexes.
        report.put(
            "newsroom",
            live.newsroom(
                TitleQueries.distinct(index, newsroomQueries, seed + 2),
                zipf,
                newsroomWarmUpSeconds,
                newsroomSeconds,
                clients,
                seed));
      }
    } finally {
      if (baselineIndex != null) {
        IndexFiles.delete(baselineIndex);
      }
      if (!serviceIndex.equals(index)) {
        IndexFiles.delete(serviceIndex);
      }
    }
    report.put("finished", Instant.now().toString());
    report.put("loadAtEnd", Machine.load());
    PrintWriter stdout =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (report.containsKey("compare")) {
      CompareTable.print(report, stdout);
    }
    LiveWorkloads.print(castMap(report.get("firstTime")), castMap(report.get("newsroom")), stdout);
    if (out != null) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(out.toFile(), report);
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private String example(BenchQuery query) {
    return query.category() + "\t" + query.request().q();
  }

  private Path generated() throws Exception {
    if (source.articles < 1) {
      throw new IllegalArgumentException("--articles must be >= 1");
    }
    Path index = work.resolve("index-" + source.articles);
    if (!Files.isDirectory(index)) {
      BenchCli.buildGenerated(work, source.articles);
    }
    return index;
  }

  private ChildJvm startSolr(Path logs) throws IOException {
    Path classpathFile = solrTarget.resolve("node-classpath.txt");
    if (!Files.exists(classpathFile)) {
      throw new IllegalArgumentException(
          classpathFile + " missing: run `mvn -q -ntp -pl solr package -DskipTests` first");
    }
    String classpath =
        solrTarget.resolve("classes")
            + java.io.File.pathSeparator
            + Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
    List<String> options = new ArrayList<>(solrJavaOptions);
    options.add("-Dnews.solr.caches=" + !noSolrCaches);
    return ChildJvm.start(
        options,
        classpath,
        "dev.carnews.solr.SolrNode",
        List.of("--port", Integer.toString(solrPort)),
        SOLR_READY,
        logs.resolve("solr.log"),
        true);
  }

  private ChildJvm startService(
      Path serviceJar, Path index, Path log, int port, List<String> options) throws IOException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--index",
                index.toString(),
                "--port",
                Integer.toString(port),
                "--host",
                "127.0.0.1"));
    arguments.addAll(options);
    return ChildJvm.start(
        serviceJavaOptions,
        serviceJar.toString(),
        "dev.carnews.server.Main",
        arguments,
        SERVICE_READY,
        log,
        false);
  }
}
