package dev.carnews.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a reindex is, as the admin API shows it.
 *
 * @param state {@code idle} (none ran since the start), {@code copying} (the stored articles into
 *     the new index), {@code catching-up} (replaying the writes that arrived meanwhile), {@code
 *     switching} (writes held while the last ones are replayed and the new index is made the served
 *     one), {@code done} or {@code failed}
 * @param from the folder name of the index it reads, empty when idle
 * @param to the folder name of the index it builds, empty when idle
 * @param started when it started, null when idle
 * @param finished when it ended ({@code done} or {@code failed}), else null
 * @param articles the articles to copy (those of the served index at the start)
 * @param copied articles copied so far
 * @param replayed writes and deletes that arrived while it ran, replayed into the new index
 * @param articlesPerSecond the copy's rate so far
 * @param secondsLeft an estimate of the copy's time left, -1 before there is a rate
 * @param error why it failed, else null
 */
public record ReindexStatus(
    String state,
    String from,
    String to,
    Instant started,
    Instant finished,
    long articles,
    long copied,
    long replayed,
    double articlesPerSecond,
    long secondsLeft,
    String error) {

  /** Validates. */
  public ReindexStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** No reindex ran since the service started. */
  public static ReindexStatus idle() {
    return new ReindexStatus("idle", "", "", null, null, 0, 0, 0, 0, -1, null);
  }

  /** Whether it is still running. */
  public boolean running() {
    return !state.equals("idle") && !state.equals("done") && !state.equals("failed");
  }
}
