package dev.carnews.index;

import dev.carnews.entity.TaggedArticle;
import java.io.IOException;

/**
 * Where tagged articles are written: the local {@link ArticleIndex} or a SolrCloud collection. It
 * serves two kinds of writer. A batch (the indexer) calls {@link #write(TaggedArticle, Outcome)}
 * for each article, which the store may buffer, and {@link #commit()} once at the end. A single
 * writer (the HTTP API) calls {@link #write(TaggedArticle)} or {@link #delete(String)}, which are
 * applied at once, and then {@link #awaitDurable()} before it acknowledges them.
 *
 * <p>Thread-safe: tagging threads and request threads write concurrently.
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
   * Writes (creates or replaces) an article of a batch and tells {@code outcome}; throws only when
   * the store itself fails, which ends the batch.
   */
  void write(TaggedArticle article, Outcome outcome) throws IOException;

  /** Makes everything written durable and searchable; called once at the end of a batch. */
  void commit() throws IOException;

  /**
   * Writes (creates or replaces) one article at once, outside any batch; durable only after {@link
   * #awaitDurable()}.
   *
   * @throws IOException when the store did not take the article (a refused one included)
   */
  WriteResult write(TaggedArticle article) throws IOException;

  /**
   * Deletes one article at once; whether it existed. Durable only after {@link #awaitDurable()}.
   */
  boolean delete(String id) throws IOException;

  /**
   * Returns once every single write and delete the calling thread made so far is durable and
   * searchable.
   *
   * @throws IOException when making them durable failed: they may be lost
   * @throws InterruptedException when interrupted while waiting; durability is then unknown
   */
  void awaitDurable() throws IOException, InterruptedException;

  /** The local index as a store; {@link #awaitDurable()} commits the index itself. */
  static ArticleStore of(ArticleIndex index) {
    return new LocalArticleStore(index, index::commit);
  }

  /**
   * The local index as a store whose {@link #awaitDurable()} waits for {@code committer}, so that
   * concurrent writers share one commit.
   */
  static ArticleStore of(ArticleIndex index, GroupCommitter committer) {
    return new LocalArticleStore(index, committer::awaitDurable);
  }
}
