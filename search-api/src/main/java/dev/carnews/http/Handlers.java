package dev.carnews.http;

import dev.carnews.entity.EntityType;
import dev.carnews.search.ArchiveStatus;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.InvalidQueryException;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/** The route handlers: parse parameters, call the archive, answer with its record as JSON. */
final class Handlers {

  private final NewsArchive archive;
  private final byte[] openApi;
  private final String entityPage;

  Handlers(NewsArchive archive) throws IOException {
    this.archive = archive;
    try (InputStream in = Handlers.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IOException("openapi.json is missing from the classpath");
      }
      this.openApi = in.readAllBytes();
    }
    try (InputStream in = Handlers.class.getResourceAsStream("/public/index.html")) {
      if (in == null) {
        throw new IOException("public/index.html is missing from the classpath");
      }
      // Two levels below the page's root: its relative links (app.js, ./) resolve from there.
      this.entityPage =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replaceFirst("<head>", "<head>\n  <base href=\"../../\">");
    }
  }

  void search(Context ctx) throws IOException {
    SearchRequest request = Params.searchRequest(ctx);
    Set<EntityType> significant = Params.significant(ctx);
    String after = Params.text(ctx, "after");
    SearchResponse response;
    if (after != null && !after.isBlank()) {
      try {
        response = archive.searchAfter(request, Params.cursorToken(after));
      } catch (InvalidQueryException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        // The backend could not read the token (the messages never repeat it).
        throw ApiException.badParameter(e.getMessage());
      }
    } else {
      response = archive.search(request);
    }
    if (significant.isEmpty()) {
      ctx.json(response);
    } else {
      ctx.json(new SearchWithSignificant(response, archive.significant(request, significant)));
    }
  }

  void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(archive.article(id).orElseThrow(() -> unknownArticle(id)));
  }

  void related(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    int size = Params.integer(ctx, "size", RelatedResponse.DEFAULT_SIZE);
    if (size < 1 || size > RelatedResponse.MAX_SIZE) {
      throw ApiException.badParameter("size must be 1.." + RelatedResponse.MAX_SIZE);
    }
    ctx.json(archive.related(id, size).orElseThrow(() -> unknownArticle(id)));
  }

  void story(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    ctx.json(archive.story(id).orElseThrow(() -> ApiException.notFound("no story with this id")));
  }

  void health(Context ctx) throws IOException {
    ArchiveStatus status = archive.status();
    if (!status.ready()) {
      // Started before its cluster is ready: say so (503) instead of failing.
      ctx.status(503).json(new Health("starting", 0, status.backend(), status.detail()));
      return;
    }
    ctx.json(new Health("ok", archive.count(), status.backend(), status.detail()));
  }

  /**
   * {@code GET /entity/{type}/{name}}: the readers' page, which renders the entity from its URL,
   * with a base two levels up so its assets and links resolve as on {@code /}.
   */
  void entityPage(Context ctx) {
    String page = entityPage;
    var type = EntityType.find(ctx.pathParam("type"));
    String name = ctx.pathParam("name");
    if (type.isPresent() && !name.isBlank() && name.length() <= EntityListRequest.MAX_NAME_LENGTH) {
      // Feed readers read the HTML without running scripts: the page names the entity's own feed.
      String href =
          "api/entities/"
              + type.get().label()
              + "/"
              + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
              + ".atom";
      page =
          page.replace(
              SEARCH_FEED_LINK,
              "<link rel=\"alternate\" type=\"application/atom+xml\" title=\""
                  + htmlEscape(name)
                  + " – Car news search\" href=\""
                  + href
                  + "\">");
    } else {
      // No such entity page can exist: say so to crawlers and link checkers; the page's scripts
      // still render their "not found" message from the URL.
      ctx.status(404);
      SearchApp.answeredItself(ctx);
    }
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  /** The start page's feed link, replaced on an entity page by the entity's. */
  private static final String SEARCH_FEED_LINK =
      "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Newest car news\""
          + " href=\"api/search.atom\">";

  private static String htmlEscape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  void openApi(Context ctx) {
    ctx.contentType("application/json").result(new String(openApi, StandardCharsets.UTF_8));
  }

  private static ApiException unknownArticle(String id) {
    // The id is not echoed: error texts never repeat client input.
    Objects.requireNonNull(id, "id");
    return ApiException.notFound("no article with this id");
  }
}
