package dev.carnews.search;

import java.util.Objects;

/**
 * The story an article belongs to: the versions of one article (copies, updates, corrections).
 *
 * @param id the story id: the id of its first article
 * @param versions how many articles the story has, this one included
 */
public record StoryRef(String id, int versions) {

  /** Validates. */
  public StoryRef {
    Objects.requireNonNull(id, "id");
    if (versions < 1) {
      throw new IllegalArgumentException("a story has at least one version");
    }
  }
}
