package dev.carnews.evaluation;

import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.ingest.Article;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Measures the whole entity pipeline of the indexer ({@link NewsEntityTagger}: paragraphs,
 * sentences, tokens, person names, resolution, brands, authors, salience) on a list of articles:
 * tokens/s and articles/s on a number of threads, one tagger per thread over shared models.
 *
 * <p>Besides wall-clock rates it reports tokens per CPU second of the tagging threads, which stays
 * meaningful on a shared machine where other processes take cores away from the benchmark.
 */
public final class TaggingThroughput {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TaggingThroughput() {}

  /**
   * One measurement.
   *
   * @param threads threads used
   * @param articles articles tagged
   * @param tokens tokens the person finder read
   * @param seconds wall-clock time
   * @param cpuSeconds CPU time of the tagging threads together
   */
  public record Result(int threads, long articles, long tokens, double seconds, double cpuSeconds) {

    /** Tokens per second over all threads. */
    public double tokensPerSecond() {
      return tokens / seconds;
    }

    /** One report line. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "threads=%d articles=%,d tokens=%,d time=%.2fs tokens/s=%,.0f articles/s=%,.1f"
              + " tokens/s/thread=%,.0f cpu=%.2fs tokens/cpu-s=%,.0f",
          threads,
          articles,
          tokens,
          seconds,
          tokensPerSecond(),
          articles / seconds,
          tokensPerSecond() / threads,
          cpuSeconds,
          tokens / cpuSeconds);
    }
  }

  /**
   * One thread's tagging work, as {@link #measure} drives it.
   *
   * @param <T> what it tags
   */
  public interface Worker<T> {
    /** Tags one item. */
    void tag(T item);

    /** Tokens read so far. */
    long tokensProcessed();
  }

  /**
   * Tags every article {@code rounds} times on {@code threads} threads.
   *
   * @param newTagger makes one tagger per thread (over shared models)
   */
  public static Result run(
      Supplier<NewsEntityTagger> newTagger, List<Article> articles, int threads, int rounds)
      throws InterruptedException, ExecutionException {
    return measure(
        () -> {
          NewsEntityTagger tagger = newTagger.get();
          return new Worker<Article>() {
            @Override
            public void tag(Article article) {
              tagger.tag(article);
            }

            @Override
            public long tokensProcessed() {
              return tagger.tokensProcessed();
            }
          };
        },
        articles,
        threads,
        rounds);
  }

  /**
   * Runs every item {@code rounds} times through workers on {@code threads} threads, one worker per
   * thread, the threads taking the next item as they finish one.
   *
   * @param newWorker makes one worker per thread (over shared models)
   */
  public static <T> Result measure(
      Supplier<? extends Worker<T>> newWorker, List<T> items, int threads, int rounds)
      throws InterruptedException, ExecutionException {
    if (threads < 1 || rounds < 1) {
      throw new IllegalArgumentException("threads and rounds must be >= 1");
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("nothing to tag");
    }
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "bench-tagging-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      AtomicInteger next = new AtomicInteger();
      int total = items.size() * rounds;
      long started = System.nanoTime();
      List<Future<long[]>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(
            pool.submit(
                () -> {
                  long cpuStart = THREADS.getCurrentThreadCpuTime();
                  Worker<T> worker = newWorker.get();
                  long tagged = 0;
                  int i;
                  while ((i = next.getAndIncrement()) < total) {
                    worker.tag(items.get(i % items.size()));
                    tagged++;
                  }
                  long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
                  return new long[] {tagged, worker.tokensProcessed(), cpu};
                }));
      }
      long tagged = 0;
      long tokens = 0;
      long cpuNanos = 0;
      for (Future<long[]> part : parts) {
        long[] counts = part.get();
        tagged += counts[0];
        tokens += counts[1];
        cpuNanos += counts[2];
      }
      return new Result(
          threads, tagged, tokens, (System.nanoTime() - started) / 1e9, cpuNanos / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}
