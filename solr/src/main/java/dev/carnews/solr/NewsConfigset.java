package dev.carnews.solr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The news configset ({@code schema.xml}, {@code solrconfig.xml}) and the node's {@code solr.xml},
 * shipped as resources of this module and written out where Solr wants them: into a core's {@code
 * conf/} folder for one node, or into any folder for SolrCloud ({@code
 * MiniSolrCloudCluster.Builder.addConfig("news", NewsConfigset.writeTo(dir))}).
 */
public final class NewsConfigset {

  /** The configset's name, also the core's (one node) or collection's (SolrCloud) name. */
  public static final String NAME = "news";

  private static final String RESOURCES = "/dev/carnews/solr/";
  private static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

  private NewsConfigset() {}

  /** Writes the configset's files into {@code conf} (created if missing); returns {@code conf}. */
  public static Path writeTo(Path conf) throws IOException {
    Files.createDirectories(conf);
    for (String file : FILES) {
      copy("configset/" + file, conf.resolve(file));
    }
    return conf;
  }

  /**
   * Lays out a solr home with {@code solr.xml} and one core named {@link #NAME} using this
   * configset, found by core discovery when the node starts.
   */
  public static void writeHome(Path home) throws IOException {
    Files.createDirectories(home);
    copy("solr.xml", home.resolve("solr.xml"));
    Path core = home.resolve(NAME);
    writeTo(core.resolve("conf"));
    Files.writeString(
        core.resolve("core.properties"), "name=" + NAME + "\n", StandardCharsets.UTF_8);
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = NewsConfigset.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing resource " + resource));
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
