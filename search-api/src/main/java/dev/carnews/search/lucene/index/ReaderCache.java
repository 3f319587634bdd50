package dev.carnews.search.lucene.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * A value computed once per open top-level reader and dropped when the reader closes after a
 * refresh, so per-reader summaries are never rebuilt per request.
 */
public final class ReaderCache<T> {

  /** Computes the value for a reader. */
  @FunctionalInterface
  public interface Builder<T> {
    T build(IndexReader reader) throws IOException;
  }

  private final Builder<T> builder;
  private final Map<IndexReader.CacheKey, T> cache = new ConcurrentHashMap<>();

  public ReaderCache(Builder<T> builder) {
    this.builder = builder;
  }

  /** How many readers have a value now. */
  public int size() {
    return cache.size();
  }

  /** The value for a reader, from the cache when it was built before. */
  public T get(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return builder.build(reader);
    }
    try {
      return cache.computeIfAbsent(
          helper.getKey(),
          key -> {
            helper.addClosedListener(cache::remove);
            try {
              return builder.build(reader);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
