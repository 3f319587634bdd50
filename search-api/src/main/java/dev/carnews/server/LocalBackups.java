package dev.carnews.server;

import dev.carnews.admin.Backup;
import dev.carnews.admin.IndexBackupService;
import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin backups of the local index: into one repository, keeping the newest {@code keep}. */
final class LocalBackups implements IndexBackupService {

  private static final Logger LOG = LoggerFactory.getLogger(LocalBackups.class);

  private final LiveIndex live;
  private final IndexBackups repository;
  private final int keep;
  private final ReentrantLock running = new ReentrantLock();

  LocalBackups(LiveIndex live, IndexBackups repository, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, was " + keep);
    }
    this.live = live;
    this.repository = repository;
    this.keep = keep;
  }

  @Override
  public Backup create() throws IOException {
    if (!running.tryLock()) {
      throw new BackupBusyException("a backup is being taken; try again when it is done");
    }
    try {
      long start = System.nanoTime();
      // The served index stays open until its backup is done, even if a reindex switches meanwhile.
      BackupInfo info = live.read(served -> served.index.backup(repository, keep));
      LOG.info(
          "Backed up {} articles to {} ({} bytes, {} copied) in {} ms",
          info.articles(),
          repository.folderOf(info),
          info.bytes(),
          info.copiedBytes(),
          (System.nanoTime() - start) / 1_000_000);
      return toBackup(info);
    } catch (IndexBackups.RepositoryBusyException e) {
      throw new BackupBusyException(e.getMessage());
    } finally {
      running.unlock();
    }
  }

  @Override
  public List<Backup> list() throws IOException {
    return repository.list().stream().map(LocalBackups::toBackup).toList();
  }

  private static Backup toBackup(BackupInfo info) {
    return new Backup(
        info.name(),
        info.created(),
        info.articles(),
        info.newestId(),
        info.bytes(),
        info.copiedBytes(),
        info.userData());
  }
}
