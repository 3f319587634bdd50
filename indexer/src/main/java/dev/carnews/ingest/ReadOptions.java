package dev.carnews.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * What the command line adds to a read.
 *
 * @param defaultPublished the date to use when a page states none, or {@code null} to leave it
 *     unknown
 */
public record ReadOptions(Instant defaultPublished) {

  /** No defaults: an unstated date stays unknown. */
  public static ReadOptions defaults() {
    return new ReadOptions(null);
  }

  /** The date given on the command line, if any. */
  public Optional<Instant> fallbackPublished() {
    return Optional.ofNullable(defaultPublished);
  }
}
