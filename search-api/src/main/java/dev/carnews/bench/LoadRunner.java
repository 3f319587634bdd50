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
 * Runs a query list with a number of client threads, after a warm-up pass, and times every query.
 * Threads take the next query from the shared list, so the mix is the same for any thread count.
 */
final class LoadRunner {

  /** One way of running a query (in-process service, raw Lucene, HTTP). */
  @FunctionalInterface
  interface Target {
    /** Runs the query; returns any value derived from the answer, so nothing is optimized away. */
    long run(BenchQuery query) throws Exception;
  }

  private LoadRunner() {}

  /**
   * The overall and per-category latencies of running {@code measured} after {@code warmUp}.
   *
   * @return {@code "all"} and one entry per category present, in {@link QueryMix#CATEGORIES} order
   */
  static Map<String, Latencies> run(
      Target target, List<BenchQuery> warmUp, List<BenchQuery> measured, int threads)
      throws Exception {
    runAll(target, warmUp, threads, new long[warmUp.size()]);
    long[] nanos = new long[measured.size()];
    long start = System.nanoTime();
    runAll(target, measured, threads, nanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Latencies> result = new LinkedHashMap<>();
    result.put("all", Latencies.of(nanos, measured.size() / seconds));
    for (String category : QueryMix.CATEGORIES) {
      long[] subset =
          IntStream.range(0, measured.size())
              .filter(i -> measured.get(i).category().equals(category))
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
