package dev.carnews.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One completion of what a reader has typed.
 *
 * @param text the completion as displayed ("Renault", "François Provost", a headline)
 * @param type {@code brand}, {@code person}, {@code author} or {@code title}
 * @param count how many articles name it (1 for a title)
 * @param latest when the newest of those articles was published, or {@code null} when unknown
 * @param id the article id, for {@code title} suggestions only, else {@code null}
 */
public record Suggestion(String text, String type, long count, Instant latest, String id) {

  /** The suggestion types. */
  public static final Set<String> TYPES = Set.of("brand", "person", "author", "title");

  /** Validates. */
  public Suggestion {
    Objects.requireNonNull(text, "text");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown suggestion type " + type);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }
}
