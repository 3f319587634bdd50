package dev.carnews.entity;

import java.util.Locale;
import java.util.Optional;

/** The kinds of entity the service facets on. */
public enum EntityType {
  /** A person mentioned in the story (never the byline author). */
  PERSON,
  /** A vehicle marque, e.g. Renault. */
  BRAND,
  /** A writer of the article, cleaned from the byline. */
  AUTHOR;

  /** The name clients use: {@code person}, {@code brand} or {@code author}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the type has salience (and so an about count and salient articles): an author has none,
   * every article of theirs is about them.
   */
  public boolean hasSalience() {
    return this != AUTHOR;
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
    String wanted = label.strip().toLowerCase(Locale.ROOT);
    for (EntityType type : values()) {
      if (type.label().equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
