package dev.carnews.search;

import dev.carnews.index.ArticleSchema;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of entity that have pages, a directory and trends: people and brands found in the text,
 * and authors from the bylines. Each names its facet dimension and its folded-key filter field,
 * and, for people and brands, the fields of their salience.
 */
public enum EntityType {
  /** People named in the stories. */
  PERSON(
      ArticleSchema.PERSON_FACET,
      ArticleSchema.PERSON_KEY,
      ArticleSchema.ABOUT_PERSON_KEY,
      ArticleSchema.PERSON_SALIENCE_RANK),
  /** Marques named in the stories. */
  BRAND(
      ArticleSchema.BRAND_FACET,
      ArticleSchema.BRAND_KEY,
      ArticleSchema.ABOUT_BRAND_KEY,
      ArticleSchema.BRAND_SALIENCE_RANK),
  /** Bylines: an author has no salience, so every article of theirs counts as about them. */
  AUTHOR(ArticleSchema.AUTHOR_FACET, ArticleSchema.AUTHOR_KEY, null, null);

  /** The longest name a request may give, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  final String dim;
  final String keyField;
  final String aboutField;
  final String rankField;

  EntityType(String dim, String keyField, String aboutField, String rankField) {
    this.dim = dim;
    this.keyField = keyField;
    this.aboutField = aboutField;
    this.rankField = rankField;
  }

  /** The name clients use: {@code person}, {@code brand} or {@code author}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the type has salience (and so an about count and salient articles). */
  public boolean hasSalience() {
    return aboutField != null;
  }

  /**
   * The type a client named.
   *
   * @throws IllegalArgumentException when it is none of {@code person}, {@code brand}, {@code
   *     author}
   */
  public static EntityType parse(String label) {
    return find(label)
        .orElseThrow(() -> new IllegalArgumentException("type must be person, brand or author"));
  }

  /** The type a client named, if it is one. */
  public static Optional<EntityType> find(String label) {
    if (label == null) {
      return Optional.empty();
    }
    for (EntityType type : values()) {
      if (type.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
