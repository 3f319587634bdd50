package dev.carnews.solrcloud;

import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.RequestStatusState;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.util.NamedList;

/**
 * Backups of a SolrCloud collection through the Collections API (BACKUP, LISTBACKUP, DELETEBACKUP,
 * RESTORE) into a backup repository declared in the nodes' {@code solr.xml} (a folder every node
 * can reach, allowed by {@code solr.allowPaths}). One backup name per collection holds its
 * incremental backup points: a point copies only the index files the earlier points lack, and the
 * oldest points beyond the retention are deleted by Solr ({@code maxNumBackupPoints}).
 *
 * <p>A backup first hard-commits the collection: Solr backs up each shard's last commit point, not
 * its update log, so without the commit the writes acknowledged since the last automatic commit
 * (only soft-committed) would be missing.
 */
public final class SolrBackups {

  /** The extra properties a backup point records about what it holds. */
  private static final String ARTICLES = "articles";

  private static final String NEWEST_ID = "newestId";

  private static final String COLLECTION = "collection";

  private final CloudSolrClient client;
  private final String location;
  private final String repository;
  private final Duration timeout;

  /**
   * @param client a client of the cluster
   * @param location the folder of the repository on the Solr nodes (not on this machine)
   * @param repository the repository's name in {@code solr.xml}, or {@code null} for its default
   * @param timeout how long one backup or restore may take
   */
  public SolrBackups(CloudSolrClient client, String location, String repository, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.location = Objects.requireNonNull(location, "location");
    this.repository = repository;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * One backup point.
   *
   * @param name the backup's name in the repository (the collection or alias backed up)
   * @param id the point's id within the name, increasing
   * @param collection the collection it was taken of
   * @param created when it was started
   * @param articles the articles visible when it was started, all of them in it
   * @param newestId the newest of those articles by publication date, empty when none
   * @param files the index files it refers to
   * @param bytes their size
   * @param details everything else Solr records about it (configset, Lucene version, ...)
   */
  public record Point(
      String name,
      int id,
      String collection,
      Instant created,
      long articles,
      String newestId,
      long files,
      long bytes,
      Map<String, String> details) {

    /** Validates and copies. */
    public Point {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(newestId, "newestId");
      details = Map.copyOf(details);
    }
  }

  /**
   * A restored collection, verified.
   *
   * @param collection the new collection
   * @param from the point restored
   * @param articles the articles the new collection holds
   * @param newestId the newest of them by publication date, empty when none
   */
  public record Restored(String collection, Point from, long articles, String newestId) {}

  /**
   * Backs up every write acknowledged so far to {@code collection} (or the collection an alias of
   * that name points to) as a new point of the backup named like it, then keeps only the newest
   * {@code keep} points.
   */
  public Point backup(String collection, int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + keep);
    }
    SolrRetries retries = new SolrRetries(Duration.ofMinutes(1));
    // The acknowledged writes into the shards' commit points (the backup copies those).
    retries.run("hard commit of " + collection, () -> client.commit(collection, true, true));
    Newest newest = newest(collection);
    Properties extra = new Properties();
    extra.setProperty(ARTICLES, Long.toString(newest.count()));
    extra.setProperty(NEWEST_ID, newest.id());
    // Solr lists a backup's latest collection only: each point records its own.
    extra.setProperty(COLLECTION, client.getClusterStateProvider().resolveSimpleAlias(collection));
    CollectionAdminRequest.Backup backup =
        CollectionAdminRequest.backupCollection(collection, collection)
            .setLocation(location)
            .setIncremental(true)
            .setMaxNumberBackupPoints(keep)
            .setExtraProperties(extra);
    backup.setFollowAliases(true);
    if (repository != null) {
      backup.setRepositoryName(repository);
    }
    await("backup of " + collection, backup);
    List<Point> points = list(collection);
    if (points.isEmpty()) {
      throw new IOException("backup of " + collection + " finished but is not listed");
    }
    return points.get(points.size() - 1);
  }

  /** The points of the backup named {@code name}, oldest first; empty when there is none. */
  public List<Point> list(String name) throws IOException {
    CollectionAdminRequest.ListBackup request =
        CollectionAdminRequest.listBackup(name).setBackupLocation(location);
    if (repository != null) {
      request.setBackupRepository(repository);
    }
    // A read: a dropped connection (a node closing an idle one, one restarting) is tried again.
    Optional<CollectionAdminResponse> response =
        new SolrRetries(Duration.ofMinutes(1))
            .run(
                "listing backup " + name,
                () -> {
                  try {
                    return Optional.of(request.process(client));
                  } catch (SolrServerException | RuntimeException e) {
                    if (saysNoBackup(e)) {
                      return Optional.empty();
                    }
                    throw e;
                  }
                });
    if (response.isEmpty()) {
      return List.of();
    }
    List<Point> points = new ArrayList<>();
    Object backups = response.get().getResponse().get("backups");
    if (backups instanceof List<?> all) {
      for (Object one : all) {
        points.add(point(name, asMap(one)));
      }
    }
    points.sort(Comparator.comparingInt(Point::id));
    return points;
  }

  /** Solr's way of saying the repository holds no backup of that name. */
  private static boolean saysNoBackup(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Number found: 0") || message.contains("No backup name");
  }

  /**
   * Restores a point of backup {@code name} (the newest when {@code id} is empty) into the new
   * collection {@code into}, waits until it is active, and reads its article count and newest
   * article.
   */
  public Restored restore(String name, Optional<Integer> id, String into) throws IOException {
    if (SolrCollections.exists(client, into)
        || !client.getClusterStateProvider().resolveSimpleAlias(into).equals(into)) {
      // Solr would restore over it; a restore never replaces a collection that serves.
      throw new IllegalArgumentException(
          "collection or alias " + into + " exists: restore into a new collection");
    }
    List<Point> points = list(name);
    Optional<Point> chosen =
        id.isEmpty()
            ? points.stream().reduce((first, second) -> second)
            : points.stream().filter(p -> p.id() == id.get()).findFirst();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          id.isEmpty()
              ? "no backup named " + name + " at " + location
              : "no point " + id.get() + " of backup " + name + " at " + location);
    }
    CollectionAdminRequest.Restore restore =
        CollectionAdminRequest.restoreCollection(into, name)
            .setLocation(location)
            .setBackupId(chosen.get().id());
    if (repository != null) {
      restore.setRepositoryName(repository);
    }
    await("restore of " + name + " into " + into, restore);
    SolrCollections.waitUntilActive(client, into, expectedReplicas(into), Duration.ofMinutes(5));
    Newest newest = newest(into);
    return new Restored(into, chosen.get(), newest.count(), newest.id());
  }

  /** The article count of a collection and its newest article's id, as the searchers show. */
  private Newest newest(String collection) throws IOException {
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(1);
    query.setFields(ArticleSchema.ID);
    query.addSort(ArticleSchema.PUBLISHED, SolrQuery.ORDER.desc);
    query.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
    QueryResponse response =
        new SolrRetries(Duration.ofMinutes(1))
            .run("count of " + collection, () -> client.query(collection, query));
    SolrDocumentList docs = response.getResults();
    String id = docs.isEmpty() ? "" : String.valueOf(docs.get(0).getFirstValue(ArticleSchema.ID));
    return new Newest(docs.getNumFound(), id);
  }

  private record Newest(long count, String id) {}

  private int expectedReplicas(String collection) throws IOException {
    var docs = client.getClusterStateProvider().getCollection(collection);
    return docs == null ? 1 : docs.getReplicas().size();
  }

  /**
   * Runs an asynchronous Collections API request and waits for it, failing with Solr's reason. The
   * request is sent under an id of our own, so an answer lost on the way back (a dropped
   * connection) is found by asking for that id instead of sending the request twice; the status
   * polls are reads and are tried again after such failures.
   */
  private void await(String what, CollectionAdminRequest.AsyncCollectionAdminRequest request)
      throws IOException {
    String asyncId = "carnews-" + UUID.randomUUID();
    SolrRetries retries = new SolrRetries(Duration.ofMinutes(1));
    try {
      request.processAsync(asyncId, client);
    } catch (SolrServerException | IOException lost) {
      if (status(retries, what, asyncId).state() == RequestStatusState.NOT_FOUND) {
        retries.run(what, () -> request.processAsync(asyncId, client));
      }
    } catch (RuntimeException e) {
      throw new IOException(what + " failed: " + e.getMessage(), e);
    }
    long end = System.nanoTime() + Math.max(1, timeout.toSeconds()) * 1_000_000_000L;
    while (true) {
      Status status = status(retries, what, asyncId);
      if (status.state() == RequestStatusState.COMPLETED) {
        forget(asyncId);
        return;
      }
      if (status.state() == RequestStatusState.FAILED) {
        forget(asyncId);
        throw new IOException(what + " did not complete: FAILED " + status.reason());
      }
      if (System.nanoTime() > end) {
        throw new IOException(what + " did not complete within " + timeout + ": " + status.state());
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(what + " interrupted", e);
      }
    }
  }

  private record Status(RequestStatusState state, String reason) {}

  private Status status(SolrRetries retries, String what, String asyncId) throws IOException {
    CollectionAdminRequest.RequestStatusResponse response =
        retries.run(
            "status of " + what,
            () -> CollectionAdminRequest.requestStatus(asyncId).process(client));
    Object exception = response.getResponse().get("exception");
    return new Status(
        response.getRequestStatus(), exception == null ? "" : String.valueOf(exception));
  }

  /** Drops a finished request's stored status; a failure here leaves only a stale entry. */
  private void forget(String asyncId) {
    try {
      CollectionAdminRequest.deleteAsyncId(asyncId).process(client);
    } catch (SolrServerException | IOException | RuntimeException e) {
      // Solr keeps finished statuses for a bounded count anyway.
    }
  }

  private static Point point(String name, Map<String, Object> raw) {
    Map<String, String> details = new java.util.TreeMap<>();
    Map<String, Object> extra = Map.of();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      if (entry.getKey().equals("extraProperties")) {
        extra = asMap(entry.getValue());
      } else if (!(entry.getValue() instanceof Map || entry.getValue() instanceof NamedList)) {
        details.put(entry.getKey(), String.valueOf(entry.getValue()));
      }
    }
    if (extra.containsKey(COLLECTION)) {
      details.put(COLLECTION, String.valueOf(extra.get(COLLECTION)));
    }
    String started = details.getOrDefault("startTime", "");
    return new Point(
        name,
        Integer.parseInt(details.getOrDefault("backupId", "0")),
        details.getOrDefault("collection", name),
        started.isEmpty()
            ? Instant.EPOCH
            : Instant.parse(started).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        Long.parseLong(String.valueOf(extra.getOrDefault(ARTICLES, "-1"))),
        String.valueOf(extra.getOrDefault(NEWEST_ID, "")),
        Long.parseLong(details.getOrDefault("indexFileCount", "0")),
        Math.round(Double.parseDouble(details.getOrDefault("indexSizeMB", "0")) * 1024 * 1024),
        details);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    if (value instanceof NamedList<?> named) {
      return ((NamedList<Object>) named).asShallowMap();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    return Map.of();
  }
}
