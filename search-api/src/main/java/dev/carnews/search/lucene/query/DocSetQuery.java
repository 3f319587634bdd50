package dev.carnews.search.lucene.query;

import java.util.Arrays;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The documents of a fixed set, by their ids in one reader (the nearest neighbours a vector search
 * found), as a query that can be OR-ed with the words and filtered and counted like any other: the
 * hybrid answer's matches are the keyword matches or these.
 */
final class DocSetQuery extends Query {

  private final int[] docs;
  private final Object reader;

  /** The documents {@code docs} (top-level ids) of the reader {@code reader} was read from. */
  DocSetQuery(int[] docs, Object reader) {
    this.docs = docs.clone();
    Arrays.sort(this.docs);
    this.reader = reader;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader().getContext().id() != reader) {
      throw new IllegalStateException("a DocSetQuery runs only on the reader it was made for");
    }
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) {
        int from = lowerBound(context.docBase);
        int to = lowerBound(context.docBase + context.reader().maxDoc());
        if (from == to) {
          return null;
        }
        DocIdSetIterator iterator = iterator(from, to, context.docBase);
        return new ConstantScoreScorer(this, score(), scoreMode, iterator);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private int lowerBound(int doc) {
    int at = Arrays.binarySearch(docs, doc);
    if (at < 0) {
      return -at - 1;
    }
    while (at > 0 && docs[at - 1] == doc) {
      at--;
    }
    return at;
  }

  private DocIdSetIterator iterator(int from, int to, int docBase) {
    return new DocIdSetIterator() {
      private int index = from - 1;
      private int doc = -1;

      @Override
      public int docID() {
        return doc;
      }

      @Override
      public int nextDoc() {
        index++;
        doc = index < to ? docs[index] - docBase : NO_MORE_DOCS;
        return doc;
      }

      @Override
      public int advance(int target) {
        while (doc < target) {
          nextDoc();
        }
        return doc;
      }

      @Override
      public long cost() {
        return to - from;
      }
    };
  }

  @Override
  public String toString(String field) {
    return "docs(" + docs.length + ")";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocSetQuery that
        && reader == that.reader
        && Arrays.equals(docs, that.docs);
  }

  @Override
  public int hashCode() {
    return 31 * System.identityHashCode(reader) + Arrays.hashCode(docs);
  }
}
