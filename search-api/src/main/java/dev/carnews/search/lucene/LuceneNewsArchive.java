package dev.carnews.search.lucene;

import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.ArticleDetail;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.EntityPage;
import dev.carnews.search.FacetValue;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.InvalidQueryException;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.QueryInterpretation;
import dev.carnews.search.Ranking;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SignificantEntity;
import dev.carnews.search.StoryDetail;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.TrendingResponse;
import dev.carnews.search.lucene.entities.EntityViews;
import dev.carnews.search.lucene.facets.FacetCounts;
import dev.carnews.search.lucene.facets.FacetLists;
import dev.carnews.search.lucene.facets.FacetStates;
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.lucene.index.ReaderCache;
import dev.carnews.search.lucene.query.EntityLexicon;
import dev.carnews.search.lucene.query.Filters;
import dev.carnews.search.lucene.query.LuceneCursor;
import dev.carnews.search.lucene.query.QueryLimits;
import dev.carnews.search.lucene.query.QueryReading;
import dev.carnews.search.lucene.query.QueryRuns;
import dev.carnews.search.lucene.query.QueryVector;
import dev.carnews.search.lucene.query.RankedQueries;
import dev.carnews.search.lucene.query.Spelling;
import dev.carnews.search.lucene.query.TextQueries;
import dev.carnews.search.lucene.related.RelatedArticles;
import dev.carnews.search.lucene.stories.ArticleDetails;
import dev.carnews.search.lucene.stories.Stories;
import dev.carnews.search.lucene.stories.StoryCollapse;
import dev.carnews.search.lucene.suggest.Suggestions;
import dev.carnews.search.views.HybridFusion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Answers searches, article look-ups and related-article requests from the index's near-real-time
 * searchers. Thread-safe and lock-free: every call acquires the current searcher and releases it.
 *
 * <p>Searches: {@code q} is parsed by {@link TextQueries} over title and body; filter values of one
 * facet are OR-ed and different facets AND-ed, matched on folded keys; facet counts are
 * drill-sideways, so a facet's own filter does not narrow its own counts; the date filter is a
 * plain filter, so the month counts always add up to the total when a date range is given. A search
 * without words sorted by relevance is shown newest first.
 *
 * <p>The work is done by one class per capability, composed here in the order of a request's path:
 * {@link QueryReading} (the names a query gives), {@link QueryRuns} (text query, {@link
 * RankedQueries ranking}, {@link Filters filters}, {@link FacetCounts drill-sideways counts},
 * proximity re-ranking), the {@link Spelling} fallbacks, {@link HitReader} (stored fields and
 * snippets) and {@link FacetLists} (label merging); {@link Suggestions}, {@link ArticleDetails} and
 * {@link RelatedArticles} answer the other calls; {@link EntityViews} the entity pages, directory,
 * trends and significant entities.
 */
public final class LuceneNewsArchive implements NewsArchive {

  /** How many values each of the brand, author and person facets lists by default. */
  public static final int FACET_TOP_N = SearchRequest.DEFAULT_FACET_SIZE;

  /** Response facet names, in response order. */
  public static final List<String> FACET_NAMES = SearchRequest.FACET_NAMES;

  /** Fewer hits than this make a search worth a spelling suggestion. */
  private static final int FEW_HITS = 3;

  /** How long one search may collect hits before it stops and answers what it found. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

  private final SearcherManager searchers;

  /** Threads a search may spread its segments and facet counting over. */
  private final SearchThreads searchThreads;

  private final FacetStates facetStates = new FacetStates(ArticleSchema.facetsConfig());
  private final Spelling spelling;
  private final QueryReading queryReading;
  private final QueryRuns queryRuns;
  private final HitReader hitReader;
  private final Suggestions suggestions;
  private final RelatedArticles relatedArticles;
  private final EntityViews entityViews;

  /** The names each reader's queries are read against (shared with the suggestions). */
  private final ReaderCache<EntityLexicon> lexicons;

  private final ReaderCache<Boolean> hasVectors =
      new ReaderCache<>(
          reader -> FieldInfos.getMergedFieldInfos(reader).fieldInfo(ArticleSchema.VECTOR) != null);
  private volatile Supplier<? extends TextEmbedder> embedder = () -> null;
  private volatile boolean byMeaning;

