package dev.carnews.search.lucene.facets;

import static dev.carnews.index.ArticleSchema.AUTHOR_FACET;
import static dev.carnews.index.ArticleSchema.BRAND_FACET;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON_FACET;

import dev.carnews.index.CanonicalLabels;
import dev.carnews.search.FacetValue;
import dev.carnews.search.SearchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * The facet lists of a response from the counts: the top brands, authors and people with the forms
 * of one name (case, accents) merged under its most frequent form, and every month in order.
 */
public final class FacetLists {

  private FacetLists() {}

  /**
   * The facets the request asks for, in {@link SearchRequest#FACET_NAMES} order, the brand, author
   * and person lists each of up to {@link SearchRequest#facetSize()} values.
   */
  public static Map<String, List<FacetValue>> of(
      Facets counts, FacetStates.Entry facetState, SearchRequest request) throws IOException {
    int topN = request.facetSize();
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    if (request.wantsFacet("brand")) {
      facets.put("brand", top(counts, facetState, BRAND_FACET, topN));
    }
    if (request.wantsFacet("author")) {
      facets.put("author", top(counts, facetState, AUTHOR_FACET, topN));
    }
    if (request.wantsFacet("person")) {
      facets.put("person", top(counts, facetState, PERSON_FACET, topN));
    }
    if (request.wantsFacet("date")) {
      facets.put("date", months(counts, facetState.state()));
    }
    return facets;
  }

  private static List<FacetValue> top(
      Facets facets, FacetStates.Entry facetState, String dim, int topN) throws IOException {
    if (facets == null || facetState.state().getOrdRange(dim) == null) {
      return List.of();
    }
    if (!facetState.hasVariants(dim)) {
      return values(facets.getTopChildren(topN, dim));
    }
    // The forms of one name (case, accents) count as one value: merge the candidates for the top
    // with every other spelling of theirs, counted one by one, rather than reading all values.
    FacetResult top = facets.getTopChildren(topN * 2, dim);
    if (top == null) {
      return List.of();
    }
    List<LabelAndValue> candidates = new ArrayList<>();
    Set<String> added = new HashSet<>();
    for (LabelAndValue value : top.labelValues) {
      List<String> spellings = facetState.spellings(dim, value.label);
      if (spellings.isEmpty()) {
        if (added.add(value.label)) {
          candidates.add(value);
        }
        continue;
      }
      for (String spelling : spellings) {
        if (added.add(spelling)) {
          Number count =
              spelling.equals(value.label) ? value.value : facets.getSpecificValue(dim, spelling);
          if (count != null && count.longValue() > 0) {
            candidates.add(new LabelAndValue(spelling, count));
          }
        }
      }
    }
    FacetResult merged =
        new FacetResult(
            dim,
            new String[0],
            top.value,
            candidates.toArray(new LabelAndValue[0]),
            candidates.size());
    return CanonicalLabels.top(merged, topN, label -> facetState.keyOf(dim, label)).stream()
        .map(value -> new FacetValue(value.label, value.value.longValue()))
        .toList();
  }

  private static List<FacetValue> months(Facets facets, SortedSetDocValuesReaderState state)
      throws IOException {
    if (facets == null || state.getOrdRange(MONTH_FACET) == null) {
      return List.of();
    }
    List<FacetValue> months = new ArrayList<>(values(facets.getAllChildren(MONTH_FACET)));
    months.sort(Comparator.comparing(FacetValue::value));
    return months;
  }

  private static List<FacetValue> values(FacetResult result) {
    if (result == null) {
      return List.of();
    }
    List<FacetValue> values = new ArrayList<>(result.labelValues.length);
    for (LabelAndValue labelAndValue : result.labelValues) {
      if (labelAndValue.value.longValue() > 0) {
        values.add(new FacetValue(labelAndValue.label, labelAndValue.value.longValue()));
      }
    }
    return values;
  }
}
