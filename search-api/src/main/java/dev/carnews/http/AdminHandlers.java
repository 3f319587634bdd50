package dev.carnews.http;

import dev.carnews.admin.Backup;
import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.IndexBackupService.BackupBusyException;
import dev.carnews.admin.ReindexService;
import dev.carnews.admin.ReindexService.ReindexBusyException;
import dev.carnews.admin.ReindexService.ReindexRefusedException;
import dev.carnews.admin.ReindexStatus;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The admin routes ({@code POST} and {@code GET /api/admin/backups}, {@code POST} and {@code GET
 * /api/admin/reindex}): the same keys as writes, and answers that are never cached.
 */
final class AdminHandlers {

  private final Optional<IndexBackupService> backups;
  private final Optional<ReindexService> reindex;
  private final ApiKeys keys;

  AdminHandlers(
      Optional<IndexBackupService> backups, Optional<ReindexService> reindex, ApiKeys keys) {
    this.backups = backups;
    this.reindex = reindex;
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

  void startReindex(Context ctx) throws IOException {
    ReindexService service = reindexing(ctx);
    ReindexStatus started;
    try {
      started = service.start();
    } catch (ReindexBusyException e) {
      throw new ApiException(409, "reindex_running", e.getMessage());
    } catch (ReindexRefusedException e) {
      throw new ApiException(409, "reindex_needs_alias", e.getMessage());
    }
    ctx.status(202).json(started);
  }

  void reindexStatus(Context ctx) {
    ctx.json(reindexing(ctx).status());
  }

  private ReindexService reindexing(Context ctx) {
    keys.authorize(ctx);
    return reindex.orElseThrow(
        () ->
            new ApiException(
                403,
                "reindex_disabled",
                "reindexing is not enabled for this service; on SolrCloud, reindex with"
                    + " indexer.jar collection-reindex --alias NAME"));
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
