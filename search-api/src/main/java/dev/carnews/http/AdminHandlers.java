package dev.carnews.http;

import dev.carnews.admin.Backup;
import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.IndexBackupService.BackupBusyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The admin routes ({@code POST /api/admin/backups}, {@code GET /api/admin/backups}): the same keys
 * as writes, and answers that are never cached.
 */
final class AdminHandlers {

  private final Optional<IndexBackupService> backups;
  private final ApiKeys keys;

  AdminHandlers(Optional<IndexBackupService> backups, ApiKeys keys) {
    this.backups = backups;
    this.keys = keys;
  }

  /**
   * The list of backups.
   *
   * @param backups the backups, oldest first
   */
  record BackupList(List<Backup> backups) {
    BackupList {
      backups = List.copyOf(backups);
    }
  }

  void create(Context ctx) throws IOException {
    IndexBackupService service = authorized(ctx);
    Backup backup;
    try {
      backup = service.create();
    } catch (BackupBusyException e) {
      throw new ApiException(409, "backup_running", e.getMessage());
    }
    ctx.status(201).json(backup);
  }

  void list(Context ctx) throws IOException {
    ctx.json(new BackupList(authorized(ctx).list()));
  }

  private IndexBackupService authorized(Context ctx) {
    keys.authorize(ctx);
    return backups.orElseThrow(
        () ->
            new ApiException(
                403,
                "backups_disabled",
                "backups are disabled: start the service with --backup-dir DIR"));
  }
}
