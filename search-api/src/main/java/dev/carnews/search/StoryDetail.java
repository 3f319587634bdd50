package dev.carnews.search;

import java.util.List;
import java.util.Objects;

/**
 * A story as {@code GET /api/stories/{id}} shows it: its versions, oldest first, each with what
 * changed from the one before.
 *
 * @param id the story id (the id of its first article)
 * @param versions the versions, oldest first (unknown dates last)
 */
public record StoryDetail(String id, List<StoryVersion> versions) {

  /** Validates and copies. */
  public StoryDetail {
    Objects.requireNonNull(id, "id");
    versions = List.copyOf(versions);
  }
}
