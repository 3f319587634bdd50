package dev.carnews.cli;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.Restory;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrRestory;
import dev.carnews.solrcloud.SolrRetries;
import java.io.PrintWriter;
import java.time.Duration;
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
        "Recomputes the stories (versions of one article) of an existing index or SolrCloud"
            + " collection, for example one built before stories; articles are written again oldest"
            + " first.")
public final class RestoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOrCollection target;

  /** Articles per Solr update request. */
  private static final int SOLR_BATCH = 200;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean onSolr = target.onSolr(spec.commandLine());
    if (!onSolr && !target.indexExists(spec.commandLine())) {
      return 2;
    }
    long start = System.nanoTime();
    Restory.Result result;
    if (onSolr) {
      try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(target.solr)) {
        result =
            SolrRestory.run(
                client, target.collection, SOLR_BATCH, new SolrRetries(Duration.ofMinutes(2)));
      }
    } else {
      try (ArticleIndex articles = ArticleIndex.open(target.served())) {
        result = Restory.run(articles);
      }
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
