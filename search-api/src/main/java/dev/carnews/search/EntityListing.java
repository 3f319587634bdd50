package dev.carnews.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of the directory of people, brands or authors.
 *
 * @param total how many entities match
 * @param page the 1-based page
 * @param size entities per page as requested
 * @param pages how many pages there are
 * @param entities this page's entities
 */
public record EntityListing(long total, int page, int size, int pages, List<Entry> entities) {

  /** Copies. */
  public EntityListing {
    entities = List.copyOf(entities);
  }

  /**
   * One entity of the directory.
   *
   * @param type {@code person}, {@code brand} or {@code author}
   * @param name its display name
   * @param count articles naming it in the whole archive
   * @param firstSeen its earliest dated article, or {@code null}
   * @param lastSeen its latest dated article, or {@code null}
   */
  public record Entry(String type, String name, long count, Instant firstSeen, Instant lastSeen) {}
}
