package dev.carnews.search;

import java.util.Locale;
import java.util.Objects;

/**
 * An {@code about} filter: only articles <em>about</em> an entity (its salience in the article is
 * at least {@code ArticleSchema.ABOUT_MIN_SALIENCE}), not those that merely mention it. Written
 * {@code brand:Renault} or {@code person:François Provost}; the name is matched on its folded key.
 *
 * @param kind what kind of entity
 * @param name the entity's name as the client wrote it
 */
public record About(Kind kind, String name) {

  /** The kinds of entity an article can be about. */
  public enum Kind {
    /** A car marque. */
    BRAND,
    /** A person of the story. */
    PERSON
  }

  /** Validates the fields. */
  public About {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("about needs a name after the kind (brand:Renault)");
    }
    name = name.strip();
  }

  /**
   * Parses {@code brand:NAME} or {@code person:NAME} (the kind in any case).
   *
   * @throws IllegalArgumentException when the value has another shape
   */
  public static About parse(String value) {
    int colon = value == null ? -1 : value.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("about must be brand:NAME or person:NAME");
    }
    String kind = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String name = value.substring(colon + 1);
    return switch (kind) {
      case "brand" -> new About(Kind.BRAND, name);
      case "person" -> new About(Kind.PERSON, name);
      default -> throw new IllegalArgumentException("about must be brand:NAME or person:NAME");
    };
  }

  /** The form {@link #parse} reads. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
  }
}
