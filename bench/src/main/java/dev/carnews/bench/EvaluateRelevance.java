package dev.carnews.bench;

import dev.carnews.index.ArticleIndex;
import dev.carnews.search.Ranking;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.server.Main;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reports nDCG@k of the search ranking over judged queries, by default on the sample corpus indexed
 * in memory exactly as the service would index it.
 */
@Command(
    name = "relevance",
    mixinStandardHelpOptions = true,
    description = "Reports nDCG@k for judged queries (query<TAB>id<TAB>grade rows).")
public final class EvaluateRelevance implements Callable<Integer> {

  @Option(
      names = "--judgments",
      paramLabel = "FILE",
      required = true,
      description = "judged queries, tab-separated: query, article id, grade 1..3")
  Path judgments;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "an existing index to evaluate (default: the sample corpus, in memory)")
  Path index;

  @Option(names = "--k", paramLabel = "K", description = "rank cut-off (default: ${DEFAULT-VALUE})")
  int k = RelevanceEvaluation.DEFAULT_K;

  @Option(
      names = "--recency-half-life-days",
      paramLabel = "DAYS",
      description = "recency half-life, as for the service (default: ${DEFAULT-VALUE})")
  double halfLifeDays = Ranking.DEFAULT_RECENCY_HALF_LIFE_DAYS;

  @Override
  public Integer call() throws IOException {
    Map<String, Map<String, Integer>> judged;
    try (Reader in = Files.newBufferedReader(judgments, StandardCharsets.UTF_8)) {
      judged = RelevanceEvaluation.readJudgments(in);
    }
    try (ArticleIndex articles =
        index == null ? ArticleIndex.open(new ByteBuffersDirectory()) : ArticleIndex.open(index)) {
      if (index == null) {
        Main.sampleCorpus().fillIfEmpty(articles);
      }
      LuceneNewsArchive searcher =
          new LuceneNewsArchive(articles, Ranking.withHalfLife(halfLifeDays));
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      out.print(RelevanceEvaluation.evaluate(searcher, judged, k).format());
      out.flush();
    }
    return 0;
  }
}
