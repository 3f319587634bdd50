package dev.carnews.entity;

import dev.carnews.ingest.Article;

/**
 * Finds the people, brands and authors of an article. Implementations may hold models shared across
 * threads, but a single instance is used by one thread at a time unless it says otherwise.
 */
public interface EntityTagger {

  /** Tags one article. */
  TaggedArticle tag(Article article);
}
