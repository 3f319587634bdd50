package dev.carnews.solrcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.BaseHttpClusterStateProvider;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.ClusterStateProvider;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.LBSolrClient;
import org.apache.solr.common.util.NamedList;

/**
 * SolrJ's {@link CloudSolrClient} (routing updates to shard leaders, load-balancing queries over
 * live replicas, refreshing the cluster state on failures) over {@link HttpJdkSolrClient}, the
 * client on the JDK's own {@code java.net.http}: SolrJ 9.10 ships its cloud client only on Jetty
 * 10's HTTP client, which must never share a JVM with the service's Jetty 12.
 *
 * <p>The cluster state comes from the nodes' HTTP API (the URLs given; any live one answers), not
 * from ZooKeeper, so clients need no ZooKeeper access.
 */
public final class JdkCloudSolrClient extends CloudSolrClient {

  private final NodeClients nodes;
  private final LoadBalancer balancer;
  private final StateProvider state;

  private JdkCloudSolrClient(NodeClients nodes, StateProvider state) {
    // Updates to leaders, one shard after another on the caller's thread (not SolrJ's pool): an
    // attempt SolrRetries abandons then stops with its thread instead of holding the pool.
    super(true, false, true);
    this.nodes = nodes;
    this.state = state;
    this.balancer = new LoadBalancer(nodes);
  }

  /**
   * A client of the cluster that any of {@code solrUrls} ({@code http://host:8983/solr}) belongs
   * to; fails when none of them answers.
   */
  public static JdkCloudSolrClient connect(List<String> solrUrls) {
    if (solrUrls.isEmpty()) {
      throw new IllegalArgumentException("at least one Solr URL is needed");
    }
    NodeClients nodes = new NodeClients();
    try {
      StateProvider state = new StateProvider(nodes, solrUrls);
      return new JdkCloudSolrClient(nodes, state);
    } catch (Exception e) {
      nodes.close();
      throw new IllegalStateException(
          "no Solr node answered at " + String.join(", ", solrUrls) + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected LBSolrClient getLbClient() {
    return balancer;
  }

  @Override
  public ClusterStateProvider getClusterStateProvider() {
    return state;
  }

  @Override
  public void close() throws IOException {
    try {
      balancer.close();
      state.close();
    } finally {
      nodes.close();
    }
    super.close();
  }

  /** One JDK-based client per node base URL, shared by the balancer and the state provider. */
  private static final class NodeClients {
    private final Map<String, HttpJdkSolrClient> byUrl = new ConcurrentHashMap<>();

    SolrClient get(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      return byUrl.computeIfAbsent(
          baseUrl,
          url ->
              new HttpJdkSolrClient.Builder(url)
                  .withConnectionTimeout(5, TimeUnit.SECONDS)
                  .withRequestTimeout(60, TimeUnit.SECONDS)
                  .build());
    }

    void close() {
      for (HttpJdkSolrClient client : byUrl.values()) {
        try {
          client.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      byUrl.clear();
    }
  }

  /** Round-robin with failover over the replicas the cloud client picks for a request. */
  private static final class LoadBalancer extends LBSolrClient {
    private final NodeClients nodes;

    LoadBalancer(NodeClients nodes) {
      super(List.of());
      this.nodes = nodes;
    }

    @Override
    protected SolrClient getClient(String baseUrl) {
      return nodes.get(baseUrl);
    }

    @Override
    protected SolrClient getClient(Endpoint endpoint) {
      return nodes.get(endpoint.getBaseUrl());
    }
  }

  /** Live nodes and collection layouts from the nodes' {@code CLUSTERSTATUS} API. */
  private static final class StateProvider extends BaseHttpClusterStateProvider {
    private final NodeClients nodes;

    StateProvider(NodeClients nodes, List<String> solrUrls) throws Exception {
      this.nodes = nodes;
      initConfiguredNodes(solrUrls);
    }

    @Override
    protected SolrClient getSolrClient(String baseUrl) {
      // The provider closes what it gets after each call: lend the shared client, never close it.
      SolrClient shared = nodes.get(baseUrl);
      return new SolrClient() {
        @Override
        public NamedList<Object> request(SolrRequest<?> request, String collection)
            throws SolrServerException, IOException {
          return shared.request(request, collection);
        }

        @Override
        public void close() {}
      };
    }
  }
}
