package dev.carnews.cli;

import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code restore}: a backup copied into an empty folder, then verified before it is served. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restores a backup into an empty index folder and verifies it (CheckIndex, article count,"
            + " newest article).")
public final class RestoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "one backup's folder, or a backup repository (then its newest backup)")
  Path from;

  @Option(
      names = "--backup",
      paramLabel = "NAME",
      description = "with a repository in --from: the backup to restore instead of the newest")
  String name;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
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
}
