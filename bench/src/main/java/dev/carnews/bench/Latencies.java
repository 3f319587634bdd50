package dev.carnews.bench;

import java.util.Arrays;

/**
 * Latency percentiles and throughput of one set of queries.
 *
 * @param count queries measured
 * @param p50Ms median latency in milliseconds
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param maxMs the slowest
 * @param meanMs the mean
 * @param qps queries per second over the wall-clock time of the run (0 for a subset)
 */
record Latencies(
    int count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs, double qps) {

  /** The summary of latencies in nanoseconds. */
  static Latencies of(long[] nanos, double qps) {
    if (nanos.length == 0) {
      return new Latencies(0, 0, 0, 0, 0, 0, qps);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new Latencies(
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6,
        mean,
        qps);
  }

  /** Nearest-rank percentile in milliseconds. */
  private static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
  }
}
