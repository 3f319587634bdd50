package dev.carnews.http;

import dev.carnews.search.IndexVersion;
import dev.carnews.search.NewsArchive;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * HTTP caching of every public {@code GET} (and {@code HEAD}) answered with JSON, installed as one
 * before- and one after-handler on all routes, so a new route gets it without a line of its own.
 *
 * <p>A {@code 200} JSON answer carries a weak {@code ETag} made of this app's start, the {@link
 * IndexVersion} read before the handler ran (so the answer is at least as new as its tag) and a
 * hash of the path and query, and {@code Cache-Control: public, max-age=N} ({@code no-cache} for N
 * = 0). A request whose {@code If-None-Match} names the tag the answer would get is answered {@code
 * 304} without running the handler: that tag was only ever given to a {@code 200} of the same
 * request at the same index state. {@code If-None-Match: *} is answered {@code 304} only when the
 * answer is a {@code 200}. The tag is weak because {@code tookMs} and the transfer encoding may
 * differ between equivalent answers. Errors, writes, requests with a key ({@code Authorization})
 * and monitoring routes are {@code no-store}. Every answer varies on {@code Origin} and {@code
 * Accept-Encoding}.
 */
final class HttpCaching {

  /** The {@code Vary} of every answer: CORS headers depend on the origin, bodies on compression. */
  static final String VARY = "Origin, Accept-Encoding";

  /** Routes whose answers must be fresh every time. */
  private static final Set<String> UNCACHED = Set.of("/health", "/metrics");

  private static final String ETAG = "carnews.etag";
  private static final String NOT_MODIFIED = "carnews.notModified";

  private final NewsArchive archive;
  private final String cacheControl;
  private final String instance;

  /**
   * Caching for an app.
   *
   * @param archive where the index version is read
   * @param maxAge how long shared and private caches may serve an answer without asking again
   * @param instance what distinguishes this run of the app from others over an index whose version
   *     numbers may repeat (the start time)
   */
  HttpCaching(NewsArchive archive, Duration maxAge, String instance) {
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("max age must be >= 0");
    }
    this.archive = archive;
    this.cacheControl =
        maxAge.isZero() ? "public, no-cache" : "public, max-age=" + maxAge.toSeconds();
    this.instance = instance;
  }

  /** The before-handler: tags a cacheable request and answers 304 when the client has the tag. */
  void before(Context ctx) throws IOException {
    ctx.header("Vary", VARY);
    if (!cacheable(ctx)) {
      return;
    }
    String etag = etag(archive.version(), ctx);
    ctx.attribute(ETAG, etag);
    if (matches(ctx.header("If-None-Match"), etag)) {
      notModified(ctx, etag);
      ctx.skipRemainingHandlers();
    }
  }

  /** The after-handler: validators and freshness on 200 JSON answers, no-store on the rest. */
  void after(Context ctx) {
    if (ctx.attribute(NOT_MODIFIED) instanceof Boolean) {
      return;
    }
    if (ctx.statusCode() >= 400 || !cacheable(ctx)) {
      ctx.header("Cache-Control", "no-store");
      return;
    }
    String etag = ctx.attribute(ETAG);
    if (etag == null || ctx.statusCode() != 200 || !isJson(ctx.res().getContentType())) {
      return; // the page's static files keep their own headers
    }
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && "*".equals(ifNoneMatch.strip())) {
      notModified(ctx, etag);
      return;
    }
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
  }

  private void notModified(Context ctx, String etag) {
    ctx.attribute(NOT_MODIFIED, Boolean.TRUE);
    ctx.status(304);
    ctx.result("");
    ctx.res().setContentType(null);
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", cacheControl);
  }

  /** A public read: GET or HEAD without a key, on a route that may be cached. */
  private static boolean cacheable(Context ctx) {
    return (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
        && ctx.header("Authorization") == null
        && !UNCACHED.contains(ctx.path());
  }

  /** Whether an {@code If-None-Match} list names this tag (weak comparison, RFC 9110 13.1.2). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String opaque = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      if (opaque(candidate.strip()).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private String etag(IndexVersion version, Context ctx) {
    String query = ctx.queryString();
    String request = ctx.path() + (query == null ? "" : "?" + query);
    return "W/\"" + instance + "-" + version.token() + "-" + hash(request) + "\"";
  }

  private static String hash(String request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static boolean isJson(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }
}
