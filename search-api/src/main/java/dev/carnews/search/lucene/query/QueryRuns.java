package dev.carnews.search.lucene.query;

import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.facets.FacetCounts;
import dev.carnews.search.lucene.facets.FacetStates;
import dev.carnews.search.lucene.facets.SumFacets;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Runs a request's query in one reading of its words (all of them, fuzzy, or most): text query,
 * ranking, filters, collection with facet counts within the time budget, then proximity re-ranking
 * of the best hits.
 */
public final class QueryRuns {

  /**
   * How many of the best hits by words, names and recency are re-ranked by proximity (the words
   * close together): enough to reorder every page a reader pages through, without scoring a sloppy
   * phrase over every match of a broad query.
   */
  static final int PROXIMITY_WINDOW = 100;

  /**
   * The nearest articles a search by meaning takes at least: the vector side of a hybrid answer and
   * the matches of a semantic one.
   */
  public static final int NEIGHBOURS = 100;

  /** The deepest a cursor may page through a ranking by meaning (fused or not). */
  static final int MAX_FUSED = 1000;

  /**
   * What one search runs against: the acquired searcher, the threads it may spread over (null: the
   * caller's only) and the reader's facet state.
   */
  public record Scope(IndexSearcher searcher, ExecutorService pool, FacetStates.Entry facets) {}

  /** The runs of one search: its scope, request and cursor fixed; words, reading and depth vary. */
  @FunctionalInterface
  public interface Runs {
    Attempt attempt(String q, TextQueries.Match match, EntityLexicon.Reading reading, int depth)
        throws IOException;
  }

  /** Builds what the ranking keeps per reader, for a new reader before it serves. */
  public void warm(IndexReader reader) throws IOException {
    rankedQueries.warm(reader);
  }

  /** The runs of a search in this scope, after this cursor ({@code null}: from the top). */
  public Runs runs(Scope scope, SearchRequest request, ScoreDoc after) {
    return (q, match, reading, depth) -> attempt(scope, request, after, q, match, reading, depth);
  }

  /**
   * The runs of a search by meaning ({@code semantic}) or by words and meaning ({@code hybrid}),
   * {@code meaning} giving the query's vector (it may still be being computed: a hybrid search
   * ranks the words meanwhile); a keyword request, or one without a vector, runs by words.
   */
  public Runs runs(Scope scope, SearchRequest request, ScoreDoc after, Supplier<float[]> meaning) {
    if (meaning == null || request.mode() == SearchMode.KEYWORD) {
      return runs(scope, request, after);
    }
    return (q, match, reading, depth) ->
        fused(scope, request, after, q, match, reading, depth, meaning);
  }

  /**
   * One run of the query in one reading: its text query (for highlighting), the whole query with
   * ranking and filters, how many hits it collected at most, and the hits.
   */
  public record Attempt(
      Query text, Query query, int window, FacetCounts.Found found, boolean partial) {
    public long total() {
      return found.total();
    }
  }

  private final FacetsConfig config = ArticleSchema.facetsConfig();
  private final TextQueries textQueries = new TextQueries(ArticleSchema.queryAnalyzer());
  private final RankedQueries rankedQueries;
  private final Duration timeBudget;

  public QueryRuns(RankedQueries rankedQueries, Duration timeBudget) {
    this.rankedQueries = rankedQueries;
    this.timeBudget = timeBudget;
  }

  /** The sort of a request, or {@code null} for relevance order. */
  public static Sort sortOf(SearchRequest request) {
    return switch (request.sort()) {
      case RELEVANCE -> request.q().isBlank() ? ArticleSchema.newestFirst() : null;
      case NEWEST -> ArticleSchema.newestFirst();
      case OLDEST -> ArticleSchema.oldestFirst();
    };
  }

  /**
   * Every article the request matches when its words are read as they are (all of them), as an
   * unscored query: the scope of an entity page or a search's significant entities.
   */
  public Query matches(SearchRequest request) {
    Query text = textQueries.parse(request.q());
    QueryLimits.checkClauses(text);
    return Filters.apply(config, text, request);
  }

  /** The words of a request to mark in snippets, or {@code null} when it has none. */
  public Query marked(SearchRequest request) {
    return request.q().isBlank() ? null : textQueries.parse(request.q());
  }

  /** The request's page (or the page after {@code after}) for {@code q} read with {@code match}. */
  Attempt attempt(
      Scope scope,
      SearchRequest request,
      ScoreDoc after,
      String q,
      TextQueries.Match match,
      EntityLexicon.Reading reading)
      throws IOException {
    return attempt(scope, request, after, q, match, reading, 1);
  }

