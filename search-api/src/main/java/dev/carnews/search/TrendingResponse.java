package dev.carnews.search;

import java.time.LocalDate;
import java.util.List;

/**
 * The entities whose share of the articles of a window is significantly above their share of the
 * articles before it, most significant first.
 *
 * @param entities the trending entities with their window and background counts
 * @param from the window's first day (UTC)
 * @param to the window's last day (UTC)
 * @param articles dated articles in the window
 * @param backgroundArticles dated articles before the window
 * @param minCount the fewest window articles an entity needs to be listed
 */
public record TrendingResponse(
    List<SignificantEntity> entities,
    LocalDate from,
    LocalDate to,
    long articles,
    long backgroundArticles,
    int minCount) {

  /** Copies. */
  public TrendingResponse {
    entities = List.copyOf(entities);
  }
}
