package dev.carnews.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opening input files, transparently gunzipping {@code .gz} ones. */
public final class InputFiles {

  private InputFiles() {}

  /** The file name in lower case, for suffix checks. */
  static String lowerName(Path file) {
    Path name = file.getFileName();
    return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
  }

  /** The raw bytes, gunzipped when the name ends in {@code .gz}. */
  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (lowerName(file).endsWith(".gz")) {
      try {
        return new GZIPInputStream(in, 64 * 1024);
      } catch (IOException e) {
        in.close();
        throw new IOException("not a readable gzip file: " + e.getMessage(), e);
      }
    }
    return in;
  }

  /** The most a single page may take once unzipped; past it the file is refused, not read. */
  static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

  /**
   * All bytes of a single-article file, gunzipped when needed.
   *
   * @throws IOException also when the content is larger than {@link #MAX_PAGE_BYTES}
   */
  public static byte[] readAllBytes(Path file) throws IOException {
    try (InputStream in = open(file)) {
      byte[] bytes = in.readNBytes(MAX_PAGE_BYTES + 1);
      if (bytes.length > MAX_PAGE_BYTES) {
        throw new IOException(
            "larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB: not a single page");
      }
      return bytes;
    }
  }

  /**
   * A UTF-8 reader; malformed bytes become U+FFFD instead of failing the whole file, since one bad
   * byte should not lose every article in it.
   */
  static BufferedReader utf8Reader(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8));
  }
}
