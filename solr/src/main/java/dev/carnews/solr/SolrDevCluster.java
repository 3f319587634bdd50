package dev.carnews.solr;

import dev.carnews.solrconfig.NewsSolrConfigset;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud for trying the service and for the integration tests: ZooKeeper and N Solr
 * nodes ({@link MiniSolrCloudCluster}, Jetty 10) in one JVM of their own; with {@code
 * --collection}, the news configset uploaded under {@link NewsSolrConfigset#NAME} and a collection
 * created on it (otherwise the indexer's {@code collection-create} does both); with {@code
 * --backup-dir}, a file system backup repository for the Collections API's BACKUP and RESTORE.
 *
 * <p>{@code SolrDevCluster [--nodes N] [--port P] [--dir DIR] [--collection NAME --shards S
 * --replicas R] [--backup-dir DIR]}: node i listens on {@code P + i} (P = 0: any free ports). It
 * prints one line {@value #READY} followed by {@code zk=HOST:PORT solr=URL,URL...} and runs until
 * killed. With {@code --control} (tests) it reads commands from stdin instead, one per line,
 * answering each with one line: {@code stop I} (stops node I), {@code start I} (restarts it on its
 * port), {@code urls}; and it shuts down when stdin ends.
 */
public final class SolrDevCluster {

  /** The prefix of the line printed once the cluster answers. */
  public static final String READY = "solr-dev ready ";

  /**
   * The {@code <backup>} section of every node's {@code solr.xml} with {@code --backup-dir}: Solr's
   * local file system repository, the default of the Collections API's BACKUP and RESTORE. All
   * nodes of this cluster share one machine, so they share the folder, as a repository must be
   * shared by every node (a network drive in production).
   */
  static final String BACKUP_REPOSITORY =
      "  <backup>\n"
          + "    <repository name=\"local\""
          + " class=\"org.apache.solr.core.backup.repository.LocalFileSystemRepository\""
          + " default=\"true\"/>\n"
          + "  </backup>\n";

  private static boolean stopped;

  private SolrDevCluster() {}

  /** Runs the cluster until stdin ends. */
  public static void main(String[] args) throws Exception {
    int nodes = 2;
    int port = 0;
    Path dir = null;
    String collection = null;
    int shards = 2;
    int replicas = 2;
    boolean control = false;
    Path backups = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodes = Integer.parseInt(value(args, ++i));
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--dir" -> dir = Path.of(value(args, ++i));
        case "--collection" -> collection = value(args, ++i);
        case "--shards" -> shards = Integer.parseInt(value(args, ++i));
        case "--replicas" -> replicas = Integer.parseInt(value(args, ++i));
        case "--control" -> control = true;
        case "--backup-dir" -> backups = Path.of(value(args, ++i)).toAbsolutePath();
        default ->
            throw new IllegalArgumentException(
                "usage: solr-dev [--nodes N] [--port P] [--dir DIR]"
                    + " [--collection NAME --shards S --replicas R] [--backup-dir DIR]");
      }
    }
    boolean temporary = dir == null;
    Path base = temporary ? Files.createTempDirectory("solr-dev-") : dir;
    PrintStream out = System.out;
    String solrXml = MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML;
    if (backups != null) {
      Files.createDirectories(backups);
      // The nodes may read and write backups only under the allowed paths.
      System.setProperty("solr.allowPaths", backups.toString());
      solrXml = solrXml.replace("</solr>", BACKUP_REPOSITORY + "</solr>");
    }
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster(0, base, solrXml, JettyConfig.builder().build());
    Path temporaryBase = temporary ? base : null;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster, temporaryBase)));
    try {
      for (int i = 0; i < nodes; i++) {
        JettyConfig config =
            JettyConfig.builder().setPort(port == 0 ? 0 : port + i).stopAtShutdown(true).build();
        cluster.startJettySolrRunner("node" + i, "/solr", config);
      }
      cluster.waitForAllNodes(60);
      if (collection != null) {
        // Without a collection the indexer's collection-create uploads the configset itself.
        cluster.uploadConfigSet(
            NewsSolrConfigset.writeTo(base.resolve("configset")), NewsSolrConfigset.NAME);
        CollectionAdminRequest.createCollection(
                collection, NewsSolrConfigset.NAME, shards, replicas)
            .process(cluster.getSolrClient());
        cluster.waitForActiveCollection(collection, shards, shards * replicas);
      }
      out.println(READY + "zk=" + cluster.getZkServer().getZkAddress() + " solr=" + urls(cluster));
      out.flush();
      if (control) {
        serve(cluster, out);
      } else {
        // From a shell (possibly in the background): never touch stdin, run until killed.
        Thread.sleep(Long.MAX_VALUE);
      }
    } finally {
      stop(cluster, temporary ? base : null);
    }
  }

  private static void serve(MiniSolrCloudCluster cluster, PrintStream out) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<JettySolrRunner> nodes = new ArrayList<>(cluster.getJettySolrRunners());
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] words = line.strip().split("\\s+");
      try {
        switch (words[0]) {
          case "stop" -> {
            JettySolrRunner node = nodes.get(Integer.parseInt(words[1]));
            cluster.stopJettySolrRunner(node);
            cluster.waitForJettyToStop(node);
            out.println("stopped " + words[1]);
          }
          case "start" -> {
            JettySolrRunner node = nodes.get(Integer.parseInt(words[1]));
            cluster.startJettySolrRunner(node, true);
            cluster.waitForNode(node, 60);
            out.println("started " + words[1]);
          }
          case "urls" -> out.println("urls " + urls(cluster));
          default -> out.println("error unknown command " + words[0]);
        }
      } catch (Exception e) {
        out.println("error " + e);
      }
      out.flush();
    }
  }

  private static String urls(MiniSolrCloudCluster cluster) {
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner node : cluster.getJettySolrRunners()) {
      if (node.isRunning()) {
        urls.add(node.getBaseUrl().toString());
      }
    }
    return String.join(",", urls);
  }

  private static synchronized void stop(MiniSolrCloudCluster cluster, Path delete) {
    try {
      if (!stopped) {
        stopped = true;
        cluster.shutdown();
        if (delete != null) {
          deleteTree(delete);
        }
      }
    } catch (Exception e) {
      System.err.println("solr-dev: shutdown failed: " + e);
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void deleteTree(Path folder) throws Exception {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
