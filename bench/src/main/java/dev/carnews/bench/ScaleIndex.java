package dev.carnews.bench;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A larger index from a tagged one, for latency at scale without tagging and embedding again: each
 * article is written {@code --times} times (copies get an id suffix {@code ~N}), with its entities
 * and vector as stored. Ten copies of Reuters-21578 are the 190k-article archive the issues
 * measure; the copies' words, names and vectors repeat, so relevance on it means nothing (speed
 * does: the postings, facets and graph are ten times as large).
 */
@Command(
    name = "scale-index",
    mixinStandardHelpOptions = true,
    description =
        "Writes an index holding every article of another index N times (entities and vectors"
            + " copied, nothing tagged or embedded again), for latency at scale.")
final class ScaleIndex implements Callable<Integer> {

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "a tagged index")
  Path from;

  @Option(names = "--to", required = true, paramLabel = "DIR", description = "a new folder")
  Path to;

  @Option(names = "--times", description = "copies of each article (default: 10)")
  int times = 10;

  @Option(
      names = "--segments",
      paramLabel = "N",
      description =
          "merge the result into at most N segments, as indexer.jar index does after a bulk load"
              + " (default: ${DEFAULT-VALUE}; 0 = leave them as written, about one per copy)")
  int segments = 1;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(to) && Files.list(to).findAny().isPresent()) {
      System.err.println("--to must be a new or empty folder: " + to);
      return 2;
    }
    long started = System.nanoTime();
    long written = 0;
    try (ArticleIndex source = ArticleIndex.open(from);
        ArticleIndex target = ArticleIndex.open(to)) {
      IndexSearcher searcher = source.searchers().acquire();
      try {
        IndexReader reader = searcher.getIndexReader();
        Bits live = MultiBits.getLiveDocs(reader);
        for (int copy = 0; copy < times; copy++) {
          for (int doc = 0; doc < reader.maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            TaggedArticle stored =
                ArticleDocuments.fromStored(ArticleDocuments.storedWithVector(searcher, doc));
            target.write(copy == 0 ? stored : copied(stored, copy));
            written++;
          }
          target.commit();
          System.out.printf("copy %d of %d: %,d articles%n", copy + 1, times, written);
        }
      } finally {
        source.searchers().release(searcher);
      }
      target.commit();
      if (segments > 0) {
        ArticleIndex.Merged merged = target.merge(segments);
        System.out.printf(
            "merged %d segments into %d in %.1f s%n",
            merged.before(), merged.after(), merged.took().toMillis() / 1000.0);
      }
    }
    System.out.printf(
        "%,d articles in %.0f s into %s%n", written, (System.nanoTime() - started) / 1e9, to);
    return 0;
  }

  private static TaggedArticle copied(TaggedArticle stored, int copy) {
    Article a = stored.article();
    Article renamed =
        new Article(
            a.id() + "~" + copy,
            a.url(),
            a.title(),
            a.body(),
            a.authors(),
            a.published(),
            a.section(),
            a.tags());
    return new TaggedArticle(
        renamed,
        stored.authors(),
        stored.persons(),
        stored.brands(),
        stored.mentions(),
        stored.vector());
  }
}
