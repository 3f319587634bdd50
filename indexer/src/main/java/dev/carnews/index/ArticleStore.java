package dev.carnews.index;

import dev.carnews.entity.TaggedArticle;
import java.io.IOException;

/**
 * Where a batch writes tagged articles: the local {@link ArticleIndex} or a SolrCloud collection.
 * Thread-safe: the tagging threads write concurrently.
 */
public interface ArticleStore {

  /** What became of one write, told at once or when the store sends its batch. */
  interface Outcome {
    /** The article is stored; {@code result} says whether it was new. */
    void written(WriteResult result);

    /** The store refused this article (the others go on), for the batch's skip list. */
    void rejected(String id, String reason);
  }

  /**
   * Writes (creates or replaces) an article and tells {@code outcome}; throws only when the store
   * itself fails, which ends the batch.
   */
  void write(TaggedArticle article, Outcome outcome) throws IOException;

  /** Makes everything written durable and searchable; called once at the end of a batch. */
  void commit() throws IOException;

  /** The local index as a store: every write is applied (and counted) at once. */
  static ArticleStore of(ArticleIndex index) {
    return new ArticleStore() {
      @Override
      public void write(TaggedArticle article, Outcome outcome) throws IOException {
        outcome.written(index.write(article));
      }

      @Override
      public void commit() throws IOException {
        index.commit();
        index.refresh();
      }
    };
  }
}
