package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;

import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.TaggedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new index from the stored articles of another: every article is read back from its
 * stored fields (title, body, byline, dates, section, tags), tagged again with the current entity
 * models (and embedded, when the tagger embeds) and written, oldest first, through the ordinary
 * write path, so stories are found again as in a fresh build. The source is only read: a searcher
 * of it, held for the whole copy, is a point in time that its writer can go on changing.
 *
 * <p>The target folder carries a marker file, {@link #MARKER}, until its build is complete and
 * switched to: a folder with the marker is an unfinished reindex, which a rerun deletes and builds
 * again from the start.
 */
public final class Reindex {

  private static final Logger LOG = LoggerFactory.getLogger(Reindex.class);

  /** The file that marks a folder as an unfinished reindex. */
  public static final String MARKER = "reindex.incomplete";

  /** Articles tagged ahead of the one being written, per tagging thread. */
  private static final int AHEAD_PER_THREAD = 32;

  private Reindex() {}

  /** Told after every article written: how many so far, of how many. */
  @FunctionalInterface
  public interface Progress {
    void copied(int done, int total);
  }

  /**
   * What a copy did.
   *
   * @param articles articles written into the target
   * @param keptAsStored of them, articles the tagger failed on, written as they were stored
   */
  public record Result(int articles, int keptAsStored) {}

  private record Key(int doc, String id, long published) {}

  /**
   * Makes {@code target} ready for a build: creates it, or empties it when it is an unfinished
   * reindex (it has the marker), and marks it.
   *
   * @throws IOException when it holds anything else (an index or files of someone else's)
   */
  public static void prepare(Path target) throws IOException {
    if (Files.exists(target)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(target)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty) {
        if (!Files.exists(target.resolve(MARKER))) {
          throw new IOException(
              target + " is not empty and no unfinished reindex: give an empty or new folder");
        }
        LOG.info("Deleting the unfinished reindex in {} to build it again", target);
        deleteTree(target);
      }
    }
    Files.createDirectories(target);
    Files.write(target.resolve(MARKER), new byte[0]);
  }

  /** Marks the build in {@code target} complete (after its last commit). */
  public static void complete(Path target) throws IOException {
    Files.deleteIfExists(target.resolve(MARKER));
  }

  /** Deletes {@code folder} when it holds an unfinished reindex; whether it did. */
  public static boolean discard(Path folder) throws IOException {
    if (!unfinished(folder)) {
      return false;
    }
    deleteTree(folder);
    return true;
  }

  /** Whether {@code folder} holds an unfinished reindex. */
  public static boolean unfinished(Path folder) {
    return Files.exists(folder.resolve(MARKER));
  }

  /**
   * Copies every article {@code from} sees into {@code to}, oldest first, tagging on {@code
   * threads} threads (each with its own tagger from {@code taggers}) and writing in order. An
   * article the tagger fails on is written as it was stored (its old entities), never dropped. Does
   * not commit.
   */
  public static Result copy(
      IndexSearcher from,
      ArticleIndex to,
      Supplier<? extends EntityTagger> taggers,
      int threads,
      Progress progress)
      throws IOException, InterruptedException {
    List<Key> keys = keysOldestFirst(from);
    AtomicInteger kept = new AtomicInteger();
    ThreadLocal<EntityTagger> tagger = ThreadLocal.withInitial(taggers::get);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            work -> {
              Thread thread = new Thread(work, "reindex-tagger");
              thread.setDaemon(true);
              return thread;
            });
    Deque<Future<TaggedArticle>> ahead = new ArrayDeque<>();
    int limit = Math.max(1, threads) * AHEAD_PER_THREAD;
    int done = 0;
    try {
      int next = 0;
      while (done < keys.size()) {
        while (next < keys.size() && ahead.size() < limit) {
          Key key = keys.get(next++);
          ahead.add(pool.submit(() -> retag(from, key.doc(), tagger.get(), kept)));
        }
        TaggedArticle article;
        try {
          article = ahead.removeFirst().get();
        } catch (ExecutionException e) {
          throw new IOException("reading an article back failed", e.getCause());
        }
        to.write(article);
        done++;
        progress.copied(done, keys.size());
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(done, kept.get());
  }

  /**
   * Brings one article of {@code to} in line with {@code from}: written again from its stored
   * fields and tagged anew when {@code from} has it, deleted when not. For the writes that reached
   * the source after a copy's point in time.
   */
  public static void replay(IndexSearcher from, ArticleIndex to, String id, EntityTagger tagger)
      throws IOException {
    ScoreDoc[] hits = from.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
    if (hits.length == 0) {
      to.delete(id);
    } else {
      to.write(retag(from, hits[0].doc, tagger, new AtomicInteger()));
    }
  }

  /** One stored article tagged again; its stored vector is kept when the tagger embeds none. */
  private static TaggedArticle retag(
      IndexSearcher from, int doc, EntityTagger tagger, AtomicInteger kept) throws IOException {
    TaggedArticle stored =
        ArticleDocuments.fromStored(ArticleDocuments.storedWithVector(from, doc));
    TaggedArticle tagged;
    try {
      tagged = tagger.tag(stored.article());
    } catch (RuntimeException e) {
      LOG.warn(
          "Tagging article {} again failed; it keeps its stored entities",
          stored.article().id(),
          e);
      kept.incrementAndGet();
      return stored;
    }
    return tagged.hasVector() || !stored.hasVector() ? tagged : tagged.withVector(stored.vector());
  }

  /** Every live document of the searcher by publication time, oldest first (then by id). */
  private static List<Key> keysOldestFirst(IndexSearcher searcher) throws IOException {
    List<Key> keys = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document fields = stored.document(doc, Set.of(ID, PUBLISHED));
        IndexableField published = fields.getField(PUBLISHED);
        keys.add(
            new Key(
                leaf.docBase + doc,
                fields.get(ID),
                published == null ? Long.MAX_VALUE : published.numericValue().longValue()));
      }
    }
    keys.sort(Comparator.comparingLong(Key::published).thenComparing(Key::id));
    return keys;
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
