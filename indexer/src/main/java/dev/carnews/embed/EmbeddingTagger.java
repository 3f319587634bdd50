package dev.carnews.embed;

import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.util.Objects;

/**
 * The entity tagger followed by the embedding model: every path that tags an article (the indexer,
 * the HTTP writes) gets its vector from the same text the same way.
 */
public final class EmbeddingTagger implements EntityTagger {

  private final EntityTagger entities;
  private final TextEmbedder embedder;

  /** Tags with {@code entities}, then embeds the headline and lead with {@code embedder}. */
  public EmbeddingTagger(EntityTagger entities, TextEmbedder embedder) {
    this.entities = Objects.requireNonNull(entities, "entities");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
  }

  @Override
  public TaggedArticle tag(Article article) {
    return entities.tag(article).withVector(embedder.passage(EmbeddingText.of(article)));
  }
}
