package dev.carnews.search.lucene.facets;

import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Collects one search's top hits and its drill-sideways facet counts in one pass over the matches,
 * so a facet's own filter does not narrow its own counts; counting spreads over the pool when there
 * is one ({@link ParallelFacetsDrillSideways}).
 */
public final class FacetCounts {

  /** The top hits, counted exactly, and the facet counts ({@code null} without facets yet). */
  public record Found(TopDocs top, Facets facets) {

    /** How many articles matched. */
    public long total() {
      return top.totalHits.value;
    }
  }

  private FacetCounts() {}

  /**
   * The top {@code window} hits by score ({@code sort == null}) or by the sort, counted exactly,
   * with facet counts tallied on the pool when there is one; without counts ({@code facets()} null)
   * when {@code counted} is false, the facet filters then applied as plain filters.
   */
  public static Found collect(
      IndexSearcher searcher,
      ExecutorService pool,
      FacetStates.Entry facetState,
      boolean counted,
      DrillDownQuery query,
      Sort sort,
      int window,
      ScoreDoc after)
      throws IOException {
    FacetStates.Entry state = counted ? facetState : null;
    return sort == null
        ? run(
            searcher,
            pool,
            state,
            query,
            new TopScoreDocCollectorManager(window, after, Integer.MAX_VALUE))
        : run(
            searcher,
            pool,
            state,
            query,
            new TopFieldCollectorManager(sort, window, (FieldDoc) after, Integer.MAX_VALUE));
  }

  private static <R extends TopDocs> Found run(
      IndexSearcher searcher,
      ExecutorService pool,
      FacetStates.Entry facetState,
      DrillDownQuery query,
      CollectorManager<?, R> hits)
      throws IOException {
    if (facetState == null || facetState.state() == null) {
      return new Found(searcher.search(query, hits), null);
    }
    DrillSideways sideways =
        new ParallelFacetsDrillSideways(
            searcher, ArticleSchema.facetsConfig(), facetState.state(), pool);
    DrillSideways.ConcurrentDrillSidewaysResult<R> result = sideways.search(query, hits);
    return new Found(result.collectorResult, result.facets);
  }
}
