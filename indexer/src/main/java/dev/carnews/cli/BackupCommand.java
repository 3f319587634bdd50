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
 *
 * <p>With {@code --solr URL[,URL...] --collection NAME}, a backup point of a SolrCloud collection
 * (or of the collection an alias points to) through the Collections API, into the repository folder
 * {@code --to} on the Solr nodes ({@link SolrBackups}).
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Backs up the last commit of an index into a backup repository, safe while the service"
            + " writes to it; files an earlier backup holds are linked, not copied. With --solr and"
            + " --collection, backs up a SolrCloud collection into a repository folder on the"
            + " Solr nodes.")
public final class BackupCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOrCollection index;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description =
          "backup repository: one folder per backup is made in it (with --solr: an absolute"
              + " folder on the Solr nodes, allowed by their solr.allowPaths)")
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
    if (index.onSolr(spec.commandLine())) {
      return backupCollection(out);
    }
    try (FSDirectory directory = FSDirectory.open(index.served())) {
      if (!DirectoryReader.indexExists(directory)) {
        spec.commandLine().getErr().println("No index at " + index.path);
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

  private int backupCollection(PrintWriter out) throws IOException {
    long start = System.nanoTime();
    SolrBackups.Point point;
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(index.solr)) {
      point =
          new SolrBackups(client, to.toString(), null, Duration.ofHours(2))
              .backup(index.collection, keep);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Backup failed: " + e.getMessage());
      return 1;
    }
    out.printf(
        Locale.ROOT,
        "Backed up %,d articles of %s as point %d of backup %s in %s: %,d files, %.1f MB, in"
            + " %.1f s%n",
        point.articles(),
        point.collection(),
        point.id(),
        point.name(),
        to,
        point.files(),
        point.bytes() / 1e6,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
