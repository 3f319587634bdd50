package dev.carnews.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article in a result list.
 *
 * @param id the article id
 * @param url the link to the article, or {@code null}
 * @param title the headline as plain text (JSON data: escape it where it is shown)
 * @param titleHtml the headline HTML-escaped, with matches in the service's own {@code <mark>}
 * @param author the first author, or {@code null} when there is none
 * @param authors every author
 * @param published the publication time, or {@code null} when unknown
 * @param brands the brands, most salient first
 * @param persons the people, most salient first
 * @param snippet HTML-escaped text whose only markup is the service's own {@code <mark>} tags
 * @param story the hit's story when the search collapses stories, else {@code null} (and left out
 *     of the JSON)
 */
public record SearchHit(
    String id,
    String url,
    String title,
    String titleHtml,
    String author,
    List<String> authors,
    Instant published,
    List<String> brands,
    List<String> persons,
    String snippet,
    @JsonInclude(JsonInclude.Include.NON_NULL) StoryRef story) {

  /** Validates and copies. */
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    titleHtml = Objects.requireNonNullElse(titleHtml, "");
    authors = List.copyOf(authors);
    brands = List.copyOf(brands);
    persons = List.copyOf(persons);
    snippet = Objects.requireNonNullElse(snippet, "");
  }

  /** A hit without its story. */
  public SearchHit(
      String id,
      String url,
      String title,
      String titleHtml,
      String author,
      List<String> authors,
      Instant published,
      List<String> brands,
      List<String> persons,
      String snippet) {
    this(id, url, title, titleHtml, author, authors, published, brands, persons, snippet, null);
  }

  /** This hit with its story. */
  public SearchHit withStory(StoryRef newStory) {
    return new SearchHit(
        id, url, title, titleHtml, author, authors, published, brands, persons, snippet, newStory);
  }
}