  /** A searcher over the index's near-real-time readers, with the default ranking. */
  public LuceneNewsArchive(ArticleIndex index) {
    this(index.searchers(), Ranking.defaults());
  }

  /** A searcher over the index's near-real-time readers. */
  public LuceneNewsArchive(ArticleIndex index, Ranking ranking) {
    this(index.searchers(), ranking);
  }

  /** A searcher over any searcher manager of an index built with {@link ArticleSchema}. */
  public LuceneNewsArchive(SearcherManager searchers) {
    this(searchers, Ranking.defaults());
  }

  /** A searcher with its ranking options and the default time budget. */
  public LuceneNewsArchive(SearcherManager searchers, Ranking ranking) {
    this(searchers, ranking, DEFAULT_TIME_BUDGET);
  }

  /** A searcher with the default ranking whose searches stop after {@code timeBudget}. */
  public LuceneNewsArchive(SearcherManager searchers, Duration timeBudget) {
    this(searchers, Ranking.defaults(), timeBudget);
  }

  /**
   * A searcher with its ranking options whose searches stop collecting after {@code timeBudget} and
   * answer what they found, flagged {@link SearchResponse#partial()}.
   */
  public LuceneNewsArchive(SearcherManager searchers, Ranking ranking, Duration timeBudget) {
    this(searchers, ranking, timeBudget, SearchThreads.sequential());
  }

  /**
   * A searcher like {@link #LuceneNewsArchive(SearcherManager, Ranking, Duration)} whose searches
   * spread over {@code searchThreads} when it says that pays: slices of segments are matched, and
   * facets counted, in parallel. The caller owns the threads and closes them.
   */
  public LuceneNewsArchive(
      SearcherManager searchers,
      Ranking ranking,
      Duration timeBudget,
      SearchThreads searchThreads) {
    this.searchers = searchers;
    this.searchThreads = Objects.requireNonNull(searchThreads, "searchThreads");
    Objects.requireNonNull(ranking, "ranking");
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
    // The index-time analysis of title and body, for highlighting and more-like-this.
    Analyzer textAnalyzer = NewsAnalyzers.text();
    this.lexicons = new ReaderCache<>(new EntityLexicon.Builder()::build);
    this.spelling = new Spelling(textAnalyzer);
    this.queryReading = new QueryReading(lexicons, spelling);
    this.queryRuns = new QueryRuns(new RankedQueries(ranking), timeBudget);
    this.hitReader = new HitReader(textAnalyzer);
    this.suggestions = new Suggestions(lexicons, ranking);
    this.relatedArticles = new RelatedArticles(textAnalyzer);
    this.entityViews = new EntityViews(facetStates, hitReader);
  }

  /**
   * Lets {@code mode=semantic} and {@code mode=hybrid} search by meaning, with this model's query
   * vectors (the model the index's vectors were made with); without it, or on an index without
   * vectors, they search by words and say so. Related articles then blend the article's nearest
   * neighbours with its words and shared entities. Call before serving; returns this archive.
   */
  public LuceneNewsArchive searchingByMeaning(Supplier<? extends TextEmbedder> queries) {
    this.embedder = Objects.requireNonNull(queries, "queries");
    this.byMeaning = true;
    return this;
  }

  /**
   * Builds what this archive keeps per reader (the facet ordinals, the names queries are read
   * against, the entity directory and its listings, which ranking features the index has) for a new
   * reader before it serves. Hand it to {@link ArticleIndex#warmNewReadersWith}, so that a write
   * costs the refresh this time instead of the first search, entity page or trending list after it:
   * at 190,000 articles the first search after a write took about 100 ms against 27 ms.
   */
  public void warm(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    facetStates.forReader(reader);
    lexicons.get(reader);
    hasVectors.get(reader);
    queryRuns.warm(reader);
    entityViews.warm(searcher);
  }

