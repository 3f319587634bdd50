package dev.carnews.server;

import dev.carnews.cloudsearch.CloudConnection;
import dev.carnews.cloudsearch.SolrNewsArchive;
import dev.carnews.cloudsearch.SolrWriteTarget;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.http.ApiKeys;
import dev.carnews.http.AppOptions;
import dev.carnews.http.SearchApp;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.IndexCheck;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.search.ArticleSearcher;
import dev.carnews.search.CachingNewsArchive;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchThreads;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the search service: opens (or creates) the index, fills it from the sample corpus when it
 * is empty, and serves the API until the process is stopped.
 */
@Command(
    name = "search-api",
    mixinStandardHelpOptions = true,
    description = "Serves the car-news search API over a Lucene index.")
public final class Main implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder, created when missing (default: ${DEFAULT-VALUE})")
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
      names = "--full-check",
      description =
          "check the whole index structure at start-up, not only the file checksums (slow on big"
              + " indexes)")
  boolean fullCheck;

  /** Runs the service; the exit code is non-zero when it cannot start. */
  public static void main(String[] args) {
    int code =
        new CommandLine(new Main())
            .setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                  LOG.error("The search service could not start", e);
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
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--port must be 0..65535, was " + port);
    }
    if (cacheMaxAgeSeconds < 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--cache-max-age must be >= 0, was " + cacheMaxAgeSeconds);
    }
    if (searchCacheSize < 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--search-cache-size must be >= 0, was " + searchCacheSize);
    }
    if (searchThreads < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--search-threads must be >= 1, was " + searchThreads);
    }
    if ((solr != null && !solr.isEmpty()) != (collection != null)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--solr and --collection go together");
    }
    if (collection != null) {
      return serveCloud();
    }
    // A damaged index is refused here, before anything is served from it.
    IndexCheck.verify(index, fullCheck);
    Files.createDirectories(index);
    ArticleIndex articles = ArticleIndex.open(index);
    // The sample (and the entity models that tag it) load only when the index is empty.
    if (articles.count() == 0) {
      if (noSample) {
        LOG.info("Starting with an empty index");
      } else {
        sampleCorpus().fillIfEmpty(articles);
      }
    }
    SearchThreads threads = SearchThreads.of(searchThreads);
    ArticleSearcher searcher =
        new ArticleSearcher(
            articles.searchers(),
            Ranking.withHalfLife(recencyHalfLifeDays),
            ArticleSearcher.DEFAULT_TIME_BUDGET,
            threads);
    GroupCommitter committer = new GroupCommitter(articles, COMMIT_GATHER);
    NewsArchive archive = CachingNewsArchive.of(searcher, searchCacheSize);
    SearchApp app = SearchApp.create(archive, appOptions(articles, committer)).start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  threads.close();
                  committer.close();
                  try {
                    articles.close();
                  } catch (IOException e) {
                    LOG.error("Closing the index failed", e);
                  }
                  stopped.countDown();
                },
                "search-api-shutdown"));
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.printf(
        "Listening on http://localhost:%d (index %s, %d articles)%n",
        app.port(), index.toAbsolutePath(), searcher.count());
    stopped.await();
    return 0;
  }

  /** Serves the collection of a SolrCloud: nothing is kept locally but this configuration. */
  private int serveCloud() throws IOException, InterruptedException {
    CloudConnection connection = new CloudConnection(solr);
    SolrNewsArchive archive =
        new SolrNewsArchive(connection, collection, Ranking.withHalfLife(recencyHalfLifeDays));
    ApiKeys keys = keys();
    ThreadLocal<NewsEntityTagger> taggers =
        ThreadLocal.withInitial(NewsEntityTagger.lazyDefaults());
    AppOptions options =
        AppOptions.defaults()
            .withWrites(
                new ArticleWriter(new SolrWriteTarget(connection, collection), taggers::get), keys)
            .withCorsOrigins(corsOrigins)
            .withSearchBound(maxConcurrentSearches, AppOptions.DEFAULT_SEARCH_WAIT);
    SearchApp app;
    try {
      app = SearchApp.create(archive, options).start(host, port);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  try {
                    connection.close();
                  } catch (IOException e) {
                    LOG.error("Closing the Solr client failed", e);
                  }
                  stopped.countDown();
                },
                "search-api-shutdown"));
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.printf(
        "Listening on http://localhost:%d (SolrCloud collection %s at %s; %s)%n",
        app.port(), collection, String.join(",", solr), archive.status().detail());
    stopped.await();
    return 0;
  }

  /** How long the committer gathers concurrent writes into one commit. */
  private static final Duration COMMIT_GATHER = Duration.ofMillis(2);

  private AppOptions appOptions(ArticleIndex articles, GroupCommitter committer)
      throws IOException {
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
    // The models load with the first write, so a service that only reads never pays for them.
    ThreadLocal<NewsEntityTagger> taggers =
        ThreadLocal.withInitial(NewsEntityTagger.lazyDefaults());
    ArticleWriter writer = new ArticleWriter(articles, committer, taggers::get);
    return AppOptions.defaults()
        .withWrites(writer, keys)
        .withCorsOrigins(origins)
        .withSearchBound(maxConcurrentSearches, AppOptions.DEFAULT_SEARCH_WAIT)
        .withCacheMaxAge(Duration.ofSeconds(cacheMaxAgeSeconds))
        .withIndexSize(
            () -> {
              try {
                return articles.sizeInBytes();
              } catch (IOException e) {
                return -1L;
              }
            });
  }

  /** The API keys of the environment and of {@code --api-keys}. */
  private ApiKeys keys() throws IOException {
    ApiKeys keys = ApiKeys.fromCommaSeparated(System.getenv(ApiKeys.ENV));
    if (apiKeys != null) {
      keys = keys.and(ApiKeys.fromFile(apiKeys));
    }
    return keys;
  }

  /** The loader of the sample corpus for an empty index: JSON Lines, tagged like any article. */
  static SampleCorpus sampleCorpus() {
    return new SampleCorpus(new JsonLinesArticleReader(), NewsEntityTagger.createDefault());
  }
}
