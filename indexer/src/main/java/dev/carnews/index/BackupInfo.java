package dev.carnews.index;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One complete backup of the index: a folder that is itself a readable Lucene index, and what its
 * manifest says about it.
 *
 * @param name the backup's folder name in its repository ({@code backup-20261206T201502.123Z})
 * @param created when the backup was taken (after its commit point)
 * @param generation the Lucene commit generation it copies
 * @param articles how many articles the commit holds
 * @param newestId the id of the newest article, empty when the index is empty
 * @param newestPublished when the newest article was published (epoch ms), -1 when unknown
 * @param bytes the size of the index files of the backup
 * @param copiedBytes the bytes copied for it; the rest is shared with earlier backups
 * @param userData the commit's user data (schema and model versions)
 */
public record BackupInfo(
    String name,
    Instant created,
    long generation,
    long articles,
    String newestId,
    long newestPublished,
    long bytes,
    long copiedBytes,
    Map<String, String> userData) {

  /** Validates and copies. */
  public BackupInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(newestId, "newestId");
    userData = Map.copyOf(userData);
  }

  /** The newest article's id, when the backup holds any article. */
  public Optional<String> newest() {
    return newestId.isEmpty() ? Optional.empty() : Optional.of(newestId);
  }
}
