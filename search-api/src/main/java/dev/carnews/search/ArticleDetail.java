package dev.carnews.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole article with its entities, as {@code GET /api/articles/{id}} shows it.
 *
 * @param id the article id
 * @param url the link, or {@code null}
 * @param title the headline
 * @param body the story text
 * @param author the first author, or {@code null}
 * @param authors every author
 * @param published the publication time, or {@code null} when unknown
 * @param section the site section, or {@code null}
 * @param tags the CMS tags
 * @param brands brand names, most salient first (as in search hits)
 * @param persons person names, most salient first (as in search hits)
 * @param entities the people and brands with mentions and salience
 * @param story the story the article belongs to (its versions: copies, updates, corrections)
 */
public record ArticleDetail(
    String id,
    String url,
    String title,
    String body,
    String author,
    List<String> authors,
    Instant published,
    String section,
    List<String> tags,
    List<String> brands,
    List<String> persons,
    ArticleEntities entities,
    StoryRef story) {

  /** Validates and copies. */
  public ArticleDetail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entities, "entities");
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
    brands = List.copyOf(brands);
    persons = List.copyOf(persons);
  }
}
