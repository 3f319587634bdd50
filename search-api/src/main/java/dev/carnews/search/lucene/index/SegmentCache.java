package dev.carnews.search.lucene.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReader;

/**
 * A value computed once per segment from what the segment's documents hold, kept while the segment
 * is open: a refresh after a write builds it for the new segment only, and deletions (an update is
 * a deletion and a new document) do not rebuild it. Thread-safe.
 */
public final class SegmentCache<T> {

  /** Computes the value for a segment. */
  @FunctionalInterface
  public interface Builder<T> {
    T build(LeafReader segment) throws IOException;
  }

  private final PerKeyCache<LeafReader, T> cache;

  public SegmentCache(Builder<T> builder) {
    this.cache = new PerKeyCache<>(builder::build, LeafReader::getCoreCacheHelper);
  }

  /** How many segments have a value now. */
  public int size() {
    return cache.size();
  }

  /** The value for a segment, from the cache when it was built before. */
  public T get(LeafReader segment) throws IOException {
    return cache.get(segment);
  }
}
