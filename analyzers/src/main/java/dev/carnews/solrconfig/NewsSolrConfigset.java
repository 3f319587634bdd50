package dev.carnews.solrconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The news archive's configset for SolrCloud ({@code schema.xml}, {@code solrconfig.xml}): the same
 * fields and analysis as the service's {@code ArticleSchema}, through this jar's factories. Upload
 * it under {@link #NAME} (the indexer's {@code collection-create} does) with this jar on every Solr
 * node's classpath.
 */
public final class NewsSolrConfigset {

  /** The name the configset is uploaded under. */
  public static final String NAME = "carnews-news";

  /** The configset's files, as named in the configset. */
  public static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

  private static final String FOLDER = "configset-news/";

  private NewsSolrConfigset() {}

  /** Each file's bytes by name, in {@link #FILES} order. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String file : FILES) {
      try (InputStream in = open(file)) {
        files.put(file, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Writes the configset's files into {@code folder} (created if missing); returns it. */
  public static Path writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String file : FILES) {
      try (InputStream in = open(file)) {
        Files.copy(in, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return folder;
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = NewsSolrConfigset.class.getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IOException("missing configset resource " + FOLDER + file);
    }
    return in;
  }
}
