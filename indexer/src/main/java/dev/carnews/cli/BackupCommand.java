package dev.carnews.cli;

import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup}: a consistent copy of the index's last commit point into a backup repository, safe
 * while the running service writes to the index. It takes no write lock: the service holds it, and
 * every write the service acknowledged is in its last commit.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Backs up the last commit of an index into a backup repository, safe while the service"
            + " writes to it; files an earlier backup holds are linked, not copied.")
public final class BackupCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "backup repository: one folder per backup is made in it")
  Path to;

  @Option(
      names = "--keep",
      paramLabel = "N",
      description = "backups kept, the newest; older ones are deleted (default: ${DEFAULT-VALUE})")
  int keep = 7;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (keep < 1) {
      spec.commandLine().getErr().println("--keep must be >= 1, was " + keep);
      return 2;
    }
    try (FSDirectory directory = FSDirectory.open(index.served())) {
      if (!DirectoryReader.indexExists(directory)) {
        index.reportMissing(spec.commandLine());
        return 2;
      }
    }
    long start = System.nanoTime();
    IndexBackups repository = IndexBackups.at(to);
    BackupInfo backup;
    try {
      backup = repository.backupLatestCommit(index.served(), keep);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Backup failed: " + e.getMessage());
      return 1;
    }
    out.printf(
        Locale.ROOT,
        "Backed up %,d articles (commit %d) to %s: %.1f MB, %.1f MB copied, in %.1f s%n",
        backup.articles(),
        backup.generation(),
        repository.folderOf(backup),
        backup.bytes() / 1e6,
        backup.copiedBytes() / 1e6,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
