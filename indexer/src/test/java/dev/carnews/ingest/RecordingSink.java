package dev.carnews.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader sends, for assertions. */
final class RecordingSink implements ArticleSink {

  final List<Article> articles = new ArrayList<>();
  final List<String> skips = new ArrayList<>();

  @Override
  public void accept(Article article) {
    articles.add(article);
  }

  @Override
  public void skipped(String location, String reason) {
    skips.add(location + " -> " + reason);
  }

  Article only() {
    if (articles.size() != 1) {
      throw new AssertionError("expected one article, got " + articles + " skips " + skips);
    }
    return articles.get(0);
  }
}
