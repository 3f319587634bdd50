package dev.carnews.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the service-against-Solr comparison as one table per client count, with the baseline build
 * of the service beside it when one was measured.
 */
final class CompareTable {

  private CompareTable() {}

  /** Prints the report of {@link SolrCompareCommand}. */
  static void print(Map<String, Object> report, PrintWriter out) {
    Map<?, ?> compare = (Map<?, ?>) report.get("compare");
    Map<?, ?> totals = (Map<?, ?>) compare.get("meanTotals");
    out.println();
    out.println("machine: " + report.get("machine"));
    out.printf(
        Locale.ROOT,
        "service vs Solr %s over HTTP: %s articles, %s queries, %s warm-up passes, %s rounds,"
            + " Solr caches %s%n",
        report.get("solrVersion"),
        report.get("articles"),
        report.get("queries"),
        report.get("warmUpPasses"),
        report.get("rounds"),
        report.get("solrCaches"));
    Map<?, ?> modes = (Map<?, ?>) compare.get("modes");
    modes.forEach(
        (clients, byEngine) -> {
          Map<?, ?> service = (Map<?, ?>) ((Map<?, ?>) byEngine).get("service");
          Map<?, ?> solr = (Map<?, ?>) ((Map<?, ?>) byEngine).get("solr");
          Map<?, ?> baseline = (Map<?, ?>) ((Map<?, ?>) byEngine).get("baseline");
          out.println();
          out.println("  " + clients + ": latency ms p50 / p90 / p99, QPS, mean total hits");
          out.printf(
              Locale.ROOT,
              "  %-13s %-22s %-22s %9s %9s %8s %8s %15s",
              "kind",
              "service",
              "Solr",
              "p50 ratio",
              "p99 ratio",
              "QPS svc",
              "QPS Solr",
              "hits svc/Solr");
          out.println(
              baseline == null
                  ? ""
                  : String.format(
                      Locale.ROOT, "   %-22s %8s %8s", "baseline", "svc/base", "QPS base"));
          for (Object kind : service.keySet()) {
            Latencies s = (Latencies) service.get(kind);
            Latencies o = (Latencies) solr.get(kind);
            out.printf(
                Locale.ROOT,
                "  %-13s %-22s %-22s %9.2f %9.2f %8.0f %8.0f %15s",
                kind,
                cell(s),
                cell(o),
                s.p50Ms() / o.p50Ms(),
                s.p99Ms() / o.p99Ms(),
                s.qps(),
                o.qps(),
                hits(totals, kind));
            if (baseline != null) {
              Latencies b = (Latencies) baseline.get(kind);
              out.printf(
                  Locale.ROOT, "   %-22s %8.2f %8.0f", cell(b), s.p50Ms() / b.p50Ms(), b.qps());
            }
            out.println();
          }
        });
    out.flush();
  }

  private static String hits(Map<?, ?> totals, Object kind) {
    Object service = ((Map<?, ?>) totals.get("service")).get(kind);
    Object solr = ((Map<?, ?>) totals.get("solr")).get(kind);
    if (service == null || solr == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%.0f / %.0f",
        ((Number) service).doubleValue(),
        ((Number) solr).doubleValue());
  }

  private static String cell(Latencies latencies) {
    return String.format(
        Locale.ROOT, "%.2f / %.2f / %.2f", latencies.p50Ms(), latencies.p90Ms(), latencies.p99Ms());
  }
}