  /** The query's vector when the request searches by meaning and this archive can; else null. */
  private Supplier<float[]> meaningOf(IndexSearcher searcher, SearchRequest request)
      throws IOException {
    if (request.mode() == SearchMode.KEYWORD || request.q().isBlank()) {
      return null;
    }
    TextEmbedder queries = embedder.get();
    if (queries == null || !hasVectors.get(searcher.getIndexReader())) {
      return null;
    }
    // Embedded from now on, on another thread, while the query is read and its words ranked.
    return QueryVector.started(queries, request.q());
  }

  /** The interpretation of a search that asked for more than words: how it was answered. */
  private static QueryInterpretation madeHow(
      SearchRequest request, Supplier<float[]> meaning, QueryInterpretation words) {
    if (request.mode() == SearchMode.KEYWORD) {
      return words;
    }
    if (meaning == null) {
      return words.withMode(
          SearchMode.KEYWORD,
          "This archive has no vectors for search by meaning: searched by words.");
    }
    return request.mode() == SearchMode.SEMANTIC
        ? words.withMode(SearchMode.SEMANTIC, "Ranked by meaning.")
        : words.withMode(
            SearchMode.HYBRID,
            "Ranked by words and meaning together ("
                + HybridFusion.methodFor(request.q()).said()
                + ").");
  }

