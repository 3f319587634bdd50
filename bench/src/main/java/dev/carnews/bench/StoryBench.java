package dev.carnews.bench;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.StoryCounts;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.MalformedArticleException;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of stories: writes the same already-tagged articles (no entity tagging, so the story
 * work is measured against the cheapest ingest) into an index without and one with story
 * fingerprints, then runs one query mix on the second with and without {@code collapse=story},
 * alternating query by query so load changes on a shared machine hit both alike.
 *
 * <p>The articles are a JSON Lines corpus repeated {@code --copies} times, each copy with new ids
 * and its dates a year later than the one before, so versions stay within a copy.
 */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = "Ingest cost of story fingerprints and search cost of collapse=story.")
final class StoryBench implements Callable<Integer> {

  @Option(names = "--corpus", required = true, description = "a JSON Lines corpus")
  Path corpus;

  @Option(names = "--copies", description = "times the corpus is written (default: 5)")
  int copies = 5;

  @Option(names = "--work", required = true, description = "folder for the two indexes")
  Path work;

  @Option(names = "--queries", description = "measured queries per mode (default: 700)")
  int queries = 700;

  @Option(names = "--warm-up", description = "warm-up queries per mode (default: 300)")
  int warmUp = 300;

  @Option(names = "--reuse", description = "search the indexes an earlier run built")
  boolean reuse;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Path plain = work.resolve("without-stories");
    Path stories = work.resolve("with-stories");
    if (!reuse) {
      List<Article> base = read(corpus);
      out.printf(Locale.ROOT, "%,d articles x %d copies%n", base.size(), copies);
      double[] seconds = ingest(base, plain, stories);
      out.printf(
          Locale.ROOT,
          "ingest (writes timed one by one, alternating the two indexes, plus the final commit):"
              + " without stories %.1f s, with stories %.1f s (%.3fx)%n",
          seconds[0],
          seconds[1],
          seconds[1] / seconds[0]);
    }
    try (ArticleIndex index = ArticleIndex.open(stories)) {
      StoryCounts counts = StoryCounts.read(index);
      out.printf(
          Locale.ROOT,
          "index: %,d articles in %,d stories %s%n",
          counts.articles(),
          counts.storyCount(),
          counts.distribution());
      search(new LuceneNewsArchive(index), out);
    }
    return 0;
  }

  private void search(LuceneNewsArchive searcher, PrintWriter out) throws IOException {
    List<BenchQuery> mix = QueryMix.draw(searcher, warmUp + queries, 15);
    long[] plain = new long[queries];
    long[] collapsed = new long[queries];
    for (int i = 0; i < mix.size(); i++) {
      SearchRequest request = mix.get(i).request();
      // Alternate which mode goes first, so neither always finds the other's warm caches.
      boolean collapseFirst = i % 2 == 0;
      long a = time(searcher, request.withCollapse(collapseFirst));
      long b = time(searcher, request.withCollapse(!collapseFirst));
      if (i >= warmUp) {
        plain[i - warmUp] = collapseFirst ? b : a;
        collapsed[i - warmUp] = collapseFirst ? a : b;
      }
    }
    Latencies without = Latencies.of(plain, 0);
    Latencies with = Latencies.of(collapsed, 0);
    out.printf(
        Locale.ROOT,
        "search (ms p50 / p90 / p99 / mean): without collapse %.2f / %.2f / %.2f / %.2f,"
            + " collapse=story %.2f / %.2f / %.2f / %.2f; p50 ratio %.3f, mean ratio %.3f%n",
        without.p50Ms(),
        without.p90Ms(),
        without.p99Ms(),
        without.meanMs(),
        with.p50Ms(),
        with.p90Ms(),
        with.p99Ms(),
        with.meanMs(),
        with.p50Ms() / without.p50Ms(),
        with.meanMs() / without.meanMs());
  }

  private static long time(LuceneNewsArchive searcher, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    searcher.search(request);
    return System.nanoTime() - start;
  }

  /**
   * Writes every copy into both indexes on one thread, article by article, alternating which index
   * goes first, and times each write: load changes on a shared machine then hit both alike. Returns
   * the seconds spent in each index's writes and final commit.
   */
  private double[] ingest(List<Article> base, Path plainFolder, Path storiesFolder)
      throws IOException {
    Files.createDirectories(plainFolder);
    Files.createDirectories(storiesFolder);
    long[] nanos = new long[2];
    try (ArticleIndex plain = ArticleIndex.open(plainFolder, null);
        ArticleIndex stories = ArticleIndex.open(storiesFolder, VersionRule.defaults())) {
      ArticleIndex[] indexes = {plain, stories};
      long n = 0;
      for (int copy = 0; copy < copies; copy++) {
        for (Article article : base) {
          TaggedArticle tagged = tagged(article, copy);
          int first = (int) (n++ % 2);
          for (int k = 0; k < 2; k++) {
            int which = (first + k) % 2;
            long start = System.nanoTime();
            indexes[which].write(tagged);
            nanos[which] += System.nanoTime() - start;
          }
        }
      }
      for (int which = 0; which < 2; which++) {
        long start = System.nanoTime();
        indexes[which].commit();
        nanos[which] += System.nanoTime() - start;
      }
    }
    return new double[] {nanos[0] / 1e9, nanos[1] / 1e9};
  }

  private static TaggedArticle tagged(Article a, int copy) {
    Article shifted =
        new Article(
            a.id() + (copy == 0 ? "" : "-c" + copy),
            a.url(),
            a.title(),
            a.body(),
            a.authors(),
            a.published() == null ? null : a.published().plus(366L * copy, ChronoUnit.DAYS),
            a.section(),
            a.tags());
    return new TaggedArticle(shifted, a.authors(), List.of(), List.of(), List.of());
  }

  private static List<Article> read(Path file) throws IOException {
    JsonLinesArticleReader reader = new JsonLinesArticleReader();
    List<Article> articles = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        articles.add(reader.parse(line));
      } catch (MalformedArticleException e) {
        // A line the reader refuses is left out of the benchmark, as the indexer would skip it.
      }
    }
    return articles;
  }
}
