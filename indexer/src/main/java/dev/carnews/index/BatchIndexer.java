package dev.carnews.index;

import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.ArticleSources;
import dev.carnews.ingest.CountingSink;
import dev.carnews.ingest.ProgressListener;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a batch: one thread reads the sources, a pool of tagging threads (each with its own
 * tagger, since OpenNLP finders are not thread-safe) finds the entities and writes to the one index
 * writer. A bad article is counted and reported, never fatal to the batch; the batch ends with a
 * commit, so everything in the summary is on disk.
 */
public final class BatchIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(BatchIndexer.class);
  private static final Article END =
      new Article("\u0000end", null, "end", "", null, null, null, null);

  private final ArticleStore index;
  private final Supplier<? extends EntityTagger> taggers;
  private final int threads;

  /**
   * @param index where articles are written
   * @param taggers makes one tagger per tagging thread
   * @param threads tagging threads, at least 1
   */
  public BatchIndexer(ArticleIndex index, Supplier<? extends EntityTagger> taggers, int threads) {
    this(ArticleStore.of(Objects.requireNonNull(index, "index")), taggers, threads);
  }

  /**
   * @param store where articles are written (the local index or a SolrCloud collection)
   * @param taggers makes one tagger per tagging thread
   * @param threads tagging threads, at least 1
   */
  public BatchIndexer(ArticleStore store, Supplier<? extends EntityTagger> taggers, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.index = Objects.requireNonNull(store, "store");
    this.taggers = Objects.requireNonNull(taggers, "taggers");
    this.threads = threads;
  }

  /**
   * What a batch did.
   *
   * @param read articles the readers produced
   * @param created articles new to the index
   * @param updated articles that replaced one with the same id
   * @param skips inputs and articles that were skipped, with reasons
   * @param elapsed wall-clock time including the final commit
   */
  public record Summary(
      long read, long created, long updated, List<CountingSink.Skip> skips, Duration elapsed) {

    /** Copies the list. */
    public Summary {
      skips = List.copyOf(skips);
    }

    /** Articles written per second. */
    public double articlesPerSecond() {
      double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
      return (created + updated) / seconds;
    }
  }

  /** Reads, tags and writes everything under {@code paths}, then commits. */
  public Summary index(
      ArticleSources sources, List<Path> paths, ReadOptions options, ProgressListener progress)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    BlockingQueue<Article> queue = new ArrayBlockingQueue<>(threads * 64);
    List<CountingSink.Skip> skips = new ArrayList<>();
    AtomicLong created = new AtomicLong();
    AtomicLong updated = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads, new NamedThreads("tagger"));
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      workers.add(pool.submit(() -> work(queue, skips, created, updated)));
    }
    CountingSink reading =
        new CountingSink(
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                put(queue, article, workers);
              }

              @Override
              public void skipped(String location, String reason) {
                record(skips, location, reason);
              }
            });
    try {
      sources.read(paths, options, reading, progress);
    } finally {
      // One end marker per worker; put gives up once every worker has stopped.
      for (int i = 0; i < threads; i++) {
        put(queue, END, workers);
      }
      pool.shutdown();
    }
    for (Future<?> worker : workers) {
      try {
        worker.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IOException("an indexing thread failed", e.getCause());
      }
    }
    index.commit();
    return new Summary(
        reading.accepted(),
        created.get(),
        updated.get(),
        skips,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private Void work(
      BlockingQueue<Article> queue,
      List<CountingSink.Skip> skips,
      AtomicLong created,
      AtomicLong updated)
      throws InterruptedException, IOException {
    EntityTagger tagger = taggers.get();
    for (Article article = queue.take(); article != END; article = queue.take()) {
      try {
        TaggedArticle tagged = tagger.tag(article);
        index.write(
            tagged,
            new ArticleStore.Outcome() {
              @Override
              public void written(WriteResult result) {
                (result.created() ? created : updated).incrementAndGet();
              }

              @Override
              public void rejected(String id, String reason) {
                record(skips, "article " + id, reason);
              }
            });
      } catch (RuntimeException e) {
        // One article the pipeline chokes on is reported and skipped; the batch goes on.
        LOG.warn("Tagging article {} failed", article.id(), e);
        record(skips, "article " + article.id(), "tagging failed: " + e);
      }
    }
    return null;
  }

  /** Queues an article for the taggers; gives up when every tagging thread has failed. */
  private static void put(BlockingQueue<Article> queue, Article article, List<Future<?>> workers) {
    try {
      while (!queue.offer(article, 200, TimeUnit.MILLISECONDS)) {
        if (workers.stream().allMatch(Future::isDone)) {
          if (article == END) {
            return;
          }
          throw new IllegalStateException("every indexing thread has stopped");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing articles", e);
    }
  }

  private static void record(List<CountingSink.Skip> skips, String location, String reason) {
    synchronized (skips) {
      skips.add(new CountingSink.Skip(location, reason));
    }
  }

  /** Names pool threads so thread dumps and logs say what they are. */
  private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    NamedThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, prefix + "-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
