package dev.carnews.preview;

import java.util.Objects;

/**
 * One place where the text names an entity.
 *
 * @param type {@code person} or {@code brand}
 * @param field {@code text} when the offsets point into the text, {@code title} when into the title
 * @param text the surface form as written ({@code "Mr de Meo"})
 * @param start offset of the first character in {@code field}
 * @param end offset one past the last character
 * @param canonical the entity it resolves to ({@code "Luca de Meo"})
 * @param salience how central that entity is to the article, 0..1
 */
public record EntityMention(
    String type, String field, String text, int start, int end, String canonical, double salience) {

  /** Validates the span. */
  public EntityMention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(canonical, "canonical");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
