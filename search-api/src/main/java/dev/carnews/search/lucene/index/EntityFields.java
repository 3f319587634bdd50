package dev.carnews.search.lucene.index;

import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleSchema;

/**
 * Where the index keeps one type of entity: its facet dimension, the field of its folded keys, the
 * field of the articles that are about it and its salience rank feature (the last two only for
 * types with salience).
 *
 * @param dim the facet dimension of display names
 * @param keyField the keyword field of folded name keys
 * @param aboutField the keyword field of the keys an article is about, or {@code null}
 * @param rankField the feature field of salience ranks, or {@code null}
 */
public record EntityFields(String dim, String keyField, String aboutField, String rankField) {

  private static final EntityFields PERSON =
      new EntityFields(
          ArticleSchema.PERSON_FACET,
          ArticleSchema.PERSON_KEY,
          ArticleSchema.ABOUT_PERSON_KEY,
          ArticleSchema.PERSON_SALIENCE_RANK);
  private static final EntityFields BRAND =
      new EntityFields(
          ArticleSchema.BRAND_FACET,
          ArticleSchema.BRAND_KEY,
          ArticleSchema.ABOUT_BRAND_KEY,
          ArticleSchema.BRAND_SALIENCE_RANK);
  private static final EntityFields AUTHOR =
      new EntityFields(ArticleSchema.AUTHOR_FACET, ArticleSchema.AUTHOR_KEY, null, null);

  /** The fields of a type. */
  public static EntityFields of(EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case BRAND -> BRAND;
      case AUTHOR -> AUTHOR;
    };
  }
}
