package dev.carnews.write;

import dev.carnews.entity.EntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.GroupCommitter;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.MalformedArticleException;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes articles into the live index through the indexer's code: each article is tagged by the
 * same entity pipeline as the indexer's, written with {@link ArticleIndex#write}, and the call
 * returns only once a commit covering it is on disk ({@link GroupCommitter}). So a caller that
 * answers 2xx after {@link #put} or {@link #delete} returned has a durable write.
 *
 * <p>Thread-safe: the tagger supplier must give each thread its own tagger (the NLP finders are not
 * thread-safe), for example from a {@link ThreadLocal}.
 */
public final class ArticleWriter {

  private static final JsonLinesArticleReader READER = new JsonLinesArticleReader();

  private final ArticleStore target;
  private final Supplier<? extends EntityTagger> taggers;

  /**
   * A writer over the index.
   *
   * @param index the live index
   * @param committer the group committer of that index
   * @param taggers a tagger for the calling thread
   */
  public ArticleWriter(
      ArticleIndex index, GroupCommitter committer, Supplier<? extends EntityTagger> taggers) {
    this(
        ArticleStore.of(
            Objects.requireNonNull(index, "index"), Objects.requireNonNull(committer, "committer")),
        taggers);
  }

  /**
   * A writer to any store (the local index, a SolrCloud collection), tagging with the same
   * pipeline. The store acknowledges a write only once {@link ArticleStore#awaitDurable()} says it
   * is durable and searchable.
   *
   * @param target where the tagged articles go
   * @param taggers a tagger for the calling thread
   */
  public ArticleWriter(ArticleStore target, Supplier<? extends EntityTagger> taggers) {
    this.target = Objects.requireNonNull(target, "target");
    this.taggers = Objects.requireNonNull(taggers, "taggers");
  }

  /**
   * Reads an article sent as a JSON object, with the rules of the indexer's JSON Lines reader.
   *
   * @throws InvalidArticleException when it is no article (no title, a bad date, ...)
   */
  public static Article parse(String json) {
    try {
      return READER.parse(json);
    } catch (MalformedArticleException e) {
      throw new InvalidArticleException(e.getMessage(), e);
    }
  }

  /**
   * Tags and writes one article and waits until it is durable.
   *
   * @throws IOException when the write or its commit failed: the article may not be on disk
   * @throws InterruptedException when interrupted while waiting for the commit
   */
  public WriteOutcome put(Article article) throws IOException, InterruptedException {
    WriteOutcome result = write(article);
    target.awaitDurable();
    return result;
  }

  /**
   * Tags and writes one article without waiting for the commit; call {@link #awaitDurable()} after
   * a batch of such writes.
   */
  public WriteOutcome write(Article article) throws IOException {
    return WriteOutcome.of(target.write(taggers.get().tag(article)).created());
  }

  /** Waits until every write this thread made so far is on disk. */
  public void awaitDurable() throws IOException, InterruptedException {
    target.awaitDurable();
  }

  /**
   * Deletes an article and waits until the deletion is durable. Returns whether it existed.
   *
   * @throws IOException when the delete or its commit failed
   * @throws InterruptedException when interrupted while waiting for the commit
   */
  public boolean delete(String id) throws IOException, InterruptedException {
    boolean existed = target.delete(id);
    target.awaitDurable();
    return existed;
  }
}
