package dev.carnews.entity;

import dev.carnews.nlp.NameText;
import java.util.Objects;

/**
 * One place in a text where an entity is named.
 *
 * @param type what kind of entity
 * @param text the surface text as written, line breaks and runs of spaces as one space ({@code "Mr
 *     de Meo"} may be the mention of {@code "Luca de Meo"})
 * @param start character offset of the first character in the text it was found in
 * @param end character offset one past the last character
 * @param canonical the display name it resolves to
 */
public record Mention(EntityType type, String text, int start, int end, String canonical) {

  /** Validates the span; text and canonical name are whitespace-normalised ({@link NameText}). */
  public Mention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(canonical, "canonical");
    text = NameText.normalize(text);
    canonical = NameText.clean(canonical);
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
