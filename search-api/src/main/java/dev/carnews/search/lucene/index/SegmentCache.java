package dev.carnews.search.lucene.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
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

  private final Builder<T> builder;
  private final Map<IndexReader.CacheKey, T> cache = new ConcurrentHashMap<>();

  public SegmentCache(Builder<T> builder) {
    this.builder = builder;
  }

  /** How many segments have a value now. */
  public int size() {
    return cache.size();
  }

  /** The value for a segment, from the cache when it was built before. */
  public T get(LeafReader segment) throws IOException {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return builder.build(segment);
    }
    try {
      return cache.computeIfAbsent(
          helper.getKey(),
          key -> {
            helper.addClosedListener(cache::remove);
            try {
              return builder.build(segment);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
