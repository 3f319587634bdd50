package dev.carnews.search;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The sorted-set facet state of each open reader, built once per reader (building it per request is
 * a classic slowdown) and dropped when the reader closes after a refresh.
 */
final class FacetStates {

  /**
   * The state of one reader; {@code state} is {@code null} when no document has facets yet.
   *
   * @param variantDims the name facets in which two labels fold to one key ("Francois Provost" and
   *     "François Provost"): only those need their values merged per request, which means reading
   *     every value; the others can take Lucene's top-N directly
   */
  record Entry(SortedSetDocValuesReaderState state, Map<String, Map<String, String>> variantDims) {

    /** Copies the map. */
    Entry {
      variantDims = Map.copyOf(variantDims);
    }

    /** Whether the labels of a facet must be merged by their folded key. */
    boolean hasVariants(String dim) {
      return variantDims.containsKey(dim);
    }

    /** The folded key of a label of a facet with variants, computed once per reader. */
    String keyOf(String dim, String label) {
      String key = variantDims.getOrDefault(dim, Map.of()).get(label);
      return key != null ? key : NameKeys.key(label);
    }
  }

  /** The facets whose labels are names, folded by {@link NameKeys#key}. */
  private static final List<String> NAME_DIMS =
      List.of(ArticleSchema.BRAND_FACET, ArticleSchema.AUTHOR_FACET, ArticleSchema.PERSON_FACET);

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
      return new Entry(null, Map.of());
    }
    SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
    return new Entry(state, variantDims(state));
  }

  /**
   * The name facets with two labels of one key, each with the key of every label: once per reader,
   * not per request (running the key analyzer over every label per request is slow).
   */
  private static Map<String, Map<String, String>> variantDims(SortedSetDocValuesReaderState state)
      throws IOException {
    Map<String, Map<String, String>> dims = new HashMap<>();
    SortedSetDocValues values = state.getDocValues();
    for (String dim : NAME_DIMS) {
      OrdRange range = state.getOrdRange(dim);
      if (range == null) {
        continue;
      }
      Map<String, String> keys = new HashMap<>();
      Set<String> seen = new HashSet<>();
      boolean variants = false;
      for (int ord = range.start; ord <= range.end; ord++) {
        String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
        String label = path[path.length - 1];
        String key = NameKeys.key(label);
        keys.put(label, key);
        variants |= !seen.add(key);
      }
      if (variants) {
        dims.put(dim, keys);
      }
    }
    return dims;
  }
}
