package dev.carnews.index;

import dev.carnews.entity.TaggedArticle;
import java.io.IOException;
import java.util.Objects;

/** The local index as an {@link ArticleStore}: every write is applied (and counted) at once. */
final class LocalArticleStore implements ArticleStore {

  /** How the single writes of a thread are made durable. */
  @FunctionalInterface
  interface Durability {
    void await() throws IOException, InterruptedException;
  }

  private final ArticleIndex index;
  private final Durability durability;

  LocalArticleStore(ArticleIndex index, Durability durability) {
    this.index = Objects.requireNonNull(index, "index");
    this.durability = Objects.requireNonNull(durability, "durability");
  }

  @Override
  public void write(TaggedArticle article, Outcome outcome) throws IOException {
    outcome.written(index.write(article));
  }

  @Override
  public void commit() throws IOException {
    index.commit();
    index.refresh();
  }

  @Override
  public WriteResult write(TaggedArticle article) throws IOException {
    return index.write(article);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return index.delete(id);
  }

  @Override
  public void awaitDurable() throws IOException, InterruptedException {
    durability.await();
  }
}
