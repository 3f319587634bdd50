package dev.carnews.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a story.
 *
 * @param id the article id
 * @param url the link, or {@code null}
 * @param title the headline
 * @param author the first author, or {@code null}
 * @param published the publication time, or {@code null} when unknown
 * @param changes what changed from the previous version; {@code null} (left out of the JSON) for
 *     the first version and where versions are only listed
 */
public record StoryVersion(
    String id,
    String url,
    String title,
    String author,
    Instant published,
    @JsonInclude(JsonInclude.Include.NON_NULL) VersionChanges changes) {

  /** Validates. */
  public StoryVersion {
    Objects.requireNonNull(id, "id");
  }
}
