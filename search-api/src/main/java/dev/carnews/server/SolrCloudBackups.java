package dev.carnews.server;

import dev.carnews.admin.Backup;
import dev.carnews.admin.IndexBackupService;
import dev.carnews.search.solr.CloudConnection;
import dev.carnews.search.solr.SolrCurationStore;
import dev.carnews.solrcloud.SolrBackups;
import dev.carnews.solrcloud.SolrCollections;
import dev.carnews.solrcloud.SolrCurations;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin backups of a SolrCloud collection: backup points taken through the Collections API into
 * a repository folder on the Solr nodes, the newest {@code keep} kept ({@link SolrBackups}). A
 * point's name in the API is {@code BACKUP/ID}, the backup's name (the collection or alias served)
 * and the point's id, as {@code indexer.jar restore --backup BACKUP --point ID} takes them.
 */
public final class SolrCloudBackups implements IndexBackupService {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCloudBackups.class);

  private final CloudConnection connection;
  private final String collection;
  private final String location;
  private final int keep;
  private final SolrCurationStore curations;
  private final ReentrantLock running = new ReentrantLock();

  public SolrCloudBackups(
      CloudConnection connection, String collection, String location, int keep) {
    this(connection, collection, location, keep, null);
  }

  /**
   * Backups that also carry the editors' curation: its companion collection is backed up right
   * after the articles (a backup named after it), while no decision of this service applies.
   */
  public SolrCloudBackups(
      CloudConnection connection,
      String collection,
      String location,
      int keep,
      SolrCurationStore curations) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + keep);
    }
    this.connection = connection;
    this.collection = collection;
    this.location = location;
    this.keep = keep;
    this.curations = curations;
  }

  @Override
  public Backup create() throws IOException {
    if (!running.tryLock()) {
      throw new BackupBusyException("a backup is being taken; try again when it is done");
    }
    try {
      long start = System.nanoTime();
      SolrBackups.Point point =
          curations == null ? backups().backup(collection, keep) : withCuration();
      LOG.info(
          "Backed up {} articles of {} as point {} of {} in {} ({} bytes) in {} ms",
          point.articles(),
          point.collection(),
          point.id(),
          point.name(),
          location,
          point.bytes(),
          (System.nanoTime() - start) / 1_000_000);
      return toBackup(point);
    } finally {
      running.unlock();
    }
  }

  /** The articles' point, then the curation's, with no decision of this service between them. */
  private SolrBackups.Point withCuration() throws IOException {
    return curations.withoutChanges(
        () -> {
          SolrBackups.Point point = backups().backup(collection, keep);
          String companion = SolrCurations.companionOf(collection);
          if (SolrCollections.exists(connection.client(), companion)) {
            SolrBackups.Point curation = backups().backup(companion, keep);
            LOG.info("Backed up the curation as point {} of {}", curation.id(), curation.name());
          }
          return point;
        });
  }

  @Override
  public List<Backup> list() throws IOException {
    return backups().list(collection).stream().map(SolrCloudBackups::toBackup).toList();
  }

  private SolrBackups backups() throws IOException {
    return new SolrBackups(connection.client(), location, null, Duration.ofHours(2));
  }

  private static Backup toBackup(SolrBackups.Point point) {
    // Solr does not say what one incremental point copied; its size is that of all its files.
    return new Backup(
        point.name() + "/" + point.id(),
        point.created(),
        Math.max(point.articles(), 0),
        point.newestId(),
        point.bytes(),
        point.bytes(),
        point.details());
  }
}
