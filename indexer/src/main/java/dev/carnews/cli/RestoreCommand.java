package dev.carnews.cli;

import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrBackups;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code restore}: a backup copied into an empty folder, then verified before it is served; with
 * {@code --solr URL[,URL...] --collection NEW}, a backup point of a collection restored into a new
 * collection through the Collections API, then its article count and newest article read.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restores a backup into an empty index folder and verifies it (CheckIndex, article count,"
            + " newest article). With --solr and --collection, restores a collection's backup"
            + " point into a new collection.")
public final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOrCollection index;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description =
          "one backup's folder, or a backup repository (then its newest backup); with --solr,"
              + " the repository folder on the Solr nodes")
  Path from;

  @Option(
      names = "--backup",
      paramLabel = "NAME",
      description =
          "with a repository in --from: the backup to restore instead of the newest; with --solr"
              + " (required): the backup's name, i.e. the collection or alias backed up")
  String name;

  @Option(
      names = "--point",
      paramLabel = "ID",
      description = "with --solr: the backup point to restore (default: the newest)")
  Integer point;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (index.onSolr(spec.commandLine())) {
      return restoreCollection(out);
    }
    Path backup = from;
    if (!IndexBackups.isBackup(from)) {
      IndexBackups repository = IndexBackups.at(from);
      Optional<BackupInfo> chosen =
          name == null
              ? repository.latest()
              : repository.list().stream().filter(b -> b.name().equals(name)).findFirst();
      if (chosen.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(name == null ? "No backups in " + from : "No backup " + name + " in " + from);
        return 2;
      }
      backup = repository.folderOf(chosen.get());
    }
    long start = System.nanoTime();
    BackupInfo restored;
    try {
      restored = IndexBackups.restore(backup, index.path);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Restore failed: " + e.getMessage());
      return 1;
    }
    out.printf(
        Locale.ROOT,
        "Restored %s into %s: %,d articles, newest %s, CheckIndex clean, in %.1f s%n",
        restored.name(),
        index.path,
        restored.articles(),
        restored.newest().orElse("(none)"),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private int restoreCollection(PrintWriter out) throws Exception {
    if (name == null) {
      spec.commandLine()
          .getErr()
          .println("--backup NAME is needed with --solr: the collection or alias backed up");
      return 2;
    }
    long start = System.nanoTime();
    SolrBackups.Restored restored;
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(index.solr)) {
      restored =
          new SolrBackups(client, from.toString(), null, Duration.ofHours(2))
              .restore(name, Optional.ofNullable(point), index.collection);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    } catch (IOException e) {
      spec.commandLine().getErr().println("Restore failed: " + e.getMessage());
      return 1;
    }
    out.printf(
        Locale.ROOT,
        "Restored point %d of backup %s into collection %s: %,d articles (%,d when backed up),"
            + " newest %s, in %.1f s%n",
        restored.from().id(),
        name,
        restored.collection(),
        restored.articles(),
        restored.from().articles(),
        restored.newestId().isEmpty() ? "(none)" : restored.newestId(),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
