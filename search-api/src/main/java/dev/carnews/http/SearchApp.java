package dev.carnews.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.carnews.curation.Curation;
import dev.carnews.preview.EntityPreviews;
import dev.carnews.search.ArchiveUnavailableException;
import dev.carnews.search.InvalidQueryException;
import dev.carnews.search.NewsArchive;
import dev.carnews.write.CurationStore;
import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin app of the search API from its dependencies, so tests run the same app against
 * an in-memory index. Routes: {@code GET /api/search}, {@code /api/search.atom}, {@code
 * /api/search.json-feed}, {@code /api/entities}, {@code /api/entities/{type}/{name}} (and its
 * {@code .atom}), {@code /api/trending}, {@code /api/articles/{id}}, {@code
 * /api/articles/{id}/related}, {@code /api/stories/{id}}, {@code /entity/{type}/{name}} (the
 * readers' page), {@code /health}, {@code /openapi.json}, {@code POST /api/analyze}, and with a
 * write key {@code POST} and {@code GET /api/admin/backups} and {@code /api/admin/reindex}, and the
 * curation routes of {@link CurationHandlers} ({@code /api/curation/...}). Every error, from a bad
 * parameter to an unexpected failure, is answered by one mapper in the one shape of {@link
 * ApiError}, with the request's id ({@link RequestIds}). Every route is covered by {@link
 * HttpCaching} (ETag, 304, Cache-Control) and every GET route answers HEAD alike.
 */
public final class SearchApp {

  private static final Logger LOG = LoggerFactory.getLogger(SearchApp.class);

  private final Javalin javalin;
  private final List<String> routes;

  private SearchApp(Javalin javalin, List<String> routes) {
    this.javalin = javalin;
    this.routes = routes;
  }

  /**
   * The app for an archive, not started yet: read-only, with the default limits; {@code POST
   * /api/analyze} loads the bundled entity models on its first call.
   */
  public static SearchApp create(NewsArchive archive) throws IOException {
    return create(archive, AppOptions.defaults(), EntityPreviews.withDefaultModels());
  }

  /** The read-only app with the given entity previews of {@code POST /api/analyze}. */
  public static SearchApp create(NewsArchive archive, EntityPreviews previews) throws IOException {
    return create(archive, AppOptions.defaults(), previews);
  }

  /** The app with writes, CORS and limits as the options say, not started yet. */
  public static SearchApp create(NewsArchive archive, AppOptions options) throws IOException {
    return create(archive, options, EntityPreviews.withDefaultModels());
  }

