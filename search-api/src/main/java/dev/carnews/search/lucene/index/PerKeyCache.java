package dev.carnews.search.lucene.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * Values computed once per cache key of a reader (the reader's own, or its segment core's) and
 * dropped when whatever the key stands for closes: what {@link ReaderCache} and {@link
 * SegmentCache} share. Thread-safe.
 */
final class PerKeyCache<R, T> {

  /** Computes the value for a reader. */
  @FunctionalInterface
  interface Builder<R, T> {
    T build(R reader) throws IOException;
  }

  private final Builder<R, T> builder;
  private final Function<R, IndexReader.CacheHelper> helperOf;
  private final Map<IndexReader.CacheKey, T> cache = new ConcurrentHashMap<>();

  PerKeyCache(Builder<R, T> builder, Function<R, IndexReader.CacheHelper> helperOf) {
    this.builder = builder;
    this.helperOf = helperOf;
  }

  int size() {
    return cache.size();
  }

  T get(R reader) throws IOException {
    IndexReader.CacheHelper helper = helperOf.apply(reader);
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
