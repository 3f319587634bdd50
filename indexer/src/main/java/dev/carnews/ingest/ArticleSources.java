package dev.carnews.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a batch of files and folders: walks folders recursively in sorted order, picks the reader
 * for each file by its name, and reports what it cannot read (unsupported types, missing, empty or
 * broken files) as skipped with the reason. One bad file never stops the batch.
 */
public final class ArticleSources {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleSources.class);

  /** How many articles between two {@link ProgressListener#reading} calls. */
  public static final int PROGRESS_EVERY = 1_000;

  private final List<ArticleReader> readers;

  /** Reads with the given readers; the first that accepts a file reads it. */
  public ArticleSources(List<ArticleReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** JSON Lines, HTML and page-text readers. */
  public static ArticleSources standard() {
    return new ArticleSources(
        List.of(
            new JsonLinesArticleReader(), new HtmlArticleReader(), new PageTextArticleReader()));
  }

  /** The reader for a file, judged by its name. */
  public Optional<ArticleReader> readerFor(Path file) {
    return readers.stream().filter(reader -> reader.accepts(file)).findFirst();
  }

  /**
   * Reads every article under {@code paths} into {@code sink}.
   *
   * @param paths files and folders, read in the order given; folders walked in sorted order
   * @param progress told after each file
   */
  public void read(
      List<Path> paths, ReadOptions options, ArticleSink sink, ProgressListener progress) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        walk(path, files, sink);
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        sink.skipped(path.toString(), "no such file or folder");
      }
    }
    int[] done = {0};
    CountingSink counting =
        new CountingSink(
            new ArticleSink() {
              private long accepted;

              @Override
              public void accept(Article article) {
                sink.accept(article);
                accepted++;
                if (accepted % PROGRESS_EVERY == 0) {
                  progress.reading(done[0], files.size(), accepted);
                }
              }

              @Override
              public void skipped(String location, String reason) {
                sink.skipped(location, reason);
              }
            });
    for (Path file : files) {
      readOne(file, options, counting);
      done[0]++;
      progress.fileDone(done[0], files.size(), counting.accepted());
    }
  }

  private void readOne(Path file, ReadOptions options, CountingSink sink) {
    Optional<ArticleReader> reader = readerFor(file);
    if (reader.isEmpty()) {
      sink.skipped(
          file.toString(),
          "unsupported file type (expected .jsonl, .jsonl.gz, .html, .htm, .html.gz or .txt)");
      return;
    }
    long acceptedBefore = sink.accepted();
    int skippedBefore = sink.skippedCount();
    try {
      if (Files.size(file) == 0) {
        sink.skipped(file.toString(), "empty file");
        return;
      }
      reader.get().read(file, options, sink);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("cannot read {}", file, e);
      sink.skipped(file.toString(), "unreadable: " + describe(e));
      return;
    } catch (RuntimeException e) {
      LOG.warn("reader failed on {}", file, e);
      sink.skipped(file.toString(), "reader failed: " + describe(e));
      return;
    }
    if (sink.accepted() == acceptedBefore && sink.skippedCount() == skippedBefore) {
      sink.skipped(file.toString(), "no articles in file");
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static void walk(Path folder, List<Path> into, ArticleSink sink) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              sink.skipped(file.toString(), "unreadable: " + describe(e));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      sink.skipped(folder.toString(), "cannot walk folder: " + describe(e));
    }
    found.sort(null);
    into.addAll(found);
  }
}
