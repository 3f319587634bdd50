package dev.carnews.bench;

import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Relevance of the service's own search on labelled topics, per mode and query kind: nDCG@10, P@10
 * and recall@100 of {@code /api/search}'s ranking, run in process on an index of the labelled
 * corpus (for example Reuters-21578 indexed with {@code indexer.jar index}).
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description =
        "nDCG@10, P@10 and recall@100 of the service's ranking per mode (keyword, semantic,"
            + " hybrid) on topic judgements: a title query and a description query per topic.")
final class TopicsEval implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index")
  Path index;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "JSON Lines")
  Path corpus;

  @Option(names = "--topics", required = true, paramLabel = "FILE", description = "topics TSV")
  Path topicsFile;

  @Option(
      names = "--modes",
      split = ",",
      description = "modes to measure (default: all): ${COMPLETION-CANDIDATES}")
  List<SearchMode> modes = List.of(SearchMode.values());

  @Option(
      names = "--recency-half-life",
      paramLabel = "DAYS",
      description =
          "the ranking's recency half-life in days, 0 for none (default: the service's,"
              + " ${DEFAULT-VALUE})")
  double recencyHalfLifeDays = Ranking.DEFAULT_RECENCY_HALF_LIFE_DAYS;

  @Option(names = "--per-topic", description = "print each topic's nDCG@10")
  boolean perTopic;

  @Option(
      names = "--recall",
      description = "also measure the HNSW graph's recall@10 against exact search, per query")
  boolean recall;

  @Override
  public Integer call() throws Exception {
    TopicJudgements judged = TopicJudgements.read(topicsFile, corpus);
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      LuceneNewsArchive archive =
          new LuceneNewsArchive(articles, Ranking.withHalfLife(recencyHalfLifeDays))
              .searchingByMeaning(OnnxTextEmbedder.lazyDefault());
      System.out.printf(
          Locale.ROOT,
          "%d topics, %d articles%n%-9s  %-24s %-24s%n",
          judged.topics().size(),
          archive.count(),
          "mode",
          "title nDCG@10 P@10 R@100",
          "description nDCG@10 P@10 R@100");
      for (SearchMode mode : modes) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s ", mode.label()));
        for (TopicJudgements.Kind kind : TopicJudgements.Kind.values()) {
          line.append(
              judged.scores(
                  kind,
                  query ->
                      archive
                          .search(
                              SearchRequest.of(query)
                                  .withPage(SortOrder.RELEVANCE, 1, SearchRequest.MAX_SIZE)
                                  .withFacets(List.of(), SearchRequest.DEFAULT_FACET_SIZE)
                                  .withMode(mode))
                          .hits()
                          .stream()
                          .map(SearchHit::id)
                          .toList(),
                  (topic, ndcg) -> {
                    if (perTopic) {
                      System.out.printf(
                          Locale.ROOT,
                          "  %-8s %-11s %-14s %.3f%n",
                          mode.label(),
                          kind,
                          topic.label(),
                          ndcg);
                    }
                  }));
        }
        System.out.println(line);
      }
      if (recall) {
        System.out.printf(
            Locale.ROOT,
            "HNSW recall@10 against exact search: %.3f%n",
            VectorRecall.measure(articles, judged, OnnxTextEmbedder.lazyDefault().get(), 10));
      }
    }
    return 0;
  }
}
