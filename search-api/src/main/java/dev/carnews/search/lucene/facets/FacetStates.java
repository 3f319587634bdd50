package dev.carnews.search.lucene.facets;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
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
public final class FacetStates {

  /**
   * The state of one reader; {@code state} is {@code null} when no document has facets yet.
   *
   * @param variants per name facet, the labels that share their folded key with another label
   *     ("Francois Provost" and "François Provost"), each with its key and all the labels of that
   *     key; computed once per reader so a request merges only the values it shows
   * @param keys per name facet, the folded key of every label, so a request folds no label itself
   */
  public record Entry(
      SortedSetDocValuesReaderState state,
      Map<String, Map<String, Variant>> variants,
      Map<String, Map<String, String>> keys) {

    /** Copies the maps. */
    public Entry {
      variants = Map.copyOf(variants);
      keys = Map.copyOf(keys);
    }

    /** Whether some labels of a facet must be merged by their folded key. */
    boolean hasVariants(String dim) {
      return variants.containsKey(dim);
    }

    /** The other spellings of a label, with the label itself; empty when it has none. */
    List<String> spellings(String dim, String label) {
      Variant variant = variants.getOrDefault(dim, Map.of()).get(label);
      return variant == null ? List.of() : variant.labels();
    }

    /** The folded key of a label. */
    String keyOf(String dim, String label) {
      String key = keys.getOrDefault(dim, Map.of()).get(label);
      return key != null ? key : NameKeys.key(label);
    }
  }

  /** One folded key and every label of it in a facet. */
  record Variant(String key, List<String> labels) {

    /** Copies the list. */
    Variant {
      labels = List.copyOf(labels);
    }
  }

  /** The facets whose labels are names, folded by {@link NameKeys#key}. */
  private static final List<String> NAME_DIMS =
      List.of(ArticleSchema.BRAND_FACET, ArticleSchema.AUTHOR_FACET, ArticleSchema.PERSON_FACET);

  private final FacetsConfig config;
  private final ReaderCache<Entry> cache = new ReaderCache<>(this::build);

  public FacetStates(FacetsConfig config) {
    this.config = config;
  }

  /** The state of a reader, from the cache when it was built before. */
  public Entry forReader(IndexReader reader) throws IOException {
    return cache.get(reader);
  }

  /** How many reader states are cached (for tests: one per open reader). */
  int size() {
    return cache.size();
  }

  private Entry build(IndexReader reader) throws IOException {
    FieldInfo field =
        FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (field == null) {
      return new Entry(null, Map.of(), Map.of());
    }
    SortedSetDocValuesReaderState state = new LabelCachingState(reader, config);
    OrdinalArrayFacets.warm(state);
    Map<String, Map<String, String>> keys = new HashMap<>();
    return new Entry(state, variantDims(state, keys), keys);
  }

  /**
   * The labels of each name facet that share a folded key with another label: once per reader, not
   * per request (running the key analyzer over every label per request is slow). Fills {@code keys}
   * with the folded key of every label of each name facet.
   */
  private static Map<String, Map<String, Variant>> variantDims(
      SortedSetDocValuesReaderState state, Map<String, Map<String, String>> keys)
      throws IOException {
    Map<String, Map<String, Variant>> dims = new HashMap<>();
    SortedSetDocValues values = state.getDocValues();
    for (String dim : NAME_DIMS) {
      OrdRange range = state.getOrdRange(dim);
      if (range == null) {
        continue;
      }
      Map<String, List<String>> labelsByKey = new HashMap<>();
      Map<String, String> keyByLabel = new HashMap<>();
      for (int ord = range.start; ord <= range.end; ord++) {
        String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
        String label = path[path.length - 1];
        String folded = NameKeys.key(label);
        keyByLabel.put(label, folded);
        labelsByKey.computeIfAbsent(folded, key -> new ArrayList<>()).add(label);
      }
      keys.put(dim, Map.copyOf(keyByLabel));
      Map<String, Variant> variants = new HashMap<>();
      labelsByKey.forEach(
          (key, labels) -> {
            if (labels.size() > 1) {
              Variant variant = new Variant(key, labels);
              labels.forEach(label -> variants.put(label, variant));
            }
          });
      if (!variants.isEmpty()) {
        dims.put(dim, variants);
      }
    }
    return dims;
  }
}
