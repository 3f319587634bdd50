package dev.carnews.write;

import java.util.Locale;

/** What an acknowledged write did to the archive. */
public enum WriteOutcome {
  /** The id was new. */
  CREATED,
  /** The id was there and its article was replaced. */
  UPDATED;

  /** The word clients read: {@code created} or {@code updated}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The outcome of a write that did or did not create its id. */
  public static WriteOutcome of(boolean created) {
    return created ? CREATED : UPDATED;
  }
}
