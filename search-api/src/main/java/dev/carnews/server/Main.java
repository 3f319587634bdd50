package dev.carnews.server;

import dev.carnews.embed.EmbeddingTagger;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.embed.RememberedQueries;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityModelVersion;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.http.ApiKeys;
import dev.carnews.http.AppOptions;
import dev.carnews.http.SearchApp;
import dev.carnews.index.IndexVersion;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.search.CachingNewsArchive;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.Ranking;
import dev.carnews.search.lucene.SearchThreads;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Starts the search service: opens (or creates) the index, fills it from the sample corpus when it
 * is empty, and serves the API until the process is stopped.
 */
@Command(
    name = "search-api",
    mixinStandardHelpOptions = true,
    description =
        "Serves the car-news search API over a local Lucene index or a SolrCloud collection.")
public final class Main implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "index folder, created when missing; after a reindex, the folder its pointer"
              + " DIR.current names (default: ${DEFAULT-VALUE})")
  Path index = Path.of("data", "index");

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description =
          "serve from SolrCloud instead of a local index: node base URLs, comma-separated"
              + " (http://host:8983/solr); needs --collection")
  List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "the SolrCloud collection to serve (with --solr)")
  String collection;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
  int port = 7070;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "address to listen on; 0.0.0.0 serves every interface, localhost only this machine"
              + " (default: ${DEFAULT-VALUE})")
  String host = "0.0.0.0";

  @Option(
      names = "--recency-half-life-days",
      paramLabel = "DAYS",
      description =
          "relevance order: the age after which a story's recency bonus halves; 0 turns recency"
              + " off (default: ${DEFAULT-VALUE})")
  double recencyHalfLifeDays = Ranking.DEFAULT_RECENCY_HALF_LIFE_DAYS;

  @Option(
      names = "--api-keys",
      paramLabel = "FILE",
      description =
          "file of API keys that may write, one per line (also: env NEWS_API_KEYS, comma-separated);"
              + " without any key, writes are disabled")
  Path apiKeys;

  @Option(
      names = "--cors-origins",
      paramLabel = "ORIGINS",
      split = ",",
      description =
          "origins allowed to call the API from a browser, comma-separated (also: env"
              + " NEWS_CORS_ORIGINS); default none")
  List<String> corsOrigins = new ArrayList<>();

  @Option(
      names = "--no-sample",
      description = "start with an empty index instead of filling it from the sample corpus")
  boolean noSample;

  @Option(
      names = "--max-concurrent-searches",
      paramLabel = "N",
      description =
          "searches served at once; more wait briefly, then get 429 (default: ${DEFAULT-VALUE})")
  int maxConcurrentSearches = AppOptions.DEFAULT_CONCURRENT_SEARCHES;

  @Option(
      names = "--search-threads",
      paramLabel = "N",
      description =
          "threads one search may spread over (segments and facet counts in parallel); 1 runs"
              + " each search on its request thread (default: the number of cores, ${DEFAULT-VALUE})")
  int searchThreads = SearchThreads.defaultCount();

  @Option(
      names = "--cache-max-age",
      paramLabel = "SECONDS",
      description =
          "how long browsers and shared caches may serve a public GET answer before revalidating"
              + " it with its ETag; 0 makes them revalidate every time (default: ${DEFAULT-VALUE})")
  long cacheMaxAgeSeconds = AppOptions.DEFAULT_CACHE_MAX_AGE.toSeconds();

  @Option(
      names = "--search-cache-size",
      paramLabel = "N",
      description =
          "search answers kept per index version, so a repeated search is answered from memory"
              + " until the next write becomes visible; 0 turns the cache off (default:"
              + " ${DEFAULT-VALUE})")
  int searchCacheSize = CachingNewsArchive.DEFAULT_ENTRIES;

  @Option(
      names = "--search-cache-warm",
      paramLabel = "N",
      description =
          "searches answered again on each new index version (after a write) before it serves:"
              + " the N asked most since the last one, as Solr's autowarmCount; 0 = none (default:"
              + " ${DEFAULT-VALUE})")
  int searchCacheWarm = CachingNewsArchive.DEFAULT_WARMED;

  @Option(
      names = "--query-vector-cache-size",
      paramLabel = "N",
      description =
          "vectors of the last N queries searched by meaning, kept across writes so a query asked"
              + " again is not embedded again; 0 turns it off (default: ${DEFAULT-VALUE})")
  int queryVectorCacheSize = RememberedQueries.DEFAULT_ENTRIES;

  @Option(
      names = "--no-vectors",
      description =
          "keyword search only: load no embedding model; writes get no vector and mode=semantic"
              + " or hybrid answer by words, saying so")
  boolean noVectors;

  @Option(
      names = "--full-check",
      description =
          "check the whole index structure at start-up, not only the file checksums (slow on big"
              + " indexes)")
  boolean fullCheck;

  @Option(
      names = "--backup-dir",
      paramLabel = "DIR",
      description =
          "backup repository of the admin route POST /api/admin/backups; with --solr, an absolute"
              + " folder on the Solr nodes (their backup repository, in solr.allowPaths); without"
              + " it, backups through the API are disabled")
  Path backupDir;

  @Option(
      names = "--backup-keep",
      paramLabel = "N",
      description = "backups kept in --backup-dir, the newest (default: ${DEFAULT-VALUE})")
  int backupKeep = 7;

  /** Runs the service; the exit code is non-zero when it cannot start. */
  public static void main(String[] args) {
    int code =
        new CommandLine(new Main())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  if (e instanceof IndexVersion.IncompatibleIndexException) {
                    LOG.error("The search service could not start: {}", e.getMessage());
                  } else {
                    LOG.error("The search service could not start", e);
                  }
                  commandLine.getErr().println("Cannot start: " + e.getMessage());
                  return 1;
                })
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    Ranking ranking = Ranking.withHalfLife(recencyHalfLifeDays);
    Supplier<TextEmbedder> meaning =
        noVectors
            ? null
            : RememberedQueries.around(OnnxTextEmbedder.lazyDefault(), queryVectorCacheSize);
    Backend backend =
        collection != null
            ? new SolrCloudBackend(
                solr,
                collection,
                ranking,
                meaning,
                backupDir == null ? null : backupDir.toString(),
                backupKeep)
            : new LocalBackend(
                index,
                fullCheck,
                !noSample,
                ranking,
                searchThreads,
                meaning,
                backupDir,
                backupKeep);
    SearchApp app;
    try {
      NewsArchive archive = CachingNewsArchive.of(backend.archive(), searchCacheSize);
      // Without warming, a refresh does no answer-cache work at all (not even its version).
      if (searchCacheWarm > 0 && archive instanceof CachingNewsArchive cache) {
        backend.warmAnswersWith(cache.warming(searchCacheWarm)::warm);
      }
      app = SearchApp.create(archive, appOptions(backend)).start(host, port);
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  backend.close();
                  stopped.countDown();
                },
                "search-api-shutdown"));
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.printf("Listening on http://localhost:%d (%s)%n", app.port(), backend.describe());
    loadModelsAhead(meaning);
    stopped.await();
    return 0;
  }

  /** Refuses values out of range, and options the chosen backend cannot honour. */
  private void validate() {
    CommandLine commandLine = spec.commandLine();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(commandLine, "--port must be 0..65535, was " + port);
    }
    if (cacheMaxAgeSeconds < 0) {
      throw new CommandLine.ParameterException(
          commandLine, "--cache-max-age must be >= 0, was " + cacheMaxAgeSeconds);
    }
    if (searchCacheWarm < 0) {
      throw new CommandLine.ParameterException(
          commandLine, "--search-cache-warm must be >= 0, was " + searchCacheWarm);
    }
    if (searchCacheSize < 0) {
      throw new CommandLine.ParameterException(
          commandLine, "--search-cache-size must be >= 0, was " + searchCacheSize);
    }
    if (queryVectorCacheSize < 0) {
      throw new CommandLine.ParameterException(
          commandLine, "--query-vector-cache-size must be >= 0, was " + queryVectorCacheSize);
    }
    if (searchThreads < 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--search-threads must be >= 1, was " + searchThreads);
    }
    if (backupKeep < 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--backup-keep must be >= 1, was " + backupKeep);
    }
    if ((solr != null && !solr.isEmpty()) != (collection != null)) {
      throw new CommandLine.ParameterException(commandLine, "--solr and --collection go together");
    }
    if (collection != null) {
      // These shape a local index; on SolrCloud the cluster owns the data and spreads searches.
      for (String localOnly :
          List.of("--index", "--no-sample", "--full-check", "--search-threads")) {
        if (spec.commandLine().getParseResult().hasMatchedOption(localOnly)) {
          throw new CommandLine.ParameterException(
              commandLine,
              localOnly
                  + " applies to a local index only: the SolrCloud collection keeps its data and"
                  + " spreads its searches itself");
        }
      }
    }
  }

  /** The API's options, the same for both backends. */
  private AppOptions appOptions(Backend backend) throws IOException {
    ApiKeys keys = keys();
    List<String> origins = new ArrayList<>(corsOrigins);
    String envOrigins = System.getenv("NEWS_CORS_ORIGINS");
    if (envOrigins != null) {
      Arrays.stream(envOrigins.split(","))
          .map(String::strip)
          .filter(o -> !o.isEmpty())
          .forEach(origins::add);
    }
    LOG.info(
        "Writes {}; CORS origins {}",
        keys.size() == 0 ? "disabled (no API keys)" : "enabled for " + keys.size() + " key(s)",
        origins.isEmpty() ? "none" : origins);
    AppOptions options = AppOptions.defaults();
    if (backend.backups().isPresent()) {
      options = options.withBackups(backend.backups().get());
    }
    if (backend.reindex().isPresent()) {
      options = options.withReindex(backend.reindex().get());
    }
    if (backend.curations().isPresent()) {
      options = options.withCuration(backend.curations().get());
    }
    return options
        .withWrites(backend.writer(), keys)
        .withCorsOrigins(origins)
        .withSearchBound(maxConcurrentSearches, AppOptions.DEFAULT_SEARCH_WAIT)
        .withCacheMaxAge(Duration.ofSeconds(cacheMaxAgeSeconds))
        .withIndexSize(backend::localBytes);
  }

  /** The API keys of the environment and of {@code --api-keys}. */
  private ApiKeys keys() throws IOException {
    ApiKeys keys = ApiKeys.fromCommaSeparated(System.getenv(ApiKeys.ENV));
    if (apiKeys != null) {
      keys = keys.and(ApiKeys.fromFile(apiKeys));
    }
    return keys;
  }

  /** The entity models of this process, loaded once by whichever needs them first. */
  private static final Supplier<NewsEntityTagger> ENTITY_MODELS = NewsEntityTagger.lazyDefaults();

  /**
   * Loads the entity models, and the embedding model when there is one ({@code null}: keyword
   * only), on a thread of their own once the service listens. The first write and the first search
   * by meaning then find them loaded instead of waiting seconds for them; a request that comes
   * first loads them itself, as before. A service that only reads holds them in memory all the
   * same.
   */
  private static void loadModelsAhead(Supplier<TextEmbedder> meaning) {
    Thread loading =
        new Thread(
            () -> {
              long started = System.nanoTime();
              try {
                ENTITY_MODELS.get();
                if (meaning != null) {
                  meaning.get();
                }
                LOG.info(
                    "Models loaded ahead of the first write in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
              } catch (RuntimeException e) {
                LOG.warn("Loading the models ahead failed; the first write loads them", e);
              }
            },
            "model-preload");
    loading.setDaemon(true);
    loading.start();
  }

  /**
   * A tagger per writing thread: the entity pipeline, then the embedding model when there is one
   * ({@code null}: keyword only). Both load with the first write.
   */
  static Supplier<EntityTagger> taggers(Supplier<TextEmbedder> meaning) {
    ThreadLocal<EntityTagger> perThread =
        ThreadLocal.withInitial(
            () -> {
              EntityTagger entities = ENTITY_MODELS.get();
              return meaning == null ? entities : new EmbeddingTagger(entities, meaning.get());
            });
    return perThread::get;
  }

  /**
   * The versions of the models the service tags with, as the index records them: the bundled entity
   * models, and the embedding model when there is one.
   */
  static Map<String, String> modelVersions(Supplier<TextEmbedder> meaning) {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("entities", EntityModelVersion.bundled());
    if (meaning != null) {
      versions.put("embedding", OnnxTextEmbedder.defaultName());
    }
    return versions;
  }

  /** The loader of the sample corpus for an empty index: JSON Lines, tagged like any article. */
  public static SampleCorpus sampleCorpus() {
    return sampleCorpus(null);
  }

  /** The loader of the sample corpus, embedding each article when there is a model. */
  static SampleCorpus sampleCorpus(Supplier<TextEmbedder> meaning) {
    EntityTagger entities = ENTITY_MODELS.get();
    return new SampleCorpus(
        new JsonLinesArticleReader(),
        meaning == null ? entities : new EmbeddingTagger(entities, meaning.get()));
  }
}
