package dev.carnews.cli;

import dev.carnews.index.BackupInfo;
import dev.carnews.index.IndexBackups;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backups}: the backups of a repository, oldest first; with {@code --solr URL[,URL...]
 * --collection NAME}, the backup points of a collection in a repository folder on the Solr nodes.
 */
@Command(
    name = "backups",
    mixinStandardHelpOptions = true,
    description =
        "Lists the backups of a backup repository: time, article count and size (with --solr and"
            + " --collection: a collection's backup points).")
public final class BackupsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"--in", "--to"},
      required = true,
      paramLabel = "DIR",
      description = "backup repository")
  Path repository;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description = "SolrCloud: node base URLs, comma-separated; the repository is on the nodes")
  List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "with --solr: the collection (or alias) whose backup points to list")
  String collection;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if ((solr != null && !solr.isEmpty()) != (collection != null)) {
      spec.commandLine().getErr().println("--solr and --collection go together");
      return 2;
    }
    if (collection != null) {
      return listPoints(out);
    }
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

  private int listPoints(PrintWriter out) throws Exception {
    List<SolrBackups.Point> points;
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(solr)) {
      points =
          new SolrBackups(client, repository.toString(), null, Duration.ofMinutes(5))
              .list(collection);
    }
    if (points.isEmpty()) {
      out.println("No backup " + collection + " in " + repository);
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%-8s %-24s %-24s %12s %8s %10s%n",
        "point",
        "time",
        "collection",
        "articles",
        "files",
        "MB");
    for (SolrBackups.Point point : points) {
      out.printf(
          Locale.ROOT,
          "%-8d %-24s %-24s %,12d %8d %10.1f%n",
          point.id(),
          point.created(),
          point.collection(),
          point.articles(),
          point.files(),
          point.bytes() / 1e6);
    }
    return 0;
  }
}
