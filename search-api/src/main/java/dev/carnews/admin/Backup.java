package dev.carnews.admin;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One backup of the index, as the admin API shows it.
 *
 * @param name the backup's folder in the repository
 * @param created when it was taken
 * @param articles how many articles it holds
 * @param newestId the id of its newest article, empty when it holds none
 * @param bytes the size of its files
 * @param copiedBytes the bytes copied for it; the rest is shared with earlier backups
 * @param versions the schema and model versions recorded in the index
 */
public record Backup(
    String name,
    Instant created,
    long articles,
    String newestId,
    long bytes,
    long copiedBytes,
    Map<String, String> versions) {

  /** Validates and copies. */
  public Backup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(newestId, "newestId");
    versions = Map.copyOf(versions);
  }
}
