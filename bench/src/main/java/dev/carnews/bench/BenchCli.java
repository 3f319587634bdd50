package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.lucene.SearchThreads;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark suite's entry point: {@code suite} generates a corpus of any size and measures
 * ingest, search and resources on it; {@code search} measures search and resources on an existing
 * index; {@code solr-compare} measures the service against a Solr node on the same queries; {@code
 * jfr-top} lists the hottest methods of a flight recording; {@code relevance} reports nDCG@k of
 * judged queries; {@code replay} records every JSON answer of a request list, to compare two
 * builds.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks ingest, search and resources of the news search.",
    subcommands = {
      BenchCli.Suite.class,
      BenchCli.Search.class,
      BenchCli.Jfr.class,
      SolrCompareCommand.class,
      StoryBench.class,
      EvaluateRelevance.class,
      Replay.class,
      EmbeddingChoice.class,
      TopicsEval.class,
      PlainBm25.class,
      InProcessFirstTime.class,
      RelatedEval.class,
      ScaleIndex.class,
      AfterWrite.class,
      LiveArchive.class,
      GenerateCorpus.class,
      CloudCompare.class,
      CloudLoad.class
    })
public final class BenchCli {

  private static final Logger LOG = LoggerFactory.getLogger(BenchCli.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BenchCli() {}

  /** Runs a subcommand; exits non-zero on failure. */
  public static void main(String[] args) {
    int code = new CommandLine(new BenchCli()).execute(args);
    System.exit(code);
  }

  /** The search options both measuring commands share. */
  static final class SearchOptions {
    @Option(
        names = "--warm-up",
        description = "warm-up queries per run (default: ${DEFAULT-VALUE})")
    int warmUp = 300;

    @Option(
        names = "--queries",
        description = "measured queries per run (default: ${DEFAULT-VALUE})")
    int queries = 700;

    @Option(
        names = "--rounds",
        description =
            "rounds the measured queries are split into, each run through every mode in turn"
                + " (default: ${DEFAULT-VALUE})")
    int rounds = 5;

    @Option(names = "--seed", description = "seed of the query mix (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(
        names = "--clients",
        split = ",",
        description = "client thread counts (default: ${DEFAULT-VALUE})")
    List<Integer> clients = List.of(1, 2);

    @Option(names = "--no-http", description = "skip the HTTP runs")
    boolean noHttp;

    @Option(
        names = "--search-threads",
        description =
            "threads one search spreads over, in the service and the raw baseline alike; 1 ="
                + " sequential (default: the number of cores, ${DEFAULT-VALUE})")
    int searchThreads = SearchThreads.defaultCount();

    @Option(
        names = "--jar",
        description = "search-api.jar for the startup figure (default: ${DEFAULT-VALUE})")
    Path jar = Path.of("search-api", "target", "search-api.jar");

    @Option(names = "--no-startup", description = "skip the startup figure")
    boolean noStartup;

    @Option(names = "--out", description = "JSON results file")
    Path out;

    @Option(
        names = "--queries-out",
        description =
            "the measured queries, one /api/search query string per line (input of"
                + " search-api/bench/wrk-mix.lua, for a load from another process)")
    Path queriesOut;

    SearchBench.Settings settings() {
      return new SearchBench.Settings(
          warmUp, queries, rounds, seed, clients, !noHttp, searchThreads);
    }
  }

  /** Generate, ingest, search. */
  @Command(
      name = "suite",
      mixinStandardHelpOptions = true,
      description =
          "Tags the real corpora once (full pipeline), builds an index of N generated articles"
              + " Lucene-only, then measures search and resources on it.")
  static final class Suite implements Callable<Integer> {
    @Option(names = "--articles", required = true, description = "generated articles")
    long articles;

    @Option(
        names = "--work",
        required = true,
        description = "work folder: base/ (tagged corpora, reused) and index-N/ (the index)")
    Path work;

    @Option(
        names = "--corpora",
        split = ",",
        description = "JSON Lines corpora of the base (default: ${DEFAULT-VALUE})")
    List<Path> corpora =
        List.of(
            Path.of("../shared/corpora/bbc.jsonl"),
            Path.of("../shared/corpora/abc.jsonl"),
            Path.of("../shared/corpora/reuters21578.jsonl"));

    @Option(names = "--threads", description = "ingest threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--generator-seed", description = "seed of the corpus (default: 7)")
    long generatorSeed = 7;

    @Option(names = "--reuse-index", description = "search an index-N/ an earlier run built")
    boolean reuseIndex;

    @Option(
        names = "--no-stories",
        description =
            "build without stories (each article its own story), e.g. an archive for backup"
                + " figures, where finding each article's story would dominate the build")
    boolean noStories;

    @Mixin SearchOptions search = new SearchOptions();

    @Override
    public Integer call() throws Exception {
      if (articles < 1) {
        throw new IllegalArgumentException("--articles must be >= 1");
      }
      Map<String, Object> report = header("suite");
      Path base = work.resolve("base");
      report.put("tagging", BaseCorpus.tagOnce(base, corpora, threads));
      Path index = work.resolve("index-" + articles);
      if (reuseIndex && Files.isDirectory(index)) {
        report.put("luceneOnly", Map.of("reused", index.toString()));
      } else {
        if (Files.exists(index) && !isEmpty(index)) {
          throw new IllegalArgumentException(
              index + " exists: remove it or pass --reuse-index to search it");
        }
        report.put("luceneOnly", build(base, index));
      }
      measureSearch(index, search, report);
      return 0;
    }

    private Map<String, Object> build(Path base, Path index) throws Exception {
      return generate(base, index, articles, generatorSeed, threads, !noStories);
    }
  }

  /**
   * Builds {@code WORK/index-N} as {@code suite} does with its defaults (the base tagged once into
   * {@code WORK/base}), for commands that need a generated index.
   */
  static void buildGenerated(Path work, long articles) throws Exception {
    Suite defaults = new Suite();
    Path base = work.resolve("base");
    BaseCorpus.tagOnce(base, defaults.corpora, defaults.threads);
    generate(
        base,
        work.resolve("index-" + articles),
        articles,
        defaults.generatorSeed,
        defaults.threads,
        true);
  }

  private static Map<String, Object> generate(
      Path base, Path index, long articles, long seed, int threads, boolean stories)
      throws Exception {
    List<TaggedArticle> tagged = BaseCorpus.read(base);
    CorpusGenerator generator = new CorpusGenerator(tagged, brandsByFrequency(tagged), seed);
    LOG.info("Building {} articles from {} tagged ones", articles, tagged.size());
    Map<String, Object> row = LuceneOnlyBuild.build(generator, articles, index, threads, stories);
    row.put("baseArticles", tagged.size());
    return row;
  }

  /** The suite's generator over {@code WORK/base} (the default corpora tagged once). */
  static CorpusGenerator generator(Path work, long seed) throws Exception {
    Suite defaults = new Suite();
    Path base = work.resolve("base");
    BaseCorpus.tagOnce(base, defaults.corpora, defaults.threads);
    List<TaggedArticle> tagged = BaseCorpus.read(base);
    return new CorpusGenerator(tagged, brandsByFrequency(tagged), seed);
  }

  /** Search and resources on an existing index. */
  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = "Measures search and resources on an existing index (e.g. indexer.jar's).")
  static final class Search implements Callable<Integer> {
    @Option(names = "--index", required = true, description = "the index folder")
    Path index;

