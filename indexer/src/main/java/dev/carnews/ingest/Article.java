package dev.carnews.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article as a reader found it, before entity tagging. Nothing downstream knows which
 * format it came from.
 *
 * @param id unique, stable key; readers derive one from the url or content when the source has none
 * @param url where the article lives, or {@code null} when the source does not say
 * @param title the headline, never blank
 * @param body the story text without boilerplate, paragraphs separated by blank lines
 * @param authors the raw bylines as the source gave them (cleaned later by the tagger); may be
 *     empty
 * @param published when it was published, or {@code null} when unknown (never invented)
 * @param section the site section, or {@code null}
 * @param tags the CMS tags; may be empty
 */
public record Article(
    String id,
    String url,
    String title,
    String body,
    List<String> authors,
    Instant published,
    String section,
    List<String> tags) {

  /** Validates the required fields and copies the lists. */
  public Article {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("article " + id + " has no title");
    }
    body = Objects.requireNonNullElse(body, "");
    authors = List.copyOf(Objects.requireNonNullElse(authors, List.of()));
    tags = List.copyOf(Objects.requireNonNullElse(tags, List.of()));
  }

  /** The publication time, when the source stated one. */
  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(published);
  }

  /** A copy with another id (readers use it when the source had none). */
  public Article withId(String newId) {
    return new Article(newId, url, title, body, authors, published, section, tags);
  }
}
