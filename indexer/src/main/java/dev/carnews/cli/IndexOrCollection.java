package dev.carnews.cli;

import dev.carnews.index.IndexPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of the verbs that work on an existing local index or SolrCloud collection: {@code
 * --index DIR}, or {@code --solr URL[,URL...] --collection NAME}.
 */
final class IndexOrCollection {

  @Option(names = "--index", paramLabel = "DIR", description = "index folder")
  Path path;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description = "SolrCloud instead: node base URLs, comma-separated (http://host:8983/solr)")
  List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "the SolrCloud collection (with --solr)")
  String collection;

  /** Whether the options name a collection; throws when they name neither or both. */
  boolean onSolr(CommandLine command) {
    boolean toSolr = solr != null && !solr.isEmpty();
    if (toSolr == (path != null) || toSolr != (collection != null)) {
      throw new CommandLine.ParameterException(
          command, "give either --index DIR or --solr URL[,URL...] --collection NAME");
    }
    return toSolr;
  }

  /**
   * The folder that serves {@code --index DIR}: the one its pointer {@code DIR.current} names after
   * a reindex switched to it, else {@code DIR}.
   */
  Path served() throws IOException {
    return IndexPointer.resolve(path);
  }

  /** Whether the index folder exists; if not, says so on the command's error stream. */
  boolean indexExists(CommandLine command) {
    if (Files.isDirectory(path)) {
      return true;
    }
    command.getErr().println("No index at " + path);
    return false;
  }
}
