package dev.carnews.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * Where an index's bytes go: megabytes per file extension of the last commit, with the files inside
 * compound files counted under their own extensions ({@code fdt} stored fields, {@code pos}
 * positions, {@code pay} offsets, {@code tim} terms, {@code dvd} doc values...).
 */
final class IndexFiles {

  private IndexFiles() {}

  /** Megabytes per extension, sorted by extension. */
  static Map<String, Double> byExtension(Path folder) throws IOException {
    Map<String, Double> sizes = new TreeMap<>();
    try (FSDirectory directory = FSDirectory.open(folder)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
      for (SegmentCommitInfo segment : infos) {
        if (segment.info.getUseCompoundFile()) {
          try (Directory compound =
              segment
                  .info
                  .getCodec()
                  .compoundFormat()
                  .getCompoundReader(directory, segment.info, IOContext.READONCE)) {
            add(compound, compound.listAll(), sizes);
          }
          for (String file : segment.files()) {
            if (!file.endsWith(".cfs") && !file.endsWith(".cfe")) {
              add(directory, new String[] {file}, sizes);
            }
          }
        } else {
          add(directory, segment.files().toArray(String[]::new), sizes);
        }
      }
    }
    sizes.replaceAll((extension, mb) -> Math.round(mb * 100) / 100.0);
    return sizes;
  }

  private static void add(Directory directory, String[] files, Map<String, Double> sizes)
      throws IOException {
    for (String file : files) {
      int dot = file.lastIndexOf('.');
      String extension = dot < 0 ? file : file.substring(dot + 1);
      sizes.merge(extension, directory.fileLength(file) / 1e6, Double::sum);
    }
  }

  /** Copies an index folder's files (not its write lock) into {@code target}; returns it. */
  static Path copy(Path folder, Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file) && !file.getFileName().toString().equals("write.lock")) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
    return target;
  }

  /** Deletes a folder made by {@link #copy} and its files. */
  static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(folder);
  }
}