    @Mixin SearchOptions search = new SearchOptions();

    @Override
    public Integer call() throws Exception {
      if (!Files.isDirectory(index)) {
        throw new IllegalArgumentException("no index folder " + index);
      }
      Map<String, Object> report = header("search");
      report.put("index", index.toString());
      measureSearch(index, search, report);
      return 0;
    }
  }

  /** The hottest methods of a flight recording. */
  @Command(
      name = "jfr-top",
      mixinStandardHelpOptions = true,
      description = "Lists the hottest methods (self and total) of a JFR recording.")
  static final class Jfr implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "FILE", description = "the .jfr recording")
    Path recording;

    @Option(names = "--top", description = "methods to list (default: ${DEFAULT-VALUE})")
    int top = 25;

    @Option(names = "--thread", description = "only threads whose name starts with this")
    String thread;

    @Option(
        names = "--under",
        description = "only stacks with a method whose name contains this (RawLuceneSearch.search)")
    String under;

    @Override
    public Integer call() throws IOException {
      Map<String, Object> hot = JfrTop.of(recording, top, thread, under);
      PrintWriter out = stdout();
      out.println("samples: " + hot.get("samples"));
      for (String kind : List.of("self", "total")) {
        out.println(kind + ":");
        ((Map<?, ?>) hot.get(kind))
            .forEach((method, share) -> out.printf("  %-14s %s%n", share, method));
      }
      out.flush();
      return 0;
    }
  }

  private static Map<String, Object> header(String command) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", command);
    report.put("started", Instant.now().toString());
    report.put("machine", Machine.describe());
    return report;
  }

  private static void measureSearch(Path index, SearchOptions options, Map<String, Object> report)
      throws Exception {
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      report.put("indexMB", Machine.sizeOf(index) / 1e6);
      report.put("indexMBByExtension", IndexFiles.byExtension(index));
      Map<String, Object> search = SearchBench.run(articles, options.settings());
      report.put("search", search);
      if (options.queriesOut != null) {
        writeQueries(search, options.queriesOut);
      }
    }
    if (!options.noStartup) {
      report.put("startup", Startup.measure(options.jar, index));
    }
    report.put("finished", Instant.now().toString());
    report.put("loadAtEnd", Machine.load());
    Table.print(report, stdout());
    if (options.out != null) {
      JSON.writeValue(options.out.toFile(), report);
    }
  }

  /** Writes the query strings of the measured mix ("category TAB query" entries), one a line. */
  private static void writeQueries(Map<String, Object> search, Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Object entry : (List<?>) search.get("queries")) {
      String text = entry.toString();
      lines.add(text.substring(text.indexOf('\t') + 1));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** The dictionary's brands, those the base mentions most first (for the Zipf ranks). */
  private static List<String> brandsByFrequency(List<TaggedArticle> tagged) {
    Map<String, Integer> counts = new HashMap<>();
    tagged.forEach(
        article ->
            article.brands().stream()
                .map(Entity::name)
                .forEach(b -> counts.merge(b, 1, Integer::sum)));
    List<String> dictionary = BrandDictionary.loadDefault().brands();
    return dictionary.stream()
        .sorted(Comparator.comparing((String brand) -> -counts.getOrDefault(brand, 0)))
        .toList();
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isEmpty();
    }
  }

  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }
}
