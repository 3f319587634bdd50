package dev.carnews.cli;

import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backups}: the backups of a repository, oldest first. */
@Command(
    name = "backups",
    mixinStandardHelpOptions = true,
    description = "Lists the backups of a backup repository: time, article count and size.")
public final class BackupsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"--in", "--to"},
      required = true,
      paramLabel = "DIR",
      description = "backup repository")
  Path repository;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<BackupInfo> backups = IndexBackups.at(repository).list();
    if (backups.isEmpty()) {
      out.println("No backups in " + repository);
      return 0;
    }
    out.printf(
        Locale.ROOT, "%-32s %-24s %12s %10s %10s%n", "name", "time", "articles", "MB", "MB new");
    for (BackupInfo backup : backups) {
      out.printf(
          Locale.ROOT,
          "%-32s %-24s %,12d %10.1f %10.1f%n",
          backup.name(),
          backup.created(),
          backup.articles(),
          backup.bytes() / 1e6,
          backup.copiedBytes() / 1e6);
    }
    return 0;
  }
}
