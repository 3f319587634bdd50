package dev.carnews.ingest;

/** Told after each input file of a batch, so long runs can show progress. */
@FunctionalInterface
public interface ProgressListener {

  /**
   * One more file is done (read, or skipped).
   *
   * @param filesDone files finished so far
   * @param filesTotal files in the batch
   * @param articlesRead articles handed to the sink so far
   */
  void fileDone(int filesDone, int filesTotal, long articlesRead);

  /**
   * Still inside a large file: called every {@link ArticleSources#PROGRESS_EVERY} articles, so a
   * single big JSON Lines file shows progress too. Ignored unless overridden.
   *
   * @param filesDone files finished so far (the current one not included)
   * @param filesTotal files in the batch
   * @param articlesRead articles handed to the sink so far
   */
  default void reading(int filesDone, int filesTotal, long articlesRead) {}

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return (filesDone, filesTotal, articlesRead) -> {};
  }
}
