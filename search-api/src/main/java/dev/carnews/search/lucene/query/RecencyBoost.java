package dev.carnews.search.lucene.query;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import dev.carnews.search.lucene.index.SegmentCache;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;

/**
 * The recency multiplier of {@link Ranking} per article, from the {@link ArticleSchema#PUBLISHED}
 * doc values: {@code FLOOR + (1 − FLOOR) · 2^(−age / halfLife)}, the floor for unknown dates.
 */
public final class RecencyBoost extends PerDocumentValues {

  /** What a segment's {@link #publishedTimes} holds for an article of unknown date. */
  private static final long UNKNOWN = Long.MIN_VALUE;

  /**
   * Each open segment's publication times by document. Every search by relevance reads the time of
   * every article it matches; from the doc values that was a tenth of a search's time (JFR, 190k
   * articles), from an array it is a load. 8 bytes an article, read once per segment: a date never
   * changes in a segment (an update is a new document).
   */
  private static final SegmentCache<long[]> TIMES =
      new SegmentCache<>(RecencyBoost::publishedTimes);

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

  /** Reads the publication times of a new reader's segments before it serves. */
  public static void warm(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      TIMES.get(leaf.reader());
    }
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    long[] published = TIMES.get(ctx.reader());
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) {
        long millis = published[doc];
        value = millis != UNKNOWN ? multiplier(millis) : Ranking.RECENCY_FLOOR;
        return true;
      }
    };
  }

  /** A segment's publication times by document ({@link #UNKNOWN} when undated). */
  private static long[] publishedTimes(LeafReader segment) throws IOException {
    long[] times = new long[segment.maxDoc()];
    Arrays.fill(times, UNKNOWN);
    SortedNumericDocValues published = DocValues.getSortedNumeric(segment, ArticleSchema.PUBLISHED);
    for (int doc = published.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = published.nextDoc()) {
      times[doc] = published.nextValue();
    }
    return times;
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
