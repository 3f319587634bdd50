package dev.carnews.index;

import java.util.Objects;

/**
 * What one write did.
 *
 * @param id the article id
 * @param created {@code true} when no article with this id was in the index, {@code false} when an
 *     existing one was replaced
 */
public record WriteResult(String id, boolean created) {

  /** Validates the id. */
  public WriteResult {
    Objects.requireNonNull(id, "id");
  }
}
