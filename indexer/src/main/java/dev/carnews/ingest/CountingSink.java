package dev.carnews.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Passes everything on to another sink and counts it, keeping the skip reasons for the summary at
 * the end of a batch. Not thread-safe: one per batch.
 */
public final class CountingSink implements ArticleSink {

  /**
   * One skipped input.
   *
   * @param location the file, and line where it helps
   * @param reason why it was skipped
   */
  public record Skip(String location, String reason) {

    /** Requires both parts. */
    public Skip {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final ArticleSink delegate;
  private final List<Skip> skips = new ArrayList<>();
  private long accepted;

  /** Counts what passes on to {@code delegate}. */
  public CountingSink(ArticleSink delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** Counts only, passing nothing on. */
  public static CountingSink counting() {
    return new CountingSink(
        new ArticleSink() {
          @Override
          public void accept(Article article) {}

          @Override
          public void skipped(String location, String reason) {}
        });
  }

  @Override
  public void accept(Article article) {
    accepted++;
    delegate.accept(article);
  }

  @Override
  public void skipped(String location, String reason) {
    skips.add(new Skip(location, reason));
    delegate.skipped(location, reason);
  }

  /** Articles passed on so far. */
  public long accepted() {
    return accepted;
  }

  /** Inputs skipped so far, in order. */
  public List<Skip> skips() {
    return List.copyOf(skips);
  }

  /** How many inputs were skipped so far. */
  public int skippedCount() {
    return skips.size();
  }
}