  /** The app with its options and entity previews, not started yet. */
  public static SearchApp create(NewsArchive archive, AppOptions options, EntityPreviews previews)
      throws IOException {
    Handlers handlers = new Handlers(archive);
    FeedHandlers feeds = new FeedHandlers(archive, objectMapper());
    EntityHandlers entities = new EntityHandlers(archive, feeds);
    HttpMetrics metrics =
        new HttpMetrics(archive, SearchApp::documents, ignored -> options.indexBytes().getAsLong());
    if (archive instanceof MeterBinder binder) {
      metrics.bind(binder);
    }
    WriteHandlers writes = new WriteHandlers(options.writer(), options.keys(), metrics);
    AdminHandlers admin = new AdminHandlers(options.backups(), options.reindex(), options.keys());
    CurationHandlers curation =
        new CurationHandlers(options.curations(), options.keys(), archive, Clock.systemUTC());
    Supplier<Curation> curations =
        () -> options.curations().map(CurationStore::current).orElse(Curation.none());
    SearchLimiter limiter = new SearchLimiter(options.concurrentSearches(), options.searchWait());
    Cors cors = new Cors(options.corsOrigins());
    HttpCaching caching =
        new HttpCaching(
            archive,
            options.cacheMaxAge(),
            Long.toString(System.currentTimeMillis(), Character.MAX_RADIX));
    List<String> routes = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Javalin> built = new AtomicReference<>();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              // The readers' page (index.html, app.js + js/*.js modules, app.css) ships in the jar
              // under /public.
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/public";
                    files.location = Location.CLASSPATH;
                  });
              config.http.prefer405over404 = true;
              ObjectMapper json = objectMapper();
              config.jsonMapper(new BufferedJsonMapper(json));
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new JsonErrorHandler(json)));
              config.jetty.modifyServletContextHandler(
                  context -> context.setErrorHandler(new JsonErrorHandler(json)));
              config.events(
                  events ->
                      events.handlerAdded(
                          info -> {
                            recordRoute(routes, info);
                            headLikeGet(built.get(), info);
                          }));
              config.requestLogger.http(metrics::record);
            });
    built.set(app);
    app.before(RequestIds::assign);
    app.before(SearchApp::securityHeaders);
    app.before(cors::apply);
    if (options.curations().isPresent()) {
      // One volatile read per request: filters and entity paths map through this curation.
      app.before(ctx -> ctx.attribute(Params.CURATION, curations.get()));
    }
    // Before the search bound: a revalidation answered 304 costs no search.
    app.before(caching::before);
    for (String bounded : SEARCH_ROUTES) {
      app.before(bounded, limiter::enter);
      app.after(bounded, limiter::exit);
    }
    app.after(caching::after);
    app.get("/api/search", handlers::search);
    app.get("/api/search.atom", feeds::searchAtom);
    app.get("/api/search.json-feed", feeds::searchJsonFeed);
    app.get("/api/entities", entities::list);
    app.get("/api/entities/{type}/{name}.atom", entities::atom);
    app.get("/api/entities/{type}/{name}", entities::page);
    app.get("/api/trending", entities::trending);
    app.get("/entity/{type}/{name}", handlers::entityPage);
    app.get("/api/articles/{id}", handlers::article);
    app.get("/api/suggest", new SuggestHandler(archive)::suggest);
    app.get("/api/articles/{id}/related", handlers::related);
    app.get("/api/stories/{id}", handlers::story);
    app.get("/health", handlers::health);
    app.post("/api/analyze", new AnalyzeHandler(previews, curations)::analyze);
    app.get("/openapi.json", handlers::openApi);
    app.put("/api/articles/{id}", writes::put);
    app.post("/api/articles", writes::batch);
    app.delete("/api/articles/{id}", writes::delete);
    app.post("/api/admin/backups", admin::create);
    app.get("/api/admin/backups", admin::list);
    app.post("/api/admin/reindex", admin::startReindex);
    app.get("/api/admin/reindex", admin::reindexStatus);
    app.post("/api/curation/decisions", curation::decide);
    app.get("/api/curation/decisions", curation::log);
    app.post("/api/curation/decisions/{id}/undo", curation::undo);
    app.get("/api/curation/entities/{type}/{name}", curation::history);
    app.get("/api/curation/candidates", curation::candidates);
    app.get("/api/curation/links", curation::links);
    app.post("/api/curation/links/apply", curation::applyLinks);
    app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    app.exception(Exception.class, (e, ctx) -> writeError(ctx, errorOf(e)));
    app.error(HttpStatus.NOT_FOUND, SearchApp::unmatched);
    app.error(HttpStatus.METHOD_NOT_ALLOWED, SearchApp::unmatched);
    metrics.knownRoutes(routes.stream().map(route -> route.split(" ", 2)[1]).toList());
    return new SearchApp(app, List.copyOf(routes));
  }

  /** Routes bounded by the concurrent-search limit. */
  private static final List<String> SEARCH_ROUTES =
      List.of(
          "/api/search",
          "/api/suggest",
          "/api/articles/{id}/related",
          "/api/search.atom",
          "/api/search.json-feed",
          "/api/entities",
          "/api/entities/{type}/{name}",
          "/api/entities/{type}/{name}.atom",
          "/api/trending");

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static double documents(NewsArchive archive) {
    try {
      return archive.count();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** The JSON mapping of every response: ISO-8601 dates, Java time and Optional support. */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** Starts serving; port {@code 0} picks a free port (see {@link #port()}). */
  public SearchApp start(String host, int port) {
    javalin.start(host, port);
    return this;
  }

  /** The port the app listens on, once started. */
  public int port() {
    return javalin.port();
  }

  /** Stops serving. */
  public void stop() {
    javalin.stop();
  }

  /** Every registered route as {@code "GET /path"}, as Javalin reported them. */
  public List<String> routes() {
    return routes;
  }

  /**
   * Every GET route answers HEAD through the same handler (its body is dropped by the server), so
   * status and headers, the ETag included, are those of the GET; Javalin alone would answer a HEAD
   * 200 without running the handler, whatever the GET would say.
   */
  private static void headLikeGet(Javalin app, HandlerMetaInfo info) {
    if (app != null && info.getHttpMethod() == HandlerType.GET) {
      app.head(info.getPath(), info.getHandler());
    }
  }

  private static void recordRoute(List<String> routes, HandlerMetaInfo info) {
    if (info.getHttpMethod().isHttpMethod() && info.getHttpMethod() != HandlerType.HEAD) {
      routes.add(info.getHttpMethod().name().toUpperCase(Locale.ROOT) + " " + info.getPath());
    }
  }

  /** Maps any failure to the error the client gets; unexpected ones are logged, never shown. */
  static ApiError errorOf(Exception e) {
    if (e instanceof ApiException api) {
      return api.toError();
    }
    if (e instanceof InvalidQueryException invalid) {
      return new ApiError(400, "bad_query", invalid.getMessage());
    }
    if (e instanceof ArchiveUnavailableException unavailable) {
      return new ApiError(503, "unavailable", unavailable.getMessage());
    }
    if (e instanceof HttpResponseException http) {
      return fromStatus(http.getStatus());
    }
    LOG.error("request failed", e);
    return new ApiError(500, "internal", "internal error");
  }

  static ApiError fromStatus(int status) {
    return switch (status) {
      case 400 -> new ApiError(400, "bad_request", "the request is malformed");
      case 404 -> new ApiError(404, "not_found", "no such resource");
      case 405 -> new ApiError(405, "method_not_allowed", "this method is not allowed here");
      case 413 -> new ApiError(413, "too_large", "the request body is too large");
      case 414 -> new ApiError(414, "uri_too_long", "the request URI is too long");
      case 431 -> new ApiError(431, "headers_too_large", "the request headers are too large");
      default ->
          status >= 400 && status < 600
              ? new ApiError(status, "http_" + status, "the request failed")
              : new ApiError(500, "internal", "internal error");
    };
  }

  private static void unmatched(Context ctx) {
    // Javalin answers unknown routes itself; give them the one error shape unless a handler did.
    if (!(ctx.attribute(ERROR_WRITTEN) instanceof Boolean)) {
      writeError(ctx, fromStatus(ctx.statusCode()));
    }
  }

  private static final String ERROR_WRITTEN = "carnews.errorWritten";

  /**
   * Marks an error status a handler answered with a body of its own (a page), so the error handlers
   * keep that body instead of writing the JSON error shape over it.
   */
  static void answeredItself(Context ctx) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
  }

  private static void writeError(Context ctx, ApiError error) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ctx.status(error.status()).json(new ApiError.Body(error.withRequestId(RequestIds.of(ctx))));
  }

  /** The headers on every answer, including Jetty's own error answers. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");

  private static void securityHeaders(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }
}
