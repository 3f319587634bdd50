package dev.carnews.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a report of the suite as plain-text tables. */
final class Table {

  private Table() {}

  /** Prints every section the report has. */
  static void print(Map<String, Object> report, PrintWriter out) {
    out.println();
    out.println("machine: " + report.get("machine"));
    if (report.get("tagging") instanceof List<?> rows) {
      out.println();
      out.println("ingest with full entity tagging (BatchIndexer: read, tag, write, commit)");
      out.printf(
          Locale.ROOT,
          "  %-22s %8s %8s %8s %10s %8s %6s %6s%n",
          "corpus",
          "articles",
          "avgChars",
          "seconds",
          "articles/s",
          "MB/s",
          "load",
          "cached");
      for (Object row : rows) {
        Map<?, ?> r = (Map<?, ?>) row;
        out.printf(
            Locale.ROOT,
            "  %-22s %8d %8.0f %8.1f %10.1f %8.3f %6.2f %6s%n",
            r.get("corpus"),
            number(r.get("articles")).longValue(),
            number(r.get("avgChars")).doubleValue(),
            number(r.get("seconds")).doubleValue(),
            number(r.get("articlesPerSecond")).doubleValue(),
            number(r.get("mbPerSecond")).doubleValue(),
            number(r.get("load")).doubleValue(),
            r.get("cached"));
      }
    }
    if (report.get("luceneOnly") instanceof Map<?, ?> build) {
      out.println();
      out.println(
          "Lucene-only indexing of generated, already-tagged articles (ArticleIndex.write)");
      build.forEach((key, value) -> out.printf(Locale.ROOT, "  %-22s %s%n", key, format(value)));
    }
    if (report.get("search") instanceof Map<?, ?> search) {
      out.println();
      out.printf(
          Locale.ROOT,
          "search: %s articles, index %s MB, %s warm-up + %s measured queries per run, load %s%n",
          search.get("articles"),
          format(report.get("indexMB")),
          search.get("warmUp"),
          search.get("measured"),
          format(search.get("load")));
      out.println("  index MB by file type: " + report.get("indexMBByExtension"));
      Map<?, ?> modes = (Map<?, ?>) search.get("modes");
      modes.forEach((threads, byMode) -> printThreads(out, threads.toString(), (Map<?, ?>) byMode));
    }
    if (report.get("search") instanceof Map<?, ?> search
        && search.get("entities") instanceof Map<?, ?> entities) {
      out.println();
      out.printf(
          Locale.ROOT,
          "entity endpoints over HTTP, 1 client (first entity request, directory build: %s ms;"
              + " default trending window: %s ms)%n",
          format(entities.get("firstEntityMs")),
          format(entities.get("trendingDefaultWindowMs")));
      for (String endpoint : List.of("entity", "trending", "feed")) {
        if (entities.get(endpoint) instanceof Latencies latencies) {
          out.printf(Locale.ROOT, "  %-13s %s%n", endpoint, cell(latencies));
        }
      }
    }
    if (report.get("search") instanceof Map<?, ?> search) {
      out.println();
      out.printf(
          Locale.ROOT,
          "heap after full GC (index open, searcher and facet state in use): %s MB%n",
          format(search.get("heapAfterFullGcMB")));
    }
    if (report.get("startup") instanceof Map<?, ?> startup) {
      out.printf(
          Locale.ROOT,
          "startup: listening after %s ms, first /api/search answer after %s ms (load %s)%n",
          format(startup.get("listeningMs")),
          format(startup.get("firstAnswerMs")),
          format(startup.get("load")));
    }
    out.flush();
  }

  private static void printThreads(PrintWriter out, String threads, Map<?, ?> byMode) {
    out.println();
    out.println("  " + threads + ": latency ms (p50 / p90 / p99), QPS");
    out.printf(
        Locale.ROOT,
        "  %-13s %-26s %-26s %-26s %12s%n",
        "category",
        "service (in-process)",
        "raw Lucene",
        "HTTP",
        "service/raw");
    Map<?, ?> service = (Map<?, ?>) byMode.get("service");
    Map<?, ?> raw = (Map<?, ?>) byMode.get("raw");
    Map<?, ?> http = (Map<?, ?>) byMode.get("http");
    for (Object category : service.keySet()) {
      Latencies s = (Latencies) service.get(category);
      Latencies r = raw == null ? null : (Latencies) raw.get(category);
      Latencies h = http == null ? null : (Latencies) http.get(category);
      out.printf(
          Locale.ROOT,
          "  %-13s %-26s %-26s %-26s %12s%n",
          category,
          cell(s),
          cell(r),
          cell(h),
          r == null || r.p50Ms() == 0
              ? "-"
              : String.format(Locale.ROOT, "%.2f", s.p50Ms() / r.p50Ms()));
    }
    Latencies all = (Latencies) service.get("all");
    out.printf(Locale.ROOT, "  QPS: service %.1f", all.qps());
    if (raw != null) {
      out.printf(Locale.ROOT, ", raw %.1f", ((Latencies) raw.get("all")).qps());
    }
    if (http != null) {
      Latencies h = (Latencies) http.get("all");
      out.printf(
          Locale.ROOT, ", HTTP %.1f; HTTP adds %.2f ms at p50", h.qps(), h.p50Ms() - all.p50Ms());
    }
    out.println();
  }

  private static String cell(Latencies latencies) {
    if (latencies == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT, "%.2f / %.2f / %.2f", latencies.p50Ms(), latencies.p90Ms(), latencies.p99Ms());
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : 0;
  }

  private static String format(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
    }
    return String.valueOf(value);
  }
}
