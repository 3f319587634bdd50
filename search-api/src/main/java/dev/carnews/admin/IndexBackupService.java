package dev.carnews.admin;

import java.io.IOException;
import java.util.List;

/**
 * Backs up the index the service writes to, while it keeps answering and writing. Implemented over
 * the local index; the HTTP layer sees only this.
 */
public interface IndexBackupService {

  /**
   * Takes a backup of every write acknowledged so far, then drops the oldest beyond the retention.
   *
   * @throws BackupBusyException when another backup is being taken
   * @throws IOException when the backup cannot be written; the earlier ones stay as they were
   */
  Backup create() throws IOException;

  /** The backups of the repository, oldest first. */
  List<Backup> list() throws IOException;

  /** Thrown when a backup is asked for while another one runs. */
  final class BackupBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public BackupBusyException(String message) {
      super(message);
    }
  }
}
