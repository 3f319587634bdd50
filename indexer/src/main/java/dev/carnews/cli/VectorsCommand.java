package dev.carnews.cli;

import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.VectorFill;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vectors}: gives the articles of an existing index their vectors for search by meaning. */
@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    description =
        "Embeds the articles of an existing index that have no vector yet (an index built before"
            + " search by meaning, or with --no-vectors), or every article with --all; stories and"
            + " entities stay as they are.")
public final class VectorsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(names = "--all", description = "embed every article again (another model)")
  boolean all;

  @Mixin MergeOption merge;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "embedding threads (default: the number of cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!index.exists(spec.commandLine())) {
      return 2;
    }
    merge.target(spec.commandLine());
    long start = System.nanoTime();
    VectorFill.Result result;
    try (ArticleIndex articles = ArticleIndex.open(index.served())) {
      result =
          VectorFill.run(
              articles,
              OnnxTextEmbedder.load(),
              threads,
              all,
              done -> {
                if (done % 1000 == 0) {
                  out.printf(Locale.ROOT, "  %,d articles embedded%n", done);
                }
              });
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "Embedded %,d of %,d articles in %.1f s (%.0f articles/s)%n",
          result.embedded(),
          result.articles(),
          seconds,
          result.embedded() / Math.max(seconds, 1e-9));
      merge.apply(articles, result.embedded(), out, spec.commandLine());
    }
    return 0;
  }
}
