package dev.carnews.solr;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One Solr node on {@code 127.0.0.1} (Solr's {@link JettySolrRunner}, Jetty 10) serving the core
 * {@link NewsConfigset#NAME} from a solr home laid out by {@link NewsConfigset#writeHome}.
 *
 * <p>Run it in a JVM of its own ({@link #main}); the service runs on Jetty 12 and the two must
 * never share a classpath. The bench starts it with {@code target/node-classpath.txt} (written at
 * {@code package}) plus {@code target/classes}, reads the line {@value #READY} + base URL from its
 * stdout and stops it by closing its stdin. A SolrCloud launcher reuses {@link NewsConfigset} with
 * {@code MiniSolrCloudCluster} instead of this class.
 */
public final class SolrNode implements AutoCloseable {

  /** The line prefix on stdout once the node answers; the base URL follows it. */
  public static final String READY = "solr-node ready at ";

  private final JettySolrRunner jetty;

  private SolrNode(JettySolrRunner jetty) {
    this.jetty = jetty;
  }

  /**
   * Starts a node on {@code port} (0 = any free port) over the solr home {@code home}, which is
   * laid out first unless it has a {@code solr.xml} already (so an index survives a restart).
   */
  public static SolrNode start(Path home, int port) throws Exception {
    if (!Files.exists(home.resolve("solr.xml"))) {
      NewsConfigset.writeHome(home);
    }
    JettyConfig config =
        JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
    JettySolrRunner jetty = new JettySolrRunner(home.toString(), config);
    jetty.start();
    return new SolrNode(jetty);
  }

  /** The node's base URL, {@code http://127.0.0.1:PORT/solr}. */
  public URI baseUrl() {
    return URI.create(jetty.getBaseUrl().toString());
  }

  /** The URL of the news core, for {@code /select} and {@code /update}. */
  public URI coreUrl() {
    return URI.create(baseUrl() + "/" + NewsConfigset.NAME);
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  /**
   * {@code SolrNode [--port N] [--home DIR]}: starts a node (default: any port, a fresh temporary
   * home deleted at the end), prints {@value #READY} and the core's URL, and runs until stdin ends.
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    Path home = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--home" -> home = Path.of(value(args, ++i));
        default -> throw new IllegalArgumentException("usage: SolrNode [--port N] [--home DIR]");
      }
    }
    boolean temporary = home == null;
    Path folder = temporary ? Files.createTempDirectory("solr-node-") : home;
    try (SolrNode node = start(folder, port)) {
      System.out.println(READY + node.coreUrl());
      System.out.flush();
      waitForEndOfInput(System.in);
    } finally {
      if (temporary) {
        deleteTree(folder);
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void waitForEndOfInput(InputStream in) throws IOException {
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // Anything written is ignored; the parent stops the node by closing the stream.
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
