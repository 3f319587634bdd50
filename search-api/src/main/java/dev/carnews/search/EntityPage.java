package dev.carnews.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the archive holds about one person, brand or author, within the scope of a search's filters
 * (the whole archive when there are none).
 *
 * @param type {@code person}, {@code brand} or {@code author}
 * @param name the display name: the spelling most articles use
 * @param spellings every spelling seen that folds to the same key, the display name first; empty
 *     when there is only one
 * @param count articles naming it
 * @param aboutCount articles about it (salience at least 0.5); for an author, every article
 * @param firstSeen the earliest publication time among them, or {@code null} when none is dated
 * @param lastSeen the latest publication time among them, or {@code null}
 * @param timeline articles per month ({@code yyyy-MM}, UTC) from the first month to the last, empty
 *     months included
 * @param associated the people and brands most significantly named together with it
 * @param authors who wrote most of its articles
 * @param latest its newest articles
 * @param salient the articles most about it (by salience); empty for an author
 */
public record EntityPage(
    String type,
    String name,
    List<String> spellings,
    long count,
    long aboutCount,
    Instant firstSeen,
    Instant lastSeen,
    List<Month> timeline,
    Associated associated,
    List<AuthorCount> authors,
    List<SearchHit> latest,
    List<SearchHit> salient) {

  /** Validates and copies. */
  public EntityPage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    spellings = List.copyOf(spellings);
    timeline = List.copyOf(timeline);
    Objects.requireNonNull(associated, "associated");
    authors = List.copyOf(authors);
    latest = List.copyOf(latest);
    salient = List.copyOf(salient);
  }

  /**
   * One month of coverage.
   *
   * @param month {@code yyyy-MM}, UTC
   * @param count articles naming the entity that month
   * @param about articles about it that month
   */
  public record Month(String month, long count, long about) {}

  /**
   * The people and brands named with the entity, most significant first.
   *
   * @param persons people, without the entity itself
   * @param brands brands, without the entity itself
   */
  public record Associated(List<Related> persons, List<Related> brands) {

    /** Copies. */
    public Associated {
      persons = List.copyOf(persons);
      brands = List.copyOf(brands);
    }
  }

  /**
   * One associated entity.
   *
   * @param name its display name
   * @param count articles naming both (co-mentions), within the page's scope
   * @param score its binomial standard score against the whole archive
   */
  public record Related(String name, long count, double score) {}

  /**
   * One author of the entity's articles.
   *
   * @param name the author
   * @param count how many of the entity's articles they wrote
   */
  public record AuthorCount(String name, long count) {}
}
