package dev.carnews.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs a query list with a number of client threads and times every query. Threads take the next
 * query from the shared list, so the mix is the same for any thread count.
 */
final class LoadRunner {

  /** One way of running a query (in-process service, raw Lucene, HTTP). */
  @FunctionalInterface
  interface Target {
    /** Runs the query; returns any value derived from the answer, so nothing is optimized away. */
    long run(BenchQuery query) throws Exception;
  }

  private LoadRunner() {}

  /** The latencies of one timed pass, in query order, and its wall-clock time. */
  record Pass(long[] nanos, long elapsedNanos) {}

  /** Runs the queries once, untimed, to warm up. */
  static void warmUp(Target target, List<BenchQuery> queries, int threads) throws Exception {
    runAll(target, queries, threads, new long[queries.size()]);
  }

  /** Runs the queries once and times every one. */
  static Pass measure(Target target, List<BenchQuery> queries, int threads) throws Exception {
    long[] nanos = new long[queries.size()];
    long start = System.nanoTime();
    runAll(target, queries, threads, nanos);
    return new Pass(nanos, System.nanoTime() - start);
  }

  /**
   * The overall and per-category latencies of queries run in passes.
   *
   * @param queries the queries of all passes, in the order of the concatenated latencies
   * @param nanos the latencies of all passes, concatenated
   * @param elapsedNanos the summed wall-clock time of the passes, for the QPS
   * @return {@code "all"} and one entry per category present, in {@link QueryMix#CATEGORIES} order
   */
  static Map<String, Latencies> summarize(
      List<BenchQuery> queries, long[] nanos, long elapsedNanos) {
    Map<String, Latencies> result = new LinkedHashMap<>();
    result.put("all", Latencies.of(nanos, queries.size() / (elapsedNanos / 1e9)));
    for (String category : QueryMix.CATEGORIES) {
      long[] subset =
          IntStream.range(0, queries.size())
              .filter(i -> queries.get(i).category().equals(category))
              .mapToLong(i -> nanos[i])
              .toArray();
      if (subset.length > 0) {
        result.put(category, Latencies.of(subset, 0));
      }
    }
    return result;
  }

  private static void runAll(Target target, List<BenchQuery> queries, int threads, long[] nanos)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    long[] sink = new long[threads];
    ExecutorService pool = Executors.newFixedThreadPool(threads, new Threads("bench-client"));
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int client = t;
        clients.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < queries.size();
                      i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    sink[client] += target.run(queries.get(i));
                    nanos[i] = System.nanoTime() - start;
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } finally {
      pool.shutdown();
    }
  }
}