  /**
   * Like {@link #attempt(Scope, SearchRequest, ScoreDoc, String, TextQueries.Match,
   * EntityLexicon.Reading)}, collecting {@code depth} times the hits a page needs (collapsed
   * searches skip the other versions of a story).
   */
  Attempt attempt(
      Scope scope,
      SearchRequest request,
      ScoreDoc after,
      String q,
      TextQueries.Match match,
      EntityLexicon.Reading reading,
      int depth)
      throws IOException {
    IndexSearcher searcher = scope.searcher();
    Query text = textQueries.parse(q, match, searcher.getIndexReader());
    QueryLimits.checkClauses(text);
    boolean relevance = !q.isBlank() && request.sort() == SortOrder.RELEVANCE;
    Optional<Query> proximity = relevance ? textQueries.proximity(q) : Optional.empty();
    // Proximity re-ranks the top hits of a page search; a cursor page scores it for every match, so
    // its order continues the first page's wherever proximity moved a hit within the window.
    boolean rescore = proximity.isPresent() && after == null;
    Query ranked =
        rankedQueries.ranked(
            searcher, text, rescore ? Optional.empty() : proximity, request, reading);
    DrillDownQuery query = Filters.apply(config, ranked, request);
    int window = (after == null ? request.page() * request.size() : request.size()) * depth;
    int collected = rescore ? Math.max(window, PROXIMITY_WINDOW) : window;
    IndexSearcher timed = timed(scope, request);
    FacetCounts.Found found =
        FacetCounts.collect(
            timed,
            scope.pool(),
            scope.facets(),
            !request.facets().isEmpty(),
            query,
            sortOf(request),
            collected,
            after);
    if (rescore) {
      TopDocs reranked =
          QueryRescorer.rescore(
              searcher,
              found.top(),
              rankedQueries.withRecency(searcher, proximity.get()),
              1,
              window);
      found = new FacetCounts.Found(reranked, found.facets());
    }
    return new Attempt(text, query, window, found, timed.timedOut());
  }

