package dev.carnews.search.lucene.index;

import java.io.IOException;
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

  private final PerKeyCache<IndexReader, T> cache;

  public ReaderCache(Builder<T> builder) {
    this.cache = new PerKeyCache<>(builder::build, IndexReader::getReaderCacheHelper);
  }

  /** How many readers have a value now. */
  public int size() {
    return cache.size();
  }

  /** The value for a reader, from the cache when it was built before. */
  public T get(IndexReader reader) throws IOException {
    return cache.get(reader);
  }
}
