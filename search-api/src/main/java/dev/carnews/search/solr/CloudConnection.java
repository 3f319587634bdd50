package dev.carnews.search.solr;

import dev.carnews.search.ArchiveUnavailableException;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * The service's connection to its SolrCloud, made on first use and tried again (at most once a
 * second) until a node answers: a service started before its cluster waits for it, answering 503
 * and saying so on {@code /health}, instead of failing to start.
 */
public final class CloudConnection implements Closeable {

  private static final long RETRY_NANOS = 1_000_000_000L;

  private final List<String> solrUrls;
  private volatile JdkCloudSolrClient client;
  private long lastAttempt;
  private String lastFailure = "not connected yet";

  /** A connection to the cluster of these node base URLs; nothing is contacted yet. */
  public CloudConnection(List<String> solrUrls) {
    this.solrUrls = List.copyOf(solrUrls);
  }

  /**
   * The connected client.
   *
   * @throws ArchiveUnavailableException while no node answers
   */
  public JdkCloudSolrClient client() throws ArchiveUnavailableException {
    JdkCloudSolrClient connected = client;
    if (connected != null) {
      return connected;
    }
    synchronized (this) {
      if (client == null && (lastAttempt == 0 || System.nanoTime() - lastAttempt > RETRY_NANOS)) {
        lastAttempt = System.nanoTime();
        try {
          client = JdkCloudSolrClient.connect(solrUrls);
        } catch (RuntimeException e) {
          lastFailure = e.getMessage();
        }
      }
      if (client == null) {
        throw new ArchiveUnavailableException(
            "the search cluster is not reachable yet (" + String.join(",", solrUrls) + ")", null);
      }
      return client;
    }
  }

  /** Why the last attempt failed, for {@code /health}. */
  public synchronized String lastFailure() {
    return lastFailure;
  }

  @Override
  public void close() throws IOException {
    JdkCloudSolrClient connected = client;
    if (connected != null) {
      connected.close();
    }
  }
}
