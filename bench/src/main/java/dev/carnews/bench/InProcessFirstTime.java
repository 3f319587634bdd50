package dev.carnews.bench;

import com.sun.management.ThreadMXBean;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * First-time searches run in process on one thread, without HTTP or an answer cache: the latency of
 * the search itself and the bytes it allocates, for profiling a change (run it under JFR and read
 * the recording with {@code jfr-top}). Several modes are interleaved query by query, so that each
 * sees the same machine: the cost of searching by meaning is the difference within one run.
 */
@Command(
    name = "inprocess-first-time",
    mixinStandardHelpOptions = true,
    description =
        "Runs first-time searches (title word pairs and singles never asked before) in process on"
            + " one thread, each mode in turn per query: p50/p90/p99 and kB allocated per search.")
final class InProcessFirstTime implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index")
  Path index;

  @Option(names = "--warm-up", description = "warm-up queries (default: ${DEFAULT-VALUE})")
  int warmUp = 1000;

  @Option(names = "--timed", description = "timed queries (default: ${DEFAULT-VALUE})")
  int timed = 2000;

  @Option(names = "--seed", description = "seed of the query set (default: ${DEFAULT-VALUE})")
  long seed = 43;

  @Option(
      names = "--modes",
      split = ",",
      paramLabel = "MODE",
      description =
          "search modes, interleaved query by query: keyword, semantic, hybrid (default:"
              + " keyword); the others need an index with vectors",
      converter = ModeConverter.class)
  List<SearchMode> modes = List.of(SearchMode.KEYWORD);

  /** A mode as the API names it ({@code hybrid}), or a usage error. */
  static final class ModeConverter implements CommandLine.ITypeConverter<SearchMode> {
    @Override
    public SearchMode convert(String label) {
      try {
        return SearchMode.parse(label);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    List<BenchQuery> queries = TitleQueries.distinct(index, warmUp + timed, seed);
    if (queries.size() <= warmUp) {
      throw new IllegalArgumentException("only " + queries.size() + " distinct queries");
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      LuceneNewsArchive archive = new LuceneNewsArchive(articles);
      if (modes.stream().anyMatch(mode -> mode != SearchMode.KEYWORD)) {
        archive.searchingByMeaning(OnnxTextEmbedder.lazyDefault());
      }
      for (BenchQuery query : queries.subList(0, warmUp)) {
        for (SearchMode mode : modes) {
          SearchResponse answer = archive.search(query.request().withMode(mode));
          String made = answer.interpretation() == null ? null : answer.interpretation().mode();
          if (mode != SearchMode.KEYWORD && !mode.label().equals(made)) {
            // Timing words under the name of meaning would measure nothing.
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                index + " has no vectors: mode " + mode.label() + " would search by words");
          }
        }
      }
      List<BenchQuery> measured = queries.subList(warmUp, queries.size());
      long[][] nanos = new long[modes.size()][measured.size()];
      long[] allocated = new long[modes.size()];
      for (int i = 0; i < measured.size(); i++) {
        for (int m = 0; m < modes.size(); m++) {
          long allocatedBefore = threads.getThreadAllocatedBytes(thread);
          long started = System.nanoTime();
          archive.search(measured.get(i).request().withMode(modes.get(m)));
          nanos[m][i] = System.nanoTime() - started;
          allocated[m] += threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        }
      }
      for (int m = 0; m < modes.size(); m++) {
        Latencies latencies = Latencies.of(nanos[m], 0);
        System.out.printf(
            Locale.ROOT,
            "%s: %d first-time searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms; %.1f kB allocated"
                + " per search on the caller's thread%n",
            modes.get(m).label(),
            latencies.count(),
            latencies.p50Ms(),
            latencies.p90Ms(),
            latencies.p99Ms(),
            allocated[m] / (double) measured.size() / 1024);
      }
    }
    return 0;
  }
}
