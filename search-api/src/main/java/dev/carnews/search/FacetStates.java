package dev.carnews.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;

/**
 * The sorted-set facet state of each open reader, built once per reader (building it per request is
 * a classic slowdown) and dropped when the reader closes after a refresh.
 */
final class FacetStates {

  /** The state of one reader; {@code state} is {@code null} when no document has facets yet. */
  record Entry(SortedSetDocValuesReaderState state) {}

  private final FacetsConfig config;
  private final Map<IndexReader.CacheKey, Entry> cache = new ConcurrentHashMap<>();

  FacetStates(FacetsConfig config) {
    this.config = config;
  }

  /** The state of a reader, from the cache when it was built before. */
  Entry forReader(IndexReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return build(reader);
    }
    try {
      return cache.computeIfAbsent(
          helper.getKey(),
          key -> {
            helper.addClosedListener(cache::remove);
            try {
              return build(reader);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** How many reader states are cached (for tests: one per open reader). */
  int size() {
    return cache.size();
  }

  private Entry build(IndexReader reader) throws IOException {
    FieldInfo field =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (field == null) {
      return new Entry(null);
    }
    return new Entry(new DefaultSortedSetDocValuesReaderState(reader, config));
  }
}
