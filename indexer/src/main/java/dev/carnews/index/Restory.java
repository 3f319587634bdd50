package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;

/**
 * Recomputes every story of an existing index (one built before stories, or with other thresholds):
 * first every article is rewritten without story fields, then every article is written again,
 * oldest first, through the same path as a new write, so each finds its versions among the articles
 * before it.
 */
public final class Restory {

  private Restory() {}

  /**
   * What a restory did.
   *
   * @param articles articles rewritten
   * @param stories stories afterwards
   */
  public record Result(int articles, int stories) {}

  private record Key(String id, long published) {}

  /** Recomputes the stories of an index opened with stories; commits. */
  public static Result run(ArticleIndex index) throws IOException {
    List<Key> keys = new ArrayList<>();
    IndexSearcher searcher = index.searchers().acquire();
    try {
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
                  fields.get(ID),
                  published == null ? Long.MAX_VALUE : published.numericValue().longValue()));
        }
      }
    } finally {
      index.searchers().release(searcher);
    }
    keys.sort(Comparator.comparingLong(Key::published).thenComparing(Key::id));
    for (Key key : keys) {
      Document stored = storedDocument(index, key.id());
      if (stored != null) {
        index.rewrite(key.id(), index.document(ArticleDocuments.fromStored(stored)));
      }
    }
    index.commit();
    for (Key key : keys) {
      Document stored = storedDocument(index, key.id());
      if (stored != null) {
        index.write(ArticleDocuments.fromStored(stored));
      }
    }
    index.commit();
    return new Result(keys.size(), StoryCounts.read(index).storyCount());
  }

  private static Document storedDocument(ArticleIndex index, String id) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
      return hits.length == 0 ? null : ArticleDocuments.storedWithVector(searcher, hits[0].doc);
    } finally {
      index.searchers().release(searcher);
    }
  }
}
