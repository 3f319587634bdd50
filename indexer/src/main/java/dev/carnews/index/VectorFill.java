package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.embed.EmbeddingText;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.TaggedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;

/**
 * Gives the articles of an existing index the vectors they lack (an index built before search by
 * meaning, or with {@code --no-vectors}), or new vectors for all (another model): each is written
 * again as it is stored, with its vector, through the ordinary write path, so stories and entities
 * stay as they are. The embedding runs on several threads; the index stays searchable.
 */
public final class VectorFill {

  /** What a fill did. */
  public record Result(int embedded, int articles) {}

  private VectorFill() {}

  /**
   * Embeds the articles without a vector ({@code all}: every article) and commits.
   *
   * @param progress told the running count after each article
   */
  public static Result run(
      ArticleIndex index, TextEmbedder embedder, int threads, boolean all, IntConsumer progress)
      throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    int articles = 0;
    IndexSearcher searcher = index.searchers().acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        LeafReader reader = leaf.reader();
        Bits live = reader.getLiveDocs();
        FloatVectorValues vectors = reader.getFloatVectorValues(VECTOR);
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          articles++;
          boolean has = false;
          if (vectors != null && vectors.docID() != DocIdSetIterator.NO_MORE_DOCS) {
            int at = vectors.docID() < doc ? vectors.advance(doc) : vectors.docID();
            has = at == doc;
          }
          if (all || !has) {
            ids.add(stored.document(doc, Set.of(ID)).get(ID));
          }
        }
      }
    } finally {
      index.searchers().release(searcher);
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String id : ids) {
        work.add(
            pool.submit(
                () -> {
                  try {
                    TaggedArticle article = stored(index, id);
                    if (article != null) {
                      float[] meaning = embedder.passage(EmbeddingText.of(article.article()));
                      index.write(article.withVector(meaning));
                    }
                    progress.accept(done.incrementAndGet());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
      for (Future<?> one : work) {
        one.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("filling vectors failed", e.getCause());
    } finally {
      pool.shutdown();
    }
    index.commit();
    index.refresh();
    return new Result(done.get(), articles);
  }

  private static TaggedArticle stored(ArticleIndex index, String id) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
      return hits.length == 0
          ? null
          : ArticleDocuments.fromStored(searcher.storedFields().document(hits[0].doc));
    } finally {
      index.searchers().release(searcher);
    }
  }
}
