package dev.carnews.cli;

import dev.carnews.index.IndexVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The indexer's command line: {@code java -jar indexer.jar <command> ...}. */
@Command(
    name = "indexer",
    mixinStandardHelpOptions = true,
    version = "news-search indexer 0.1",
    description = "Builds and inspects the news search index.",
    subcommands = {
      IndexCommand.class,
      CollectionCreateCommand.class,
      CollectionReindexCommand.class,
      StatsCommand.class,
      StoriesCommand.class,
      PersonLinksCommand.class,
      RestoryCommand.class,
      BackupCommand.class,
      BackupsCommand.class,
      ReindexCommand.class,
      RestoreCommand.class,
      TrainNamesCommand.class,
      EvalNamesCommand.class,
      EvalHtmlCommand.class,
      EvalEntitiesCommand.class,
      BenchTaggingCommand.class,
      VectorsCommand.class,
      MergeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class IndexerCli {

  private IndexerCli() {}

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new IndexerCli())
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              if (e instanceof IndexVersion.IncompatibleIndexException) {
                // One line that says what to run, not a stack trace.
                commandLine.getErr().println("Refusing the index: " + e.getMessage());
                return 1;
              }
              throw e;
            });
  }
}
