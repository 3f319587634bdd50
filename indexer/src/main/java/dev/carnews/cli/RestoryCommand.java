package dev.carnews.cli;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.Restory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code restory}: recomputes the story of every article of an existing index. */
@Command(
    name = "restory",
    mixinStandardHelpOptions = true,
    description =
        "Recomputes the stories (versions of one article) of an existing index, for example one"
            + " built before stories; articles are written again oldest first.")
public final class RestoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!index.exists(spec.commandLine())) {
      return 2;
    }
    long start = System.nanoTime();
    Restory.Result result;
    try (ArticleIndex articles = ArticleIndex.open(index.path)) {
      result = Restory.run(articles);
    }
    out.printf(
        Locale.ROOT,
        "Recomputed stories of %,d articles: %,d stories, in %.1f s%n",
        result.articles(),
        result.stories(),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
