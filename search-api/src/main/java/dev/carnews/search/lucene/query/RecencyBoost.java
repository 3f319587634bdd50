package dev.carnews.search.lucene.query;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;

/**
 * The recency multiplier of {@link Ranking} per article, from the {@link ArticleSchema#PUBLISHED}
 * doc values: {@code FLOOR + (1 − FLOOR) · 2^(−age / halfLife)}, the floor for unknown dates.
 */
public final class RecencyBoost extends PerDocumentValues {

  private final long newest;
  private final Ranking ranking;

  private RecencyBoost(long newest, Ranking ranking) {
    this.newest = newest;
    this.ranking = ranking;
  }

  /** The multiplier for a reader: ages count from its newest article. */
  public static RecencyBoost of(IndexReader reader, Ranking ranking) throws IOException {
    byte[] max = PointValues.getMaxPackedValue(reader, ArticleSchema.PUBLISHED);
    long newest = max == null ? 0 : LongPoint.decodeDimension(max, 0);
    return new RecencyBoost(newest, ranking);
  }

  /** The multiplier of an article published at {@code millis}. */
  public double multiplier(long millis) {
    return ranking.multiplier(newest, millis);
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedNumericDocValues published =
        DocValues.getSortedNumeric(ctx.reader(), ArticleSchema.PUBLISHED);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        value =
            published.advanceExact(doc) ? multiplier(published.nextValue()) : Ranking.RECENCY_FLOOR;
        return true;
      }
    };
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, ArticleSchema.PUBLISHED);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecencyBoost that
        && newest == that.newest
        && ranking.equals(that.ranking);
  }

  @Override
  public int hashCode() {
    return Objects.hash(newest, ranking);
  }

  @Override
  public String toString() {
    return "recency(newest=" + newest + ", halfLifeDays=" + ranking.recencyHalfLifeDays() + ")";
  }
}
