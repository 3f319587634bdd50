package dev.carnews.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of results with the facet counts of the whole result set.
 *
 * @param total how many articles match (every version of a story, also when the search collapses
 *     stories)
 * @param page the 1-based page
 * @param size hits per page as requested
 * @param pages how many pages there are
 * @param tookMs time spent searching, in milliseconds
 * @param hits the articles of this page
 * @param facets article counts per facet ({@code brand}, {@code author}, {@code person}, {@code
 *     date}; every version, also when the search collapses stories); the date facet counts months
 *     ({@code yyyy-MM}) in time order
 * @param didYouMean a spelling correction of {@code q} when it found few or no articles, else
 *     {@code null}
 * @param interpretation how {@code q} was read (the words searched, how they matched, the brands
 *     and people it names), or {@code null} for a search without words
 * @param partial {@code true} when the search ran out of its time budget: hits, total and facets
 *     then cover only the part of the index searched in time
 * @param next a cursor for the page after this one ({@code after=}), or {@code null} when this page
 *     is not full
 */
public record SearchResponse(
    long total,
    int page,
    int size,
    int pages,
    long tookMs,
    List<SearchHit> hits,
    Map<String, List<FacetValue>> facets,
    String didYouMean,
    QueryInterpretation interpretation,
    boolean partial,
    String next) {

  /** Validates and copies, keeping the facets in their given order. */
  public SearchResponse {
    hits = List.copyOf(hits);
    Map<String, List<FacetValue>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(facets, "facets").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    facets = Collections.unmodifiableMap(copy);
  }

  /** A complete response without a spelling suggestion, interpretation or cursor. */
  public SearchResponse(
      long total,
      int page,
      int size,
      int pages,
      long tookMs,
      List<SearchHit> hits,
      Map<String, List<FacetValue>> facets) {
    this(total, page, size, pages, tookMs, hits, facets, null, null, false, null);
  }
}
