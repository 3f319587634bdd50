package dev.carnews.cli;

import dev.carnews.index.IndexPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option of the verbs that read an index that must already exist. */
final class IndexFolder {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "index folder")
  Path path;

  /** Whether the folder exists; if not, says so on the command's error stream. */
  boolean exists(CommandLine command) {
    if (Files.isDirectory(path)) {
      return true;
    }
    reportMissing(command);
    return false;
  }

  /**
   * The folder that serves {@code --index DIR}: the one its pointer {@code DIR.current} names after
   * a reindex switched to it, else {@code DIR}.
   */
  Path served() throws IOException {
    return IndexPointer.resolve(path);
  }

  /** Tells the user there is no index at the folder. */
  void reportMissing(CommandLine command) {
    command.getErr().println("No index at " + path);
  }
}
