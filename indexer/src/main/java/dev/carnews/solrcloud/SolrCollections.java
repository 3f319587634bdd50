package dev.carnews.solrcloud;

import dev.carnews.solrconfig.NewsSolrConfigset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Creates the news collection: uploads the configset of the analyzers jar ({@link
 * NewsSolrConfigset}) through the Configsets API and creates the collection with it through the
 * Collections API, then waits until every replica is active.
 */
public final class SolrCollections {

  private SolrCollections() {}

  /**
   * Merges a collection into at most {@code maxSegments} segments per shard (Solr's {@code
   * optimize}, which every replica runs) and waits for it; how long it took. A merge that outlasts
   * one request is asked again (Solr runs one at a time, so the repeated request waits for it)
   * until it answers, up to an hour.
   */
  public static Duration merge(SolrClient client, String collection, int maxSegments)
      throws IOException {
    long start = System.nanoTime();
    new SolrRetries(Duration.ofHours(1))
        .run("merge of " + collection, () -> client.optimize(collection, true, true, maxSegments));
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Uploads (or replaces) the news configset under {@link NewsSolrConfigset#NAME}; {@code false}
   * when a trusted copy uploaded by an administrator is there already and is kept.
   */
  public static boolean uploadConfigset(SolrClient client) throws IOException {
    ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
    upload.setConfigSetName(NewsSolrConfigset.NAME);
    upload.setOverwrite(true);
    upload.setCleanup(true);
    upload.setUploadStream(
        new ContentStreamBase.ByteArrayStream(zip(), "configset.zip", "application/octet-stream"));
    try {
      new SolrRetries(Duration.ofSeconds(30)).run("configset upload", () -> upload.process(client));
      return true;
    } catch (SolrRetries.PermanentFailure e) {
      if (e.getMessage().contains("on a trusted configSet")) {
        // An administrator uploaded it (trusted); an unauthenticated upload may not replace it.
        return false;
      }
      throw e;
    }
  }

  /**
   * Creates {@code collection} with {@code shards} shards of {@code replicas} NRT replicas each on
   * the uploaded configset and waits up to {@code timeout} until all are active.
   */
  public static void create(
      CloudSolrClient client, String collection, int shards, int replicas, Duration timeout)
      throws IOException {
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("shards and replicas must be at least 1");
    }
    new SolrRetries(Duration.ZERO)
        .run(
            "creating collection " + collection,
            () ->
                CollectionAdminRequest.createCollection(
                        collection, NewsSolrConfigset.NAME, shards, replicas)
                    .process(client));
    waitUntilActive(client, collection, shards * replicas, timeout);
  }

  /**
   * Whether the cluster has a collection of this name (not an alias). Asked of the cluster state,
   * since SolrJ's {@code getCollection} fails instead of answering {@code null} for a missing one.
   */
  public static boolean exists(CloudSolrClient client, String collection) {
    return client.getClusterStateProvider().getState(collection) != null;
  }

  /** Waits until {@code collection} has {@code expected} active replicas on live nodes. */
  public static void waitUntilActive(
      CloudSolrClient client, String collection, int expected, Duration timeout)
      throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    String state = "unknown";
    while (System.nanoTime() < end) {
      try {
        DocCollection docs = client.getClusterStateProvider().getCollection(collection);
        int active = activeReplicas(docs, client.getClusterStateProvider().getLiveNodes());
        if (active >= expected) {
          return;
        }
        state = active + " of " + expected + " replicas active";
      } catch (RuntimeException e) {
        state = e.getMessage();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new IOException(
        "collection " + collection + " not active after " + timeout + ": " + state);
  }

  /** Active replicas of a collection on live nodes (0 when unknown). */
  public static int activeReplicas(DocCollection collection, java.util.Set<String> liveNodes) {
    if (collection == null) {
      return 0;
    }
    int active = 0;
    for (Slice slice : collection.getActiveSlices()) {
      for (Replica replica : slice.getReplicas()) {
        if (replica.isActive(liveNodes)) {
          active++;
        }
      }
    }
    return active;
  }

  private static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : NewsSolrConfigset.files().entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
