package dev.carnews.http;

import dev.carnews.search.ArticleSearcher;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code GET /api/suggest?q=prefix}: completions as the reader types. */
final class SuggestHandler {

  private final ArticleSearcher searcher;

  SuggestHandler(ArticleSearcher searcher) {
    this.searcher = searcher;
  }

  void suggest(Context ctx) throws IOException {
    String q = Params.text(ctx, "q");
    try {
      ctx.json(searcher.suggest(q));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }
}
