package dev.carnews.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's metrics (Micrometer, scraped at {@code /metrics} in Prometheus format) and its
 * access log: one line per request on the {@code dev.carnews.access} logger with method, path,
 * status, milliseconds and the request id. Route labels are the route templates ({@code
 * /api/articles/{id}}), or {@code static} / {@code unmatched}, so clients cannot inflate the number
 * of series.
 */
final class HttpMetrics {

  private static final Logger ACCESS = LoggerFactory.getLogger("dev.carnews.access");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private volatile Set<String> routes = Set.of();

  /**
   * The latency timer of each method, route and status seen, and the search counter of each
   * outcome: looked up in a map rather than built and registered again per request (the builder,
   * the tags and the registry's look-up were most of the metrics' cost of a search).
   */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  private final Map<String, Counter> searches = new ConcurrentHashMap<>();

  /**
   * Metrics for an app.
   *
   * @param index what the gauges read
   * @param documents the number of searchable articles
   * @param indexBytes the size of the index on disk
   */
  <T> HttpMetrics(T index, ToDoubleFunction<T> documents, ToDoubleFunction<T> indexBytes) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Gauge.builder("carnews_index_documents", index, documents)
        .description("articles in the index")
        .register(registry);
    Gauge.builder("carnews_index_size_bytes", index, indexBytes)
        .description("size of the index files on disk")
        .baseUnit("bytes")
        .register(registry);
  }

  /** Adds the meters of a part of the app (the search cache's hits and misses). */
  void bind(MeterBinder binder) {
    binder.bindTo(registry);
  }

  /** The route templates of the app; labels outside them are folded. */
  void knownRoutes(Collection<String> templates) {
    routes = Set.copyOf(templates);
  }

  /** Records one finished request and writes its access-log line. */
  void record(Context ctx, float millis) {
    String method = ctx.method().name();
    int status = ctx.statusCode();
    String route = routeOf(ctx);
    timers
        .computeIfAbsent(
            method + ' ' + route + ' ' + status,
            key ->
                Timer.builder("http_server_requests")
                    .description("HTTP request latency by route")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry))
        .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    if ("/api/search".equals(route)) {
      searches
          .computeIfAbsent(
              outcome(status),
              outcome ->
                  Counter.builder("carnews_searches")
                      .description("searches by outcome")
                      .tag("outcome", outcome)
                      .register(registry))
          .increment();
    }
    if (ACCESS.isInfoEnabled()) {
      ACCESS.info(
          "{} {} {} {}ms {}",
          method,
          printable(ctx.path()),
          status,
          oneDecimal(millis),
          RequestIds.of(ctx));
    }
  }

  /** Milliseconds to a tenth, as {@code %.1f} prints them, without a formatter per request. */
  static String oneDecimal(float millis) {
    long tenths = Math.round(Math.max(0f, millis) * 10.0);
    return (tenths / 10) + "." + (tenths % 10);
  }

  /** Counts articles written or deleted over HTTP. */
  void ingested(String operation, int articles) {
    Counter.builder("carnews_ingested_articles")
        .description("articles written or deleted over HTTP")
        .tag("operation", operation)
        .register(registry)
        .increment(articles);
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }

  private String routeOf(Context ctx) {
    String path;
    try {
      path = ctx.endpointHandlerPath();
    } catch (RuntimeException e) {
      path = "";
    }
    if (routes.contains(path)) {
      return path;
    }
    return ctx.statusCode() == 404 ? "unmatched" : "static";
  }

  private static String outcome(int status) {
    if (status == 429) {
      return "rejected";
    }
    return status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";
  }

  /** The path without control characters, so a log line stays one line. */
  private static String printable(String path) {
    StringBuilder out = new StringBuilder(Math.min(path.length(), 300));
    for (int i = 0; i < path.length() && out.length() < 300; i++) {
      char c = path.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
