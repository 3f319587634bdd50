package dev.carnews.http;

import dev.carnews.search.NewsArchive;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SearchRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The route handlers: parse parameters, call the archive, answer with its record as JSON. */
final class Handlers {

  private final NewsArchive archive;
  private final byte[] openApi;

  Handlers(NewsArchive archive) throws IOException {
    this.archive = archive;
    try (InputStream in = Handlers.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IOException("openapi.json is missing from the classpath");
      }
      this.openApi = in.readAllBytes();
    }
  }

  void search(Context ctx) throws IOException {
    SearchRequest request;
    try {
      request =
          new SearchRequest(
              Params.text(ctx, "q"),
              Params.all(ctx, "brand"),
              Params.all(ctx, "author"),
              Params.all(ctx, "person"),
              Params.date(ctx, "from"),
              Params.date(ctx, "to"),
              Params.sort(ctx),
              Params.integer(ctx, "page", 1),
              Params.integer(ctx, "size", SearchRequest.DEFAULT_SIZE),
              Params.about(ctx),
              Params.collapse(ctx));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
    String after = Params.text(ctx, "after");
    if (after != null && !after.isBlank()) {
      ctx.json(archive.searchAfter(request, Params.cursor(after)));
      return;
    }
    ctx.json(archive.search(request));
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
    ctx.json(new Health("ok", archive.count()));
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
