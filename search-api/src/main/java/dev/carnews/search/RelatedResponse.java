package dev.carnews.search;

import java.util.List;
import java.util.Objects;

/**
 * The articles related to one article, most related first.
 *
 * @param id the article they are related to
 * @param hits the related articles, never including the article itself or its versions
 * @param versions the other versions of the article's story (copies, updates, corrections), oldest
 *     first
 */
public record RelatedResponse(String id, List<RelatedHit> hits, List<StoryVersion> versions) {

  /** The default number of related articles. */
  public static final int DEFAULT_SIZE = 5;

  /** The most related articles one request may ask for. */
  public static final int MAX_SIZE = 20;

  /** Validates and copies. */
  public RelatedResponse {
    Objects.requireNonNull(id, "id");
    hits = List.copyOf(hits);
    versions = List.copyOf(versions);
  }

  /** Related articles of an article without other versions. */
  public RelatedResponse(String id, List<RelatedHit> hits) {
    this(id, hits, List.of());
  }
}
