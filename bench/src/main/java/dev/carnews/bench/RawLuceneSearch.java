package dev.carnews.bench;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.AUTHOR_FACET;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_FACET;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_FACET;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.analysis.NameKeys;
import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.SearchThreads;
import dev.carnews.search.lucene.facets.ParallelFacetsDrillSideways;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * The raw-Lucene baseline: the same work as the service's search (the same query over title and
 * body, the brand filter, the date range, drill-sideways counts of four facets over a facet state
 * built once, exact total, top 10 with two highlighted body passages and the highlighted title, the
 * stored fields of the hits) written directly against one {@link IndexSearcher}, without request
 * objects, response records or per-request set-up.
 */
final class RawLuceneSearch {

  private static final Set<String> HIT_FIELDS =
      Set.of(ID, URL, TITLE, AUTHOR, PUBLISHED, BRAND, PERSON, BODY);

  private final IndexSearcher searcher;
  private final SearchThreads threads;
  private final FacetsConfig config = ArticleSchema.facetsConfig();
  private final SortedSetDocValuesReaderState state;
  private final UnifiedHighlighter bodyHighlighter;
  private final UnifiedHighlighter titleHighlighter;

  /**
   * The baseline over a searcher's reader; it spreads a search over the threads exactly when the
   * service would (matching slices of segments and counting facets in parallel).
   */
  RawLuceneSearch(IndexSearcher searcher, SearchThreads threads) throws IOException {
    this.searcher = searcher;
    this.threads = threads;
    this.state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config);
    this.bodyHighlighter =
        UnifiedHighlighter.builderWithoutSearcher(NewsAnalyzers.text())
            .withMaxNoHighlightPassages(0)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), 160, 0.5f))
            .build();
    this.titleHighlighter =
        UnifiedHighlighter.builderWithoutSearcher(NewsAnalyzers.text())
            .withMaxNoHighlightPassages(0)
            .withBreakIterator(WholeBreakIterator::new)
            .build();
  }

  /** Runs the search and returns a checksum of what it produced (so none of it is skipped). */
  long search(SearchRequest request) throws IOException {
    try (SearchThreads.Lease lease = threads.lease()) {
      ExecutorService pool = lease.pool().orElse(null);
      IndexSearcher spread =
          pool == null ? searcher : new IndexSearcher(searcher.getIndexReader(), pool);
      return search(request, spread, pool);
    }
  }

  private long search(SearchRequest request, IndexSearcher searcher, ExecutorService pool)
      throws IOException {
    Query text = parse(request.q());
    Query main = text;
    if (request.hasDateFilter()) {
      long from =
          request
              .fromDate()
              .map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
              .orElse(Long.MIN_VALUE);
      long to =
          request
              .toDate()
              .map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli())
              .map(end -> end - 1)
              .orElse(Long.MAX_VALUE);
      main =
          new BooleanQuery.Builder()
              .add(text, BooleanClause.Occur.MUST)
              .add(LongField.newRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER)
              .build();
    }
    DrillDownQuery query = new DrillDownQuery(config, main);
    for (String brand : request.brands()) {
      query.add(BRAND_FACET, new TermQuery(new Term(BRAND_KEY, NameKeys.key(brand))));
    }
    DrillSideways sideways = new ParallelFacetsDrillSideways(searcher, config, state, pool);
    Sort sort =
        request.sort() == SortOrder.NEWEST || request.q().isBlank()
            ? ArticleSchema.newestFirst()
            : null;
    TopDocs top;
    Facets facets;
    if (sort == null) {
      var result =
          sideways.search(
              query, new TopScoreDocCollectorManager(request.size(), null, Integer.MAX_VALUE));
      top = result.collectorResult;
      facets = result.facets;
    } else {
      var result =
          sideways.search(
              query, new TopFieldCollectorManager(sort, request.size(), null, Integer.MAX_VALUE));
      top = result.collectorResult;
      facets = result.facets;
    }
    long checksum = top.totalHits.value;
    checksum += facetSum(facets.getTopChildren(20, BRAND_FACET));
    checksum += facetSum(facets.getTopChildren(20, AUTHOR_FACET));
    checksum += facetSum(facets.getTopChildren(20, PERSON_FACET));
    checksum += facetSum(facets.getAllChildren(MONTH_FACET));
    // Each hit's stored fields are read once; title and body are highlighted from that text.
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Document doc = stored.document(hit.doc, HIT_FIELDS);
      checksum += doc.get(ID).length();
      String body = doc.get(BODY);
      Object snippet = null;
      Object title = null;
      if (!request.q().isBlank()) {
        snippet = bodyHighlighter.highlightWithoutSearcher(BODY, text, body, 2);
        title = titleHighlighter.highlightWithoutSearcher(TITLE, text, doc.get(TITLE), 1);
      }
      if (snippet == null) {
        snippet = body.substring(0, Math.min(body.length(), 200));
      }
      checksum += snippet.toString().length() + (title == null ? 0 : title.toString().length());
    }
    return checksum;
  }

  private static Query parse(String q) {
    if (q.isBlank()) {
      return new MatchAllDocsQuery();
    }
    SimpleQueryParser parser =
        new SimpleQueryParser(ArticleSchema.queryAnalyzer(), Map.of(TITLE, 3f, BODY, 1f));
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    Query parsed = parser.parse(q);
    return parsed == null ? new MatchNoDocsQuery() : parsed;
  }

  private static long facetSum(FacetResult result) {
    if (result == null) {
      return 0;
    }
    return result.value.longValue() + result.childCount;
  }
}
