package dev.carnews.server;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.NewsArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index folder the service serves: the index, its group committer, the archive that searches it
 * and the store that writes to it. Requests use it under a read lock of {@link #use}; retiring it
 * (after a reindex switched the service to another) waits for them, so no request finds it closed.
 */
final class ServedIndex {

  private static final Logger LOG = LoggerFactory.getLogger(ServedIndex.class);

  final Path folder;
  final ArticleIndex index;
  final GroupCommitter committer;
  final NewsArchive archive;
  final ArticleStore store;

  /**
   * Added to the versions this index reports, so the versions of a later served index are all newer
   * than those of the one before it (caches and ETags never take one for the other).
   */
  private final IndexVersion base;

  final ReentrantReadWriteLock use = new ReentrantReadWriteLock();
  volatile boolean retired;

  ServedIndex(
      Path folder,
      ArticleIndex index,
      GroupCommitter committer,
      NewsArchive archive,
      IndexVersion base) {
    this.folder = folder;
    this.index = index;
    this.committer = committer;
    this.archive = archive;
    this.store = ArticleStore.of(index, committer);
    this.base = base;
  }

  /** The version the service reports for this index's current state. */
  IndexVersion version() throws IOException {
    return served(base, archive.version());
  }

  /** The version the service reports for an index's own version {@code raw} above {@code base}. */
  static IndexVersion served(IndexVersion base, IndexVersion raw) {
    return new IndexVersion(base.generation() + raw.generation(), base.version() + raw.version());
  }

  /** A base for the index served after this one: above every version this one reported. */
  IndexVersion next() throws IOException {
    IndexVersion now = version();
    return new IndexVersion(now.generation() + 1, now.version() + 1);
  }

  /** Waits until no request uses this index, then closes it; later requests pass it by. */
  void retire() {
    use.writeLock().lock();
    try {
      retired = true;
    } finally {
      use.writeLock().unlock();
    }
    close();
  }

  void close() {
    committer.close();
    try {
      index.close();
    } catch (IOException e) {
      LOG.error("Closing the index in {} failed", folder, e);
    }
  }
}
