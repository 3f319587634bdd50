package dev.carnews.search.lucene.facets;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;

/**
 * Drill-sideways whose facet counts are tallied segment by segment on a thread pool ({@link
 * ConcurrentSortedSetDocValuesFacetCounts}) instead of on the calling thread. Matching itself runs
 * as the searcher says (in parallel slices when it has an executor). Without a pool the counts are
 * tallied on the calling thread from each segment's ordinals kept in arrays ({@link
 * OrdinalArrayFacets}).
 */
public final class ParallelFacetsDrillSideways extends DrillSideways {

  private final ExecutorService countingThreads;

  /**
   * Drill-sideways over the searcher and facet state; {@code countingThreads} may be null (counts
   * on the calling thread).
   */
  public ParallelFacetsDrillSideways(
      IndexSearcher searcher,
      FacetsConfig config,
      SortedSetDocValuesReaderState state,
      ExecutorService countingThreads) {
    super(searcher, config, state);
    this.countingThreads = countingThreads;
  }

  @Override
  protected Facets buildFacetsResult(
      FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
      throws IOException {
    if (countingThreads == null && !OrdinalArrayFacets.counts(state)) {
      return super.buildFacetsResult(drillDowns, drillSideways, drillSidewaysDims);
    }
    Facets drillDownFacets = count(drillDowns);
    if (drillSideways == null || drillSideways.length == 0) {
      return drillDownFacets;
    }
    Map<String, Facets> sidewaysFacets = new HashMap<>();
    for (int i = 0; i < drillSideways.length; i++) {
      sidewaysFacets.put(drillSidewaysDims[i], count(drillSideways[i]));
    }
    return new MultiFacets(sidewaysFacets, drillDownFacets);
  }

  private Facets count(FacetsCollector hits) throws IOException {
    if (countingThreads == null) {
      return new OrdinalArrayFacets(state, hits);
    }
    try {
      return new ConcurrentSortedSetDocValuesFacetCounts(state, hits, countingThreads);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while counting facets", e);
    }
  }
}