  /**
   * A search by meaning, alone or fused with the words. The nearest articles are taken within every
   * filter (dates, {@code about}, brand, author, person), never filtered afterwards. The answer's
   * matches, total and facet counts are those of the union of the keyword matches (hybrid) and the
   * nearest articles; in relevance order the two rankings are fused by reciprocal rank, in the
   * dated orders the union is listed by date.
   */
  Attempt fused(
      Scope scope,
      SearchRequest request,
      ScoreDoc after,
      String q,
      TextQueries.Match match,
      EntityLexicon.Reading reading,
      int depth,
      Supplier<float[]> meaning)
      throws IOException {
    IndexSearcher searcher = scope.searcher();
    Query text = textQueries.parse(q, match, searcher.getIndexReader());
    QueryLimits.checkClauses(text);
    int window = (after == null ? request.page() * request.size() : request.size()) * depth;
    int deepest = after == null ? window : MAX_FUSED;
    int k = Math.max(deepest, NEIGHBOURS);
    boolean hybrid = request.mode() == SearchMode.HYBRID && !q.isBlank();
    boolean counted = !request.facets().isEmpty();
    Sort sort = sortOf(request);
    if (hybrid && sort == null) {
      return hybrid(scope, request, after, q, text, reading, window, k, meaning);
    }
    TopDocs nearest =
        searcher.search(new KnnFloatVectorQuery(VECTOR, meaning.get(), k, filterOf(request)), k);
    Query neighbours =
        new DocSetQuery(
            Arrays.stream(nearest.scoreDocs).mapToInt(hit -> hit.doc).toArray(),
            searcher.getIndexReader().getContext().id());
    Query matches =
        hybrid
            ? new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.SHOULD)
                .add(neighbours, BooleanClause.Occur.SHOULD)
                .build()
            : neighbours;
    DrillDownQuery union = Filters.apply(config, matches, request);
    if (sort != null) {
      FacetCounts.Found byDate =
          FacetCounts.collect(
              searcher, scope.pool(), scope.facets(), counted, union, sort, window, after);
      return new Attempt(text, union, window, byDate, false);
    }
    FacetCounts.Found all =
        FacetCounts.collect(searcher, scope.pool(), scope.facets(), counted, union, null, 1, null);
    return fusedAttempt(text, union, window, all, nearest.scoreDocs, after, false);
  }

  /**
   * A hybrid search in relevance order. The words' pass ranks and counts the keyword matches while
   * another thread embeds the query ({@link QueryVector}) and then takes the nearest articles;
   * those the words did not match join the total and the facet counts ({@link SumFacets}): few, and
   * taken within every filter, so counted plainly. The answer is the one a single pass over the
   * union gives, in about the time of the longer of the two.
   */
  private Attempt hybrid(
      Scope scope,
      SearchRequest request,
      ScoreDoc after,
      String q,
      Query text,
      EntityLexicon.Reading reading,
      int window,
      int k,
      Supplier<float[]> meaning)
      throws IOException {
    IndexSearcher searcher = scope.searcher();
    boolean counted = !request.facets().isEmpty();
    Query filter = filterOf(request);
    // On one thread, the embedding's: segments searched in turn share the best scores found so far
    // (Lucene's global queue), so each explores less, and in the same order every time; searched in
    // parallel they answered a query differently from one run to the next.
    QueryVector.Ahead<TopDocs> nearestAhead =
        meaning instanceof QueryVector vector
            ? vector.searchedAhead(
                known -> searcher.search(new KnnFloatVectorQuery(VECTOR, known, k, filter), k))
            : null;
    Query ranked = rankedQueries.ranked(searcher, text, Optional.empty(), request, reading);
    IndexSearcher timed = timed(scope, request);
    FacetCounts.Found byWords =
        FacetCounts.collect(
            timed,
            scope.pool(),
            scope.facets(),
            counted,
            Filters.apply(config, ranked, request),
            null,
            Math.max(k, PROXIMITY_WINDOW),
            null);
    // Re-ranked by proximity while the query may still be embedding.
    TopDocs words = byWords.top();
    Optional<Query> proximity = textQueries.proximity(q);
    if (proximity.isPresent() && words.scoreDocs.length > 0) {
      words =
          QueryRescorer.rescore(
              searcher,
              words,
              rankedQueries.withRecency(searcher, proximity.get()),
              1,
              words.scoreDocs.length);
    }
    TopDocs nearest =
        nearestAhead != null
            ? nearestAhead.get()
            : searcher.search(new KnnFloatVectorQuery(VECTOR, meaning.get(), k, filter), k);
    Object reader = searcher.getIndexReader().getContext().id();
    int[] near = Arrays.stream(nearest.scoreDocs).mapToInt(hit -> hit.doc).toArray();
    Query neighbours = new DocSetQuery(near, reader);
    int[] extra = notMatched(searcher, near, neighbours, Filters.apply(config, text, request));
    FacetsCollector extraHits =
        counted && extra.length > 0
            ? searcher.search(new DocSetQuery(extra, reader), new FacetsCollectorManager())
            : null;
    long total = byWords.total() + extra.length;
    FacetCounts.Found all =
        new FacetCounts.Found(
            new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]),
            SumFacets.of(byWords.facets(), scope.facets(), extraHits));
    ScoreDoc[] ranking = Fusion.fused(words.scoreDocs, nearest.scoreDocs, q);
    Query union =
        Filters.apply(
            config,
            new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.SHOULD)
                .add(neighbours, BooleanClause.Occur.SHOULD)
                .build(),
            request);
    return fusedAttempt(text, union, window, all, ranking, after, timed.timedOut());
  }

  /**
   * The documents of {@code docs} (which {@code docsQuery} matches) that {@code matches} does not
   * match, in order.
   */
  private static int[] notMatched(
      IndexSearcher searcher, int[] docs, Query docsQuery, Query matches) throws IOException {
    if (docs.length == 0) {
      return docs;
    }
    Query both =
        new BooleanQuery.Builder()
            .add(docsQuery, BooleanClause.Occur.FILTER)
            .add(matches, BooleanClause.Occur.FILTER)
            .build();
    Set<Integer> matched = new HashSet<>();
    for (ScoreDoc hit : searcher.search(both, docs.length).scoreDocs) {
      matched.add(hit.doc);
    }
    return Arrays.stream(docs).filter(doc -> !matched.contains(doc)).toArray();
  }

  private static Attempt fusedAttempt(
      Query text,
      Query union,
      int window,
      FacetCounts.Found counted,
      ScoreDoc[] ranking,
      ScoreDoc after,
      boolean partial) {
    ScoreDoc[] page = Fusion.window(ranking, after, window);
    TopDocs top = new TopDocs(new TotalHits(counted.total(), TotalHits.Relation.EQUAL_TO), page);
    return new Attempt(text, union, window, new FacetCounts.Found(top, counted.facets()), partial);
  }

  /**
   * The searcher a search collects with. Drill-sideways scoring of facet filters cannot be cut into
   * time slices: the budget applies to searches without facet filters, the broad (expensive) ones.
   */
  private IndexSearcher timed(Scope scope, SearchRequest request) {
    return Filters.facetFiltered(request)
        ? spread(scope.searcher(), scope.pool())
        : budgeted(scope.searcher(), scope.pool());
  }

  /** Every filter of the request as one query, or {@code null} when it has none. */
  private Query filterOf(SearchRequest request) {
    boolean filtered =
        Filters.facetFiltered(request) || request.hasDateFilter() || !request.about().isEmpty();
    return filtered ? Filters.apply(config, new MatchAllDocsQuery(), request) : null;
  }

  /**
   * A new searcher over the same reader that stops collecting when the time budget is spent
   * (Lucene's {@code TimeLimitingBulkScorer}); {@link IndexSearcher#timedOut()} then says the hits
   * are partial. A new {@code IndexSearcher} per search is cheap and keeps the shared one
   * untouched.
   */
  private IndexSearcher budgeted(IndexSearcher searcher, ExecutorService pool) {
    IndexSearcher timed = newSearcher(searcher, pool);
    long deadline = System.nanoTime() + timeBudget.toNanos();
    timed.setTimeout(() -> System.nanoTime() - deadline > 0);
    return timed;
  }

  /** The shared searcher, or a new one over its reader that matches slices on the pool. */
  private static IndexSearcher spread(IndexSearcher searcher, ExecutorService pool) {
    return pool == null ? searcher : newSearcher(searcher, pool);
  }

  private static IndexSearcher newSearcher(IndexSearcher searcher, ExecutorService pool) {
    IndexSearcher fresh = new IndexSearcher(searcher.getIndexReader(), pool);
    fresh.setSimilarity(searcher.getSimilarity());
    return fresh;
  }
}
