package dev.carnews.http;

import dev.carnews.search.NewsArchive;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code GET /api/suggest?q=prefix}: completions as the reader types. */
final class SuggestHandler {

  private final NewsArchive archive;

  SuggestHandler(NewsArchive archive) {
    this.archive = archive;
  }

  void suggest(Context ctx) throws IOException {
    String q = Params.text(ctx, "q");
    try {
      ctx.json(archive.suggest(q));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }
}