  @Override
  public int count() throws IOException {
    return onSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reader's commit generation and its version, which near-real-time readers advance on
   * every change they see.
   */
  @Override
  public IndexVersion version() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return versionOf(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** The version {@link #version()} reports once {@code searcher} serves. */
  public static IndexVersion versionOf(IndexSearcher searcher) throws IOException {
    if (searcher.getIndexReader() instanceof DirectoryReader reader) {
      return new IndexVersion(reader.getIndexCommit().getGeneration(), reader.getVersion());
    }
    throw new IllegalStateException("the searcher does not read a directory index");
  }

  /**
   * {@inheritDoc}
   *
   * <p>When every word matches nothing, the search falls back, in order, to the spelling correction
   * ({@code didYouMean}), to fuzzy matching of long words, and to any of the words; {@link
   * SearchResponse#interpretation()} says which one gave the results.
   */
  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return search(request, null);
  }

  /** {@inheritDoc} Deep paging without the {@link SearchRequest#MAX_WINDOW} limit. */
  @Override
  public SearchResponse searchAfter(SearchRequest request, String token) throws IOException {
    LuceneCursor after = LuceneCursor.parse(token);
    if (request.page() != 1) {
      throw new InvalidQueryException("after cannot be combined with page", null);
    }
    if (after.sorted() != (QueryRuns.sortOf(request) != null)) {
      throw new InvalidQueryException("after belongs to another sort order", null);
    }
    return search(request, after);
  }

  private SearchResponse search(SearchRequest request, LuceneCursor after) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return search(searcher, request, after);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * A search of {@code searcher}'s reader, which need not serve yet: a new reader's answers to the
   * searches asked most are made while it warms ({@link #versionOf}, {@code CachingNewsArchive}).
   */
  public SearchResponse search(IndexSearcher searcher, SearchRequest request) throws IOException {
    return search(searcher, request, null);
  }

  private SearchResponse search(IndexSearcher searcher, SearchRequest request, LuceneCursor after)
      throws IOException {
    long started = System.nanoTime();
    QueryLimits.checkNesting(request.q());
    ScoreDoc afterDoc = after == null ? null : after.toScoreDoc();
    Supplier<float[]> meaning = meaningOf(searcher, request);
    // A query embedding on a thread of its own meanwhile takes a core too.
    int cores = meaning instanceof QueryVector vector && vector.embedding() ? 2 : 1;
    try (SearchThreads.Lease lease = searchThreads.lease(searcher.getIndexReader(), cores)) {
      FacetStates.Entry facetState = facetStates.forReader(searcher.getIndexReader());
      QueryRuns.Scope scope = new QueryRuns.Scope(searcher, lease.pool().orElse(null), facetState);
      String q = request.q();
      EntityLexicon.Reading reading =
          q.isBlank() ? QueryReading.none() : queryReading.read(searcher.getIndexReader(), q);
      int depth = request.collapse() ? StoryCollapse.FIRST_DEPTH : 1;
      QueryRuns.Runs runs = queryRuns.runs(scope, request, afterDoc, meaning);
      TextQueries.Match how = TextQueries.firstReading(q, reading);
      // Two words, one of them in no article ("electrik platform"): read whole, so that the
      // spelling correction answers rather than the one known word.
      if (how == TextQueries.Match.SOME
          && TextQueries.words(q) < TextQueries.ANY_WORD_FROM
          && spelling.hasUnknownWord(searcher.getIndexReader(), q)) {
        how = TextQueries.Match.ALL;
      }
      QueryRuns.Attempt attempt = runs.attempt(q, how, reading, depth);
      String didYouMean = null;
      String searched = q;
      String match = how == TextQueries.Match.SOME ? "most" : "all";
      if (!q.isBlank() && attempt.total() < FEW_HITS) {
        didYouMean = spelling.correct(searcher.getIndexReader(), q).orElse(null);
      }
      if (!q.isBlank() && attempt.total() == 0) {
        if (didYouMean != null) {
          EntityLexicon.Reading correctedReading =
              queryReading.read(searcher.getIndexReader(), didYouMean);
          QueryRuns.Attempt corrected =
              runs.attempt(didYouMean, TextQueries.Match.ALL, correctedReading, depth);
          if (corrected.total() > 0) {
            attempt = corrected;
            searched = didYouMean;
            match = "corrected";
            reading = correctedReading;
          }
        }
        // Close spellings only when a word is unknown: a known word that finds nothing was
        // filtered away, and near-misses of it would only be noise.
        if (attempt.total() == 0
            && TextQueries.hasFuzzyWords(q)
            && spelling.hasUnknownWord(searcher.getIndexReader(), q)) {
          QueryRuns.Attempt fuzzy = runs.attempt(q, TextQueries.Match.FUZZY, reading, depth);
          if (fuzzy.total() > 0) {
            attempt = fuzzy;
            match = "fuzzy";
            how = TextQueries.Match.FUZZY;
          }
        }
        if (attempt.total() == 0 && TextQueries.words(q) > 1) {
          QueryRuns.Attempt some = runs.attempt(q, TextQueries.Match.SOME, reading, depth);
          if (some.total() > 0) {
            attempt = some;
            match = "some";
            how = TextQueries.Match.SOME;
          }
        }
      }
      String text = searched;
      TextQueries.Match readAs = how;
      EntityLexicon.Reading names = reading;
      StoryCollapse.Collapsed paged =
          StoryCollapse.pageOf(
              searcher,
              request,
              after != null,
              attempt,
              depth,
              deeper -> runs.attempt(text, readAs, names, deeper));
      attempt = paged.attempt();
      ScoreDoc[] page = paged.page().hits();
      List<SearchHit> hits =
          StoryCollapse.withStories(
              hitReader.hits(searcher, page, q.isBlank() ? null : attempt.text()),
              paged.page().stories());
      long total = attempt.total();
      int pages = (int) ((total + request.size() - 1) / request.size());
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      String next =
          page.length == request.size() ? LuceneCursor.after(page[page.length - 1]).token() : null;
      return new SearchResponse(
          total,
          request.page(),
          request.size(),
          pages,
          tookMs,
          hits,
          FacetLists.of(attempt.found().facets(), facetState, request),
          didYouMean,
          q.isBlank()
              ? null
              : madeHow(request, meaning, QueryReading.interpretation(searched, match, reading)),
          attempt.partial(),
          next);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms(e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Up to {@link SuggestResponse#MAX_SIZE}: brands, people and authors whose name or one of
   * whose words starts with the prefix (case and accents ignored), ranked by how many articles name
   * them and how recently; then headlines with a word starting with it, newest first.
   */
  @Override
  public SuggestResponse suggest(String prefix) throws IOException {
    return onSearcher(searcher -> suggestions.suggest(searcher, prefix));
  }

  @Override
  public Optional<ArticleDetail> article(String id) throws IOException {
    return onSearcher(searcher -> ArticleDetails.find(searcher, id));
  }

  @Override
  public Optional<StoryDetail> story(String id) throws IOException {
    return onSearcher(searcher -> Stories.find(searcher, id));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Text similarity of title and body plus a boost per shared person and brand.
   */
  @Override
  public Optional<RelatedResponse> related(String id, int size) throws IOException {
    // Related by meaning too when this archive searches by meaning (the vectors are the article's).
    return onSearcher(searcher -> relatedArticles.related(searcher, id, size, byMeaning));
  }

  /**
   * {@inheritDoc}
   *
   * <p>In date order the matches are collected sorted, without facet counts, spelling or ranking,
   * in the order {@link #search} gives them; a relevance order, a collapse by story, or words that
   * find nothing as written (the fallbacks), go through {@link #search}.
   */
  @Override
  public List<SearchHit> hits(SearchRequest request) throws IOException {
    Sort sort = QueryRuns.sortOf(request);
    if (sort == null || request.collapse()) {
      return search(request).hits();
    }
    QueryLimits.checkNesting(request.q());
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top =
          searcher.search(queryRuns.matches(request), request.page() * request.size(), sort);
      if (top.totalHits.value == 0 && !request.q().isBlank()) {
        return search(request).hits();
      }
      ScoreDoc[] all = top.scoreDocs;
      int first = Math.min((request.page() - 1) * request.size(), all.length);
      return hitReader.hits(
          searcher, Arrays.copyOfRange(all, first, all.length), queryRuns.marked(request));
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms(e);
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public Optional<EntityPage> entity(EntityType type, String name, SearchRequest scope)
      throws IOException {
    QueryLimits.checkNesting(scope.q());
    return onSearcher(
        searcher ->
            entityViews.page(
                searcher,
                type,
                name,
                queryRuns.matches(scope),
                queryRuns.marked(scope),
                scope.size()));
  }

  @Override
  public Optional<String> entityName(EntityType type, String name) throws IOException {
    return onSearcher(searcher -> entityViews.name(searcher, type, name));
  }

  @Override
  public EntityListing entities(EntityListRequest request) throws IOException {
    return onSearcher(searcher -> entityViews.list(searcher, request));
  }

  @Override
  public List<FacetValue> lowConfidencePersons(int size) throws IOException {
    return onSearcher(
        searcher -> {
          Terms terms =
              MultiTerms.getTerms(searcher.getIndexReader(), ArticleSchema.LOW_CONFIDENCE_PERSON);
          List<FacetValue> values = new ArrayList<>();
          if (terms == null) {
            return values;
          }
          TermsEnum each = terms.iterator();
          for (BytesRef term = each.next(); term != null; term = each.next()) {
            // Exact, not docFreq: deleted and replaced articles no longer count.
            int count =
                searcher.count(
                    new TermQuery(
                        new Term(ArticleSchema.LOW_CONFIDENCE_PERSON, BytesRef.deepCopyOf(term))));
            if (count > 0) {
              values.add(new FacetValue(term.utf8ToString(), count));
            }
          }
          values.sort(
              Comparator.comparingLong(FacetValue::count)
                  .reversed()
                  .thenComparing(FacetValue::value));
          return List.copyOf(values.subList(0, Math.min(size, values.size())));
        });
  }

  @Override
  public TrendingResponse trending(TrendingRequest request) throws IOException {
    return onSearcher(searcher -> entityViews.trending(searcher, request));
  }

  @Override
  public Map<String, List<SignificantEntity>> significant(
      SearchRequest request, Set<EntityType> types) throws IOException {
    QueryLimits.checkNesting(request.q());
    return onSearcher(
        searcher -> entityViews.significant(searcher, queryRuns.matches(request), types));
  }

  /** Work on one acquired searcher, released whatever happens; too many terms is a bad query. */
  private <T> T onSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyTerms(e);
    } finally {
      searchers.release(searcher);
    }
  }

  /** What {@link #onSearcher} runs. */
  @FunctionalInterface
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  private static InvalidQueryException tooManyTerms(IndexSearcher.TooManyClauses e) {
    return new InvalidQueryException(
        "q has too many terms (at most " + IndexSearcher.getMaxClauseCount() + ")", e);
  }
}
