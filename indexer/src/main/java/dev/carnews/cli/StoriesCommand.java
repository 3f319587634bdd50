package dev.carnews.cli;

import dev.carnews.evaluation.PairEvaluation;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.StoryCounts;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrRestory;
import dev.carnews.solrcloud.SolrRetries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stories}: story statistics of an index, and precision/recall against labelled pairs. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description =
        "Reports the number of stories of an index or SolrCloud collection and how many versions"
            + " they have; with --pairs, the"
            + " precision and recall of 'same story' on labelled pairs (id1 id2 same|different).")
public final class StoriesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexOrCollection target;

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description = "labelled pairs: 'id1 id2 same|different [kind]' per line")
  Path pairs;

  @Option(
      names = {"-v", "--verbose"},
      description = "list every pair judged wrong")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean onSolr = target.onSolr(spec.commandLine());
    if (!onSolr && !target.indexExists(spec.commandLine())) {
      return 2;
    }
    StoryCounts counts;
    if (onSolr) {
      try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(target.solr)) {
        counts =
            SolrRestory.read(client, target.collection, new SolrRetries(Duration.ofMinutes(1)));
      }
    } else {
      try (ArticleIndex articles = ArticleIndex.open(target.served())) {
        counts = StoryCounts.read(articles);
      }
    }
    out.printf(
        Locale.ROOT, "%,d articles in %,d stories%n", counts.articles(), counts.storyCount());
    out.println("versions per story: stories");
    for (Map.Entry<Integer, Integer> entry : counts.distribution().entrySet()) {
      out.printf(Locale.ROOT, "  %3d: %,d%n", entry.getKey(), entry.getValue());
    }
    if (pairs != null) {
      PairEvaluation result = PairEvaluation.of(PairEvaluation.read(pairs), counts.stories());
      out.printf(
          Locale.ROOT,
          "pairs: same story P=%.4f R=%.4f (tp=%d fp=%d fn=%d tn=%d, %d with unknown ids)%n",
          result.precision(),
          result.recall(),
          result.truePositives(),
          result.falsePositives(),
          result.falseNegatives(),
          result.trueNegatives(),
          result.missing());
      result
          .byKind()
          .forEach(
              (kind, tally) ->
                  out.printf(
                      Locale.ROOT,
                      "  %-28s %3d of %3d judged right%n",
                      kind,
                      tally.right(),
                      tally.pairs()));
      if (verbose) {
        result.errors().forEach(out::println);
      }
    }
    return 0;
  }
}
