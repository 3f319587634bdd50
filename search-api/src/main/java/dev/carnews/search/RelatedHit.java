package dev.carnews.search;

import java.time.Instant;
import java.util.Objects;

/**
 * An article related to another, with the reason.
 *
 * @param id the article id
 * @param url the link, or {@code null}
 * @param title the headline
 * @param author the first author, or {@code null}
 * @param published the publication time, or {@code null} when unknown
 * @param score how related it is (text similarity plus shared entities; only comparable within one
 *     answer)
 * @param shared the people and brands both articles name
 */
public record RelatedHit(
    String id,
    String url,
    String title,
    String author,
    Instant published,
    double score,
    SharedEntities shared) {

  /** Validates the fields. */
  public RelatedHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(shared, "shared");
  }
}
