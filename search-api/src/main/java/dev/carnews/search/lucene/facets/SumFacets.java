package dev.carnews.search.lucene.facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;

/**
 * The counts of two disjoint sets of articles added up: a hybrid search's keyword matches (counted
 * drill-sideways) and the nearest articles the words did not match (few, counted plainly: they were
 * taken within every filter). The top values are exact: the larger side's candidates are its top
 * values plus as many as the smaller side has values, so no value outside them can reach the top.
 */
public final class SumFacets extends Facets {

  private final Facets large;
  private final Facets small;

  SumFacets(Facets large, Facets small) {
    this.large = large;
    this.small = small;
  }

  /**
   * The counts of {@code matched} plus the plain counts of {@code extra} (documents not among the
   * matches) in {@code state}; {@code matched} alone when there is nothing extra or no counts.
   */
  public static Facets of(
      Facets matched, FacetStates.Entry state, org.apache.lucene.facet.FacetsCollector extra)
      throws IOException {
    if (matched == null || state == null || state.state() == null || extra == null) {
      return matched;
    }
    return new SumFacets(matched, new SortedSetDocValuesFacetCounts(state.state(), extra));
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    FacetResult a = large.getAllChildren(dim, path);
    FacetResult b = small.getAllChildren(dim, path);
    add(counts, a);
    add(counts, b);
    return result(dim, path, a, b, counts, counts.size());
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    FacetResult few = small.getAllChildren(dim, path);
    int extra = few == null ? 0 : few.labelValues.length;
    FacetResult many = large.getTopChildren(topN + extra, dim, path);
    Map<String, Long> counts = new HashMap<>();
    // Each candidate's count on both sides (a value may be a candidate on one side only).
    if (many != null) {
      for (LabelAndValue value : many.labelValues) {
        counts.put(value.label, value.value.longValue() + count(small, dim, path, value.label));
      }
    }
    if (few != null) {
      for (LabelAndValue value : few.labelValues) {
        counts.put(value.label, value.value.longValue() + count(large, dim, path, value.label));
      }
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> top = new LinkedHashMap<>();
    for (Map.Entry<String, Long> value : sorted.subList(0, Math.min(topN, sorted.size()))) {
      top.put(value.getKey(), value.getValue());
    }
    int children = (many == null ? 0 : many.childCount) + extra;
    return result(dim, path, many, few, top, children);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    return Math.max(0, large.getSpecificValue(dim, path).longValue())
        + Math.max(0, small.getSpecificValue(dim, path).longValue());
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> dims = new ArrayList<>();
    for (FacetResult dim : large.getAllDims(topN)) {
      dims.add(getTopChildren(topN, dim.dim));
    }
    return dims;
  }

  private static long count(Facets facets, String dim, String[] path, String label)
      throws IOException {
    String[] full = new String[path.length + 1];
    System.arraycopy(path, 0, full, 0, path.length);
    full[path.length] = label;
    return Math.max(0, facets.getSpecificValue(dim, full).longValue());
  }

  private static void add(Map<String, Long> counts, FacetResult result) {
    if (result != null) {
      for (LabelAndValue value : result.labelValues) {
        counts.merge(value.label, value.value.longValue(), Long::sum);
      }
    }
  }

  private static FacetResult result(
      String dim,
      String[] path,
      FacetResult a,
      FacetResult b,
      Map<String, Long> counts,
      int childCount) {
    if (a == null && b == null) {
      return null;
    }
    long total = value(a) + value(b);
    LabelAndValue[] values =
        counts.entrySet().stream()
            .map(entry -> new LabelAndValue(entry.getKey(), entry.getValue()))
            .toArray(LabelAndValue[]::new);
    return new FacetResult(dim, path, total, values, childCount);
  }

  private static long value(FacetResult result) {
    return result == null ? 0 : Math.max(0, result.value.longValue());
  }
}
