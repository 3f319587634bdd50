package dev.carnews.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the articles of one source format. One implementation per format. */
public interface ArticleReader {

  /** Whether this reader handles the file, judged by its name. */
  boolean accepts(Path file);

  /**
   * Reads every article in the file and hands it to the sink. A bad record is reported with {@link
   * ArticleSink#skipped} and reading goes on; only a file that cannot be read at all throws.
   */
  void read(Path file, ReadOptions options, ArticleSink sink) throws IOException;
}
