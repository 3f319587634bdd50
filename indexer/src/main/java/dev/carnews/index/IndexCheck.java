package dev.carnews.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Checks an index folder before it is served, so a damaged index is reported instead of answering
 * wrong results or failing request by request.
 */
public final class IndexCheck {

  private IndexCheck() {}

  /**
   * Verifies the index in a folder with Lucene's {@link CheckIndex}. A missing or empty folder is
   * fine (a new index will be created there).
   *
   * @param folder the index folder
   * @param full {@code true} for every structural check (slow on big indexes), {@code false} to
   *     verify the checksum of every file only
   * @throws CorruptIndexFolderException when the index cannot be read or a check fails
   * @throws IOException when the folder cannot be read at all
   */
  public static void verify(Path folder, boolean full) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Directory directory = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(directory)) {
        return;
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      CheckIndex.Status status;
      try (CheckIndex checker = new CheckIndex(directory)) {
        checker.setChecksumsOnly(!full);
        checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        status = checker.checkIndex();
      } catch (IOException | RuntimeException e) {
        throw new CorruptIndexFolderException(folder, e.toString(), e);
      }
      if (!status.clean) {
        throw new CorruptIndexFolderException(folder, summary(status, log), null);
      }
    }
  }

  private static String summary(CheckIndex.Status status, ByteArrayOutputStream log) {
    if (status.missingSegments) {
      return "the segments file is missing or unreadable";
    }
    String text = log.toString(StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.contains("FAILED") || line.contains("ERROR")) {
        return line.strip();
      }
    }
    return status.numBadSegments + " broken segment(s) of " + status.numSegments;
  }

  /** An index folder that must not be served. */
  public static final class CorruptIndexFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptIndexFolderException(Path folder, String problem, Throwable cause) {
      super(
          "the index at "
              + folder.toAbsolutePath()
              + " is corrupt ("
              + problem
              + "); refusing to serve it. Restore it from a backup or re-index into a new folder.",
          cause);
    }
  }
}
