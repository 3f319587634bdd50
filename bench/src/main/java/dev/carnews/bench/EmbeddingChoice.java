package dev.carnews.bench;

import dev.carnews.embed.EmbeddingText;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.embed.VectorModel;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Chooses the embedding model and the text it reads by measurement: embeds a labelled corpus with
 * each model and lead length, ranks it by exact cosine for each topic's queries, and prints
 * nDCG@10, P@10 and recall@100 per query kind with the embedding speed.
 */
@Command(
    name = "embedding-choice",
    mixinStandardHelpOptions = true,
    description =
        "Ranks a labelled corpus by meaning alone (exact cosine) with each embedding model and lead"
            + " length: quality per query kind and embedding speed.")
final class EmbeddingChoice implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "JSON Lines")
  Path corpus;

  @Option(names = "--topics", required = true, paramLabel = "FILE", description = "topics TSV")
  Path topicsFile;

  @Option(
      names = "--models",
      split = ",",
      description = "models to compare (default: all): ${COMPLETION-CANDIDATES}")
  List<VectorModel> models = Arrays.asList(VectorModel.values());

  @Option(
      names = "--lead-chars",
      split = ",",
      description = "body characters read after the headline (default: 800)")
  List<Integer> leadChars = List.of(EmbeddingText.DEFAULT_LEAD_CHARS);

  @Option(names = "--threads", description = "embedding threads (default: 2)")
  int threads = 2;

  @Option(names = "--limit", description = "articles read at most (default: all)")
  int limit = Integer.MAX_VALUE;

  @Override
  public Integer call() throws Exception {
    TopicJudgements judged = TopicJudgements.read(topicsFile, corpus);
    List<Article> articles = new ArrayList<>();
    new JsonLinesArticleReader()
        .read(
            corpus,
            ReadOptions.defaults(),
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                if (articles.size() < limit) {
                  articles.add(article);
                }
              }

              @Override
              public void skipped(String source, String reason) {}
            });
    System.out.printf(
        Locale.ROOT,
        "%d articles, %d topics%n%-18s %6s %8s  %-22s %-22s%n",
        articles.size(),
        judged.topics().size(),
        "model",
        "lead",
        "art/s",
        "title nDCG P@10 R@100",
        "desc nDCG P@10 R@100");
    for (VectorModel model : models) {
      OnnxTextEmbedder embedder = OnnxTextEmbedder.load(model);
      for (int lead : leadChars) {
        long started = System.nanoTime();
        float[][] vectors = embedAll(embedder, articles, lead);
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "%-18s %6d %8.1f ",
                    model.label(),
                    lead,
                    articles.size() / seconds));
        for (TopicJudgements.Kind kind : TopicJudgements.Kind.values()) {
          double ndcg = 0;
          double p10 = 0;
          double r100 = 0;
          for (TopicJudgements.Topic topic : judged.topics()) {
            List<String> ranked = rank(vectors, articles, embedder.query(kind.of(topic)), 100);
            ndcg += TopicJudgements.ndcg(ranked, judged.relevantTo(topic), 10);
            p10 += TopicJudgements.precision(ranked, judged.relevantTo(topic), 10);
            r100 += TopicJudgements.recall(ranked, judged.relevantTo(topic), 100);
          }
          int n = judged.topics().size();
          line.append(
              String.format(Locale.ROOT, " %.3f %.3f %.3f      ", ndcg / n, p10 / n, r100 / n));
        }
        System.out.println(line);
      }
    }
    return 0;
  }

  private float[][] embedAll(OnnxTextEmbedder embedder, List<Article> articles, int lead)
      throws Exception {
    float[][] vectors = new float[articles.size()][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      int chunk = 32;
      for (int from = 0; from < articles.size(); from += chunk) {
        int start = from;
        int end = Math.min(articles.size(), from + chunk);
        parts.add(
            pool.submit(
                () -> {
                  List<String> texts =
                      articles.subList(start, end).stream()
                          .map(a -> EmbeddingText.of(a, lead))
                          .toList();
                  List<float[]> out = embedder.passages(texts);
                  for (int i = 0; i < out.size(); i++) {
                    vectors[start + i] = out.get(i);
                  }
                }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } finally {
      pool.shutdown();
    }
    return vectors;
  }

  private static List<String> rank(
      float[][] vectors, List<Article> articles, float[] query, int k) {
    double[] scores = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      double dot = 0;
      for (int d = 0; d < query.length; d++) {
        dot += vectors[i][d] * query[d];
      }
      scores[i] = dot;
    }
    return IntStream.range(0, vectors.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -scores[i]))
        .limit(k)
        .map(i -> articles.get(i).id())
        .toList();
  }
}
