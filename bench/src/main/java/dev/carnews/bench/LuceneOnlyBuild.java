package dev.carnews.bench;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an index of generated, already-tagged articles through {@link ArticleIndex#write} on all
 * cores (no entity tagging: the Lucene-only re-indexing figure), then commits.
 */
final class LuceneOnlyBuild {

  private static final Logger LOG = LoggerFactory.getLogger(LuceneOnlyBuild.class);
  private static final int PROGRESS_EVERY = 50_000;

  private LuceneOnlyBuild() {}

  /**
   * Writes articles 0..count-1 of the generator into a new index in {@code folder}, keeping stories
   * when {@code stories}.
   */
  static Map<String, Object> build(
      CorpusGenerator generator, long count, Path folder, int threads, boolean stories)
      throws IOException, InterruptedException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("articles", count);
    row.put("threads", threads);
    row.put("stories", stories);
    row.put("generateOnlyPerSecond", generateOnly(generator, Math.min(count, 20_000)));
    AtomicLong next = new AtomicLong();
    AtomicLong textBytes = new AtomicLong();
    long start = System.nanoTime();
    long writeNanos;
    long commitNanos;
    try (ArticleIndex index = ArticleIndex.open(folder, stories ? VersionRule.defaults() : null)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads, new Threads("bench-indexer"));
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                      TaggedArticle article = generator.article(i);
                      textBytes.addAndGet(
                          TaggedArticle.textOf(article.article())
                              .getBytes(StandardCharsets.UTF_8)
                              .length);
                      index.write(article);
                      if ((i + 1) % PROGRESS_EVERY == 0) {
                        LOG.info("Indexed {} of {} generated articles", i + 1, count);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } catch (ExecutionException e) {
        throw new IOException("an indexing thread failed", e.getCause());
      } finally {
        pool.shutdown();
      }
      writeNanos = System.nanoTime() - start;
      long commitStart = System.nanoTime();
      index.commit();
      commitNanos = System.nanoTime() - commitStart;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long indexBytes = Machine.sizeOf(folder);
    row.put("writeSeconds", writeNanos / 1e9);
    row.put("commitSeconds", commitNanos / 1e9);
    row.put("totalSeconds", seconds);
    row.put("articlesPerSecond", count / seconds);
    row.put("mbPerSecond", textBytes.get() / 1e6 / seconds);
    row.put("rawTextMB", textBytes.get() / 1e6);
    row.put("indexMB", indexBytes / 1e6);
    row.put("indexToRawText", indexBytes / (double) textBytes.get());
    row.put("load", Machine.load());
    return row;
  }

  /** Generated articles per second on one thread, without indexing, for the share of the cost. */
  private static double generateOnly(CorpusGenerator generator, long count) {
    long start = System.nanoTime();
    long chars = 0;
    for (long i = 0; i < count; i++) {
      chars += generator.article(i).article().body().length();
    }
    double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
    LOG.debug("Generated {} characters", chars);
    return count / seconds;
  }
}
