package dev.carnews.bench;

import com.sun.management.ThreadMXBean;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * First-time keyword searches run in process on one thread, without HTTP or an answer cache: the
 * latency of the search itself and the bytes it allocates, for profiling a change (run it under JFR
 * and read the recording with {@code jfr-top}).
 */
@Command(
    name = "inprocess-first-time",
    mixinStandardHelpOptions = true,
    description =
        "Runs first-time keyword searches (title word pairs and singles never asked before) in"
            + " process on one thread: p50/p90/p99 and kB allocated per search.")
final class InProcessFirstTime implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index")
  Path index;

  @Option(names = "--warm-up", description = "warm-up queries (default: ${DEFAULT-VALUE})")
  int warmUp = 1000;

  @Option(names = "--timed", description = "timed queries (default: ${DEFAULT-VALUE})")
  int timed = 2000;

  @Option(names = "--seed", description = "seed of the query set (default: ${DEFAULT-VALUE})")
  long seed = 43;

  @Override
  public Integer call() throws Exception {
    List<BenchQuery> queries = TitleQueries.distinct(index, warmUp + timed, seed);
    if (queries.size() <= warmUp) {
      throw new IllegalArgumentException("only " + queries.size() + " distinct queries");
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      LuceneNewsArchive archive = new LuceneNewsArchive(articles);
      for (BenchQuery query : queries.subList(0, warmUp)) {
        archive.search(query.request());
      }
      List<BenchQuery> measured = queries.subList(warmUp, queries.size());
      long[] nanos = new long[measured.size()];
      long allocatedBefore = threads.getThreadAllocatedBytes(thread);
      for (int i = 0; i < nanos.length; i++) {
        long started = System.nanoTime();
        archive.search(measured.get(i).request());
        nanos[i] = System.nanoTime() - started;
      }
      long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
      Latencies latencies = Latencies.of(nanos, 0);
      System.out.printf(
          Locale.ROOT,
          "%d first-time searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; %.1f kB allocated per"
              + " search%n",
          latencies.count(),
          latencies.p50Ms(),
          latencies.p90Ms(),
          latencies.p99Ms(),
          allocated / (double) nanos.length / 1024);
    }
    return 0;
  }
}
