package dev.carnews.server;

import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.http.SearchApp;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.search.ArticleSearcher;
import dev.carnews.search.Ranking;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
    Files.createDirectories(index);
    ArticleIndex articles = ArticleIndex.open(index);
    Optional<SampleCorpus> sample = sampleCorpus();
    if (sample.isPresent()) {
      sample.get().fillIfEmpty(articles);
    } else if (articles.count() == 0) {
      LOG.warn("The index is empty and no sample corpus loader is wired; starting empty");
    }
    ArticleSearcher searcher =
        new ArticleSearcher(articles, Ranking.withHalfLife(recencyHalfLifeDays));
    SearchApp app = SearchApp.create(searcher).start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
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

  /** The loader of the sample corpus for an empty index: JSON Lines, tagged like any article. */
  static Optional<SampleCorpus> sampleCorpus() {
    return Optional.of(
        new SampleCorpus(new JsonLinesArticleReader(), NewsEntityTagger.createDefault()));
  }
}
