package dev.carnews.cli;

import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON Lines file of articles into memory for the measuring commands. */
final class Articles {

  private Articles() {}

  /** Every well-formed article of the file; skipped lines are reported on {@code err}. */
  static List<Article> read(Path jsonl, PrintWriter err) throws IOException {
    List<Article> articles = new ArrayList<>();
    new JsonLinesArticleReader()
        .read(
            jsonl,
            ReadOptions.defaults(),
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                articles.add(article);
              }

              @Override
              public void skipped(String location, String reason) {
                err.println("Skipped " + location + ": " + reason);
              }
            });
    return articles;
  }
}
