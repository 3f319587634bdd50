package dev.carnews.search.lucene.query;

import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A ranking factor read per document, never from the score, with nothing to rewrite: what the
 * recency and salience boosts share, so each says only how it reads its value.
 */
abstract class PerDocumentValues extends DoubleValuesSource {

  @Override
  public final boolean needsScores() {
    return false;
  }

  @Override
  public final DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }
}
