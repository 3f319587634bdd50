package dev.carnews.cli;

import dev.carnews.index.ArticleIndex;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code merge}: merges an index's segments, for an index loaded before the runs merged it. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Merges the segments of an index (not served meanwhile) into at most N: each segment is"
            + " searched on its own, so an archive searches fastest as one. The index needs about"
            + " its size again on disk while the merge runs.")
public final class MergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(
      names = "--segments",
      paramLabel = "N",
      description = "the most segments to leave (default ${DEFAULT-VALUE})")
  int segments = 1;

  @Override
  public Integer call() throws Exception {
    if (segments < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--segments must be at least 1, was " + segments);
    }
    if (!index.exists(spec.commandLine())) {
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    try (ArticleIndex articles = ArticleIndex.open(index.served())) {
      ArticleIndex.Merged merged = articles.merge(segments);
      out.printf(
          Locale.ROOT,
          "%s: %d segments before, %d after, in %.1f s%n",
          index.served(),
          merged.before(),
          merged.after(),
          merged.took().toMillis() / 1000.0);
    }
    return 0;
  }
}
