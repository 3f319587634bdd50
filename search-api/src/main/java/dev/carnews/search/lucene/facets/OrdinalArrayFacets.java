package dev.carnews.search.lucene.facets;

import dev.carnews.search.lucene.index.SegmentCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PrimitiveIterator;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.TopOrdAndIntNumberQueue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Facet counts of the hits, tallied from each segment's facet labels kept as plain arrays of
 * ordinals instead of decoded from the doc values hit by hit: counting read the doc values' address
 * and ordinal blocks for every label of every match, a tenth of a first-time search (JFR, Reuters
 * 19k). The arrays are read once per segment ({@link SegmentCache}: a refresh reads the new
 * segments only), 4 bytes a label and 4 an article.
 *
 * <p>The answers are those of Lucene's {@link SortedSetDocValuesFacetCounts} for flat dimensions
 * (the only kind this index has, {@link #counts(SortedSetDocValuesReaderState)}): the same counts,
 * the same top values and order of ties (Lucene's own queue), the same dimension totals; the tests
 * hold the two to the same results on random indexes.
 */
final class OrdinalArrayFacets extends Facets {

  /**
   * One segment's facet labels: document d's ordinals are {@code ords[starts[d] .. starts[d+1])}.
   */
  private record SegmentOrdinals(int[] starts, int[] ords, int valueCount) {

    static SegmentOrdinals read(LeafReader segment) throws IOException {
      SortedSetDocValues values =
          DocValues.getSortedSet(segment, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      int[] starts = new int[segment.maxDoc() + 1];
      int[] ords = new int[Math.max(16, segment.maxDoc())];
      int size = 0;
      int next = 0;
      for (int doc = values.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        while (next <= doc) {
          starts[next++] = size;
        }
        int count = values.docValueCount();
        ords = ArrayUtil.grow(ords, size + count);
        for (int i = 0; i < count; i++) {
          ords[size++] = Math.toIntExact(values.nextOrd());
        }
      }
      while (next < starts.length) {
        starts[next++] = size;
      }
      return new SegmentOrdinals(
          starts, ArrayUtil.copyOfSubArray(ords, 0, size), Math.toIntExact(values.getValueCount()));
    }
  }

  private static final SegmentCache<SegmentOrdinals> ORDINALS =
      new SegmentCache<>(SegmentOrdinals::read);

  private final SortedSetDocValuesReaderState state;
  private final FacetsConfig config;
  private final SortedSetDocValues labels;
  private final int[] counts;

  /** Whether some segment had hits (without any, Lucene answers no values rather than zeros). */
  private boolean anyHits;

  /**
   * Whether this class counts for {@code state}: labels in the default facet field and no
   * hierarchical dimension (whose counts it does not roll up).
   */
  static boolean counts(SortedSetDocValuesReaderState state) {
    if (!FacetsConfig.DEFAULT_INDEX_FIELD_NAME.equals(state.getField())) {
      return false;
    }
    FacetsConfig config = configOf(state);
    for (String dim : state.getDims()) {
      if (config.getDimConfig(dim).hierarchical) {
        return false;
      }
    }
    return true;
  }

  /** Reads the facet ordinals of a new reader's segments before it serves. */
  static void warm(SortedSetDocValuesReaderState state) throws IOException {
    if (counts(state)) {
      for (var leaf : state.getReader().leaves()) {
        ORDINALS.get(leaf.reader());
      }
    }
  }

  /** Counts the labels of {@code hits}, which must come from a search of {@code state}'s reader. */
  OrdinalArrayFacets(SortedSetDocValuesReaderState state, FacetsCollector hits) throws IOException {
    this.state = state;
    this.config = configOf(state);
    this.labels = state.getDocValues();
    this.counts = new int[state.getSize()];
    List<MatchingDocs> matching = hits.getMatchingDocs();
    // Segment ordinals are the reader's when it is one segment; else mapped, as Lucene does.
    OrdinalMap global =
        labels instanceof MultiSortedSetDocValues multi && matching.size() > 1
            ? multi.mapping
            : null;
    for (MatchingDocs segment : matching) {
      if (ReaderUtil.getTopLevelContext(segment.context).reader() != state.getReader()) {
        throw new IllegalStateException("the facet state is not of the reader that was searched");
      }
      if (segment.totalHits > 0) {
        anyHits = true;
        count(segment, global);
      }
    }
  }

  private void count(MatchingDocs segment, OrdinalMap global) throws IOException {
    SegmentOrdinals ordinals = ORDINALS.get(segment.context.reader());
    DocIdSetIterator docs = segment.bits.iterator();
    if (ordinals.valueCount() == 0 || docs == null) {
      return;
    }
    int[] starts = ordinals.starts();
    int[] ords = ordinals.ords();
    if (global == null) {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          counts[ords[i]]++;
        }
      }
      return;
    }
    LongValues toGlobal = global.getGlobalOrds(segment.context.ord);
    if (segment.totalHits < ordinals.valueCount() / 10) {
      // Few hits: each label mapped as it is counted.
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          counts[(int) toGlobal.get(ords[i])]++;
        }
      }
      return;
    }
    // Many: counted by segment ordinal, then each counted label mapped once.
    int[] segmentCounts = new int[ordinals.valueCount()];
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
        segmentCounts[ords[i]]++;
      }
    }
    for (int ord = 0; ord < segmentCounts.length; ord++) {
      if (segmentCounts[ord] != 0) {
        counts[(int) toGlobal.get(ord)] += segmentCounts[ord];
      }
    }
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    Children children = children(dim, path);
    if (children == null || !anyHits) {
      return null;
    }
    TopOrdAndIntNumberQueue top = null;
    TopOrdAndIntNumberQueue.OrdAndInt spare = null;
    int total = 0;
    int counted = 0;
    while (children.ords().hasNext()) {
      int ord = children.ords().nextInt();
      int count = counts[ord];
      if (count > 0) {
        total += count;
        counted++;
        if (top == null) {
          top = new TopOrdAndIntNumberQueue(topN);
        }
        if (spare == null) {
          spare = (TopOrdAndIntNumberQueue.OrdAndInt) top.newOrdAndValue();
        }
        spare.ord = ord;
        spare.value = count;
        spare = (TopOrdAndIntNumberQueue.OrdAndInt) top.insertWithOverflow(spare);
      }
    }
    if (counted == 0) {
      return null;
    }
    LabelAndValue[] values = new LabelAndValue[top.size()];
    for (int i = values.length - 1; i >= 0; i--) {
      TopOrdAndIntNumberQueue.OrdAndInt best = (TopOrdAndIntNumberQueue.OrdAndInt) top.pop();
      values[i] = new LabelAndValue(label(best.ord), best.value);
    }
    return new FacetResult(dim, path, dimCount(dim, children.dimOrd(), total), values, counted);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    Children children = children(dim, path);
    if (children == null || !anyHits) {
      return null;
    }
    int total = 0;
    List<LabelAndValue> values = new ArrayList<>();
    while (children.ords().hasNext()) {
      int ord = children.ords().nextInt();
      int count = counts[ord];
      if (count > 0) {
        total += count;
        values.add(new LabelAndValue(label(ord), count));
      }
    }
    return new FacetResult(
        dim,
        path,
        dimCount(dim, children.dimOrd(), total),
        values.toArray(new LabelAndValue[0]),
        values.size());
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) {
      throw new IllegalArgumentException(
          dim + " is not configured as hierarchical, path must be length=1");
    }
    int ord = (int) labels.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    validateTopN(topN);
    List<FacetResult> results = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) {
        results.add(result);
      }
    }
    // Highest count first, then by name: Lucene's order.
    results.sort(
        (a, b) ->
            a.value.intValue() != b.value.intValue()
                ? Integer.compare(b.value.intValue(), a.value.intValue())
                : a.dim.compareTo(b.dim));
    return results;
  }

  /** A dimension's own ordinal and its values' ordinals. */
  private record Children(int dimOrd, PrimitiveIterator.OfInt ords) {}

  /** The ordinals of a flat dimension's values; null when no article has the dimension. */
  private Children children(String dim, String... path) {
    if (path.length > 0) {
      throw new IllegalArgumentException(
          "Field is not configured as hierarchical, path should be 0 length");
    }
    OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return null;
    }
    PrimitiveIterator.OfInt ords = range.iterator();
    FacetsConfig.DimConfig dimConfig = config.getDimConfig(dim);
    if (dimConfig.multiValued && dimConfig.requireDimCount) {
      ords.nextInt(); // the dimension's own count comes first
    }
    return new Children(range.start, ords);
  }

  /**
   * The dimension's count as Lucene gives it: the sum of its values when an article has one value
   * at most, the indexed dimension count when kept, else -1 (articles with several would count
   * twice).
   */
  private int dimCount(String dim, int dimOrd, int sumOfValues) {
    FacetsConfig.DimConfig dimConfig = config.getDimConfig(dim);
    if (!dimConfig.multiValued) {
      return sumOfValues;
    }
    return dimConfig.requireDimCount ? counts[dimOrd] : -1;
  }

  private String label(int ord) throws IOException {
    String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
    return path[path.length - 1];
  }

  private static FacetsConfig configOf(SortedSetDocValuesReaderState state) {
    return Objects.requireNonNullElse(state.getFacetsConfig(), new FacetsConfig());
  }
}
