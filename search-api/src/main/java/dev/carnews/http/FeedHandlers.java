package dev.carnews.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.entity.EntityType;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Feeds of searches and entities: {@code GET /api/search.atom}, {@code /api/search.json-feed}
 * (every {@code /api/search} parameter, newest first unless {@code sort} says otherwise, {@value
 * #DEFAULT_SIZE} entries unless {@code size} does) and {@code /api/entities/{type}/{name}.atom}
 * (the entity's newest articles). Caching is self-contained: the {@code ETag} is a hash of the
 * document and {@code Last-Modified} its newest article date, and a matching {@code If-None-Match}
 * (or, without one, an {@code If-Modified-Since} not older than that date) is answered {@code 304}
 * without a body.
 */
final class FeedHandlers {

  /** Entries per feed when the request does not say. */
  static final int DEFAULT_SIZE = 20;

  static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
  static final String JSON_FEED_TYPE = "application/feed+json; charset=utf-8";

  private final NewsArchive archive;
  private final ObjectMapper json;

  FeedHandlers(NewsArchive archive, ObjectMapper json) {
    this.archive = archive;
    this.json = json;
  }

  void searchAtom(Context ctx) throws IOException {
    answer(ctx, searchFeed(ctx), FeedDocuments::atom, ATOM_TYPE);
  }

  void searchJsonFeed(Context ctx) throws IOException {
    answer(ctx, searchFeed(ctx), feed -> FeedDocuments.jsonFeed(feed, json), JSON_FEED_TYPE);
  }

  /** {@code name} is the path's name without its {@code .atom} ending. */
  void entityAtom(Context ctx, EntityType type, String name) throws IOException {
    String display = archive.entityName(type, name).orElseThrow(EntityHandlers::unknownEntity);
    SearchRequest scope = Params.searchRequest(ctx, DEFAULT_SIZE, SortOrder.NEWEST);
    List<String> only = List.of(display);
    SearchRequest request =
        switch (type) {
          case PERSON -> scope.withPersons(only);
          case BRAND -> scope.withBrands(only);
          case AUTHOR -> scope.withAuthors(only);
        };
    String page =
        base(ctx)
            + "/entity/"
            + type.label()
            + "/"
            + URLEncoder.encode(display, StandardCharsets.UTF_8).replace("+", "%20");
    FeedDocuments.Feed feed =
        new FeedDocuments.Feed(display + " — News search", self(ctx), page, archive.hits(request));
    answer(ctx, feed, FeedDocuments::atom, ATOM_TYPE);
  }

  private FeedDocuments.Feed searchFeed(Context ctx) throws IOException {
    SearchRequest request = Params.searchRequest(ctx, DEFAULT_SIZE, SortOrder.NEWEST);
    String query = ctx.queryString();
    String title = request.q().isBlank() ? "News search" : request.q() + " — News search";
    String page = base(ctx) + "/" + (query == null ? "" : "?" + query);
    return new FeedDocuments.Feed(title, self(ctx), page, archive.hits(request));
  }

  private static void answer(
      Context ctx,
      FeedDocuments.Feed feed,
      Function<FeedDocuments.Feed, byte[]> writer,
      String contentType) {
    byte[] body = writer.apply(feed);
    String etag = "\"" + sha256(body) + "\"";
    Instant modified = feed.updated().truncatedTo(ChronoUnit.SECONDS);
    ctx.header("ETag", etag);
    ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(at(modified)));
    ctx.header("Cache-Control", "no-cache");
    if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), etag, modified)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(contentType).result(body);
  }

  /** RFC 9110: If-None-Match wins; If-Modified-Since counts only without it. */
  static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant at) {
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",", -1)) {
        String candidate = tag.strip();
        if (candidate.startsWith("W/")) {
          candidate = candidate.substring(2);
        }
        if (candidate.equals("*") || candidate.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    if (ifModifiedSince == null || ifModifiedSince.length() > 64) {
      return false;
    }
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      return !at.isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static ZonedDateTime at(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  private static String base(Context ctx) {
    String url = ctx.url();
    return url.substring(0, url.length() - ctx.path().length());
  }

  private static String self(Context ctx) {
    String query = ctx.queryString();
    return ctx.url() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  private static String sha256(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
