package dev.carnews.bench;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrArticleStore;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.solrcloud.SolrStories;
import dev.carnews.story.VersionRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloud-load}: writes the suite's generated, already-tagged articles into a SolrCloud
 * collection through the indexer's own write path ({@link SolrArticleStore}, stories assigned by
 * {@link SolrStories} unless {@code --no-stories}), on all cores, and prints articles/s. The same
 * articles as {@code suite}'s {@code index-N}, so the two backends can be compared on one corpus;
 * without tagging, so the figure is the store's cost (tagging is the same on both backends).
 */
@Command(
    name = "cloud-load",
    mixinStandardHelpOptions = true,
    description =
        "Writes N generated, tagged articles into a SolrCloud collection through index --solr's"
            + " store (with stories unless --no-stories) and prints articles/s.")
final class CloudLoad implements Callable<Integer> {

  @Option(names = "--articles", required = true, description = "how many articles")
  long articles;

  @Option(names = "--work", required = true, description = "the suite's work folder (base/)")
  Path work;

  @Option(names = "--solr", required = true, split = ",", description = "node URLs")
  List<String> solr;

  @Option(names = "--collection", required = true, description = "the collection written to")
  String collection;

  @Option(names = "--no-stories", description = "every article a story of its own")
  boolean noStories;

  @Option(names = "--batch", description = "articles per update (default: ${DEFAULT-VALUE})")
  int batch = 200;

  @Option(names = "--threads", description = "writer threads (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--generator-seed",
      description = "seed of the corpus (default: ${DEFAULT-VALUE})")
  long generatorSeed = 7;

  @Override
  public Integer call() throws Exception {
    if (articles < 1 || threads < 1) {
      throw new IllegalArgumentException("--articles and --threads must be >= 1");
    }
    CorpusGenerator generator = BenchCli.generator(work, generatorSeed);
    AtomicLong next = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    long start = System.nanoTime();
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(solr)) {
      SolrArticleStore store =
          new SolrArticleStore(
              client,
              collection,
              batch,
              new SolrRetries(Duration.ofMinutes(2)),
              noStories ? null : new SolrStories(VersionRule.defaults()));
      ArticleStore.Outcome outcome =
          new ArticleStore.Outcome() {
            @Override
            public void written(WriteResult result) {}

            @Override
            public void rejected(String id, String reason) {
              rejected.incrementAndGet();
            }
          };
      ExecutorService pool = Executors.newFixedThreadPool(threads, new Threads("cloud-load"));
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (long i = next.getAndIncrement();
                        i < articles;
                        i = next.getAndIncrement()) {
                      TaggedArticle article = generator.article(i);
                      store.write(article, outcome);
                      if ((i + 1) % 20_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d written%n", i + 1);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } finally {
        pool.shutdown();
      }
      store.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d articles into %s (%s) in %.1f s: %.0f articles/s, %,d rejected%n",
        articles,
        collection,
        noStories ? "without stories" : "with stories",
        seconds,
        articles / seconds,
        rejected.get());
    return 0;
  }
}
