package dev.carnews.search;

import static dev.carnews.index.ArticleSchema.ABOUT_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ABOUT_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.AUTHOR_FACET;
import static dev.carnews.index.ArticleSchema.AUTHOR_KEY;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_FACET;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_FACET;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.analysis.NameKeys;
import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.index.CanonicalLabels;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Answers searches, article look-ups and related-article requests from the index's near-real-time
 * searchers. Thread-safe and lock-free: every call acquires the current searcher and releases it.
 *
 * <p>Searches: {@code q} is parsed by {@link TextQueries} over title and body; filter values of one
 * facet are OR-ed and different facets AND-ed, matched on folded keys; facet counts are
 * drill-sideways, so a facet's own filter does not narrow its own counts; the date filter is a
 * plain filter, so the month counts always add up to the total when a date range is given. A search
 * without words sorted by relevance is shown newest first.
 */
public final class ArticleSearcher {

  /** How many values each of the brand, author and person facets lists. */
  public static final int FACET_TOP_N = 20;

  /** Response facet names, in response order. */
  public static final List<String> FACET_NAMES = List.of("brand", "author", "person", "date");

  private static final Set<String> HIT_FIELDS =
      Set.of(ID, URL, TITLE, AUTHOR, PUBLISHED, BRAND, PERSON);

  private static final Set<String> HIT_AND_BODY_FIELDS =
      Set.of(ID, URL, TITLE, AUTHOR, PUBLISHED, BRAND, PERSON, BODY);
  private static final int SNIPPET_PASSAGES = 2;
  private static final int PASSAGE_LENGTH = 160;
  private static final float SHARED_PERSON_BOOST = 2f;
  private static final float SHARED_BRAND_BOOST = 1f;

  /** Fewer hits than this make a search worth a spelling suggestion. */
  private static final int FEW_HITS = 3;

  /**
   * How many of the best hits by words, names and recency are re-ranked by proximity (the words
   * close together): enough to reorder every page a reader pages through, without scoring a sloppy
   * phrase over every match of a broad query.
   */
  static final int PROXIMITY_WINDOW = 100;

  /** Weight of an entity's salience (0..1) when the query names the entity. */
  private static final float SALIENCE_WEIGHT = 2f;

  /** Most name suggestions; the rest of the ten are headlines. */
  private static final int MAX_NAME_SUGGESTIONS = 7;

  /** How long one search may collect hits before it stops and answers what it found. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(2);

  private final SearcherManager searchers;
  private final Duration timeBudget;

  /** Threads a search may spread its segments and facet counting over. */
  private final SearchThreads searchThreads;

  private final FacetsConfig config = ArticleSchema.facetsConfig();
  private final FacetStates facetStates = new FacetStates(config);

  /** The index-time analysis of title and body, for highlighting and more-like-this. */
  private final Analyzer textAnalyzer = NewsAnalyzers.text();

  private final TextQueries textQueries = new TextQueries(ArticleSchema.queryAnalyzer());

  private final Spelling spelling = new Spelling(textAnalyzer);

  private final ReaderCache<EntityLexicon> lexicons = new ReaderCache<>(EntityLexicon::build);

  /** Whether a reader has salience ranking features (indexes built before them do not). */
  private final ReaderCache<Boolean> salienceFeatures =
      new ReaderCache<>(ArticleSearcher::hasSalienceFeatures);

  /** Highlights the body's best passages from its stored text (two sentences or so). */
  private final UnifiedHighlighter bodyHighlighter = highlighter(sentences());

  /** Highlights the whole title from its stored text. */
  private final UnifiedHighlighter titleHighlighter = highlighter(WholeBreakIterator::new);

  private final Ranking ranking;

  /** A searcher over the index's near-real-time readers, with the default ranking. */
  public ArticleSearcher(ArticleIndex index) {
    this(index.searchers(), Ranking.defaults());
  }

  /** A searcher over the index's near-real-time readers. */
  public ArticleSearcher(ArticleIndex index, Ranking ranking) {
    this(index.searchers(), ranking);
  }

  /** A searcher over any searcher manager of an index built with {@link ArticleSchema}. */
  public ArticleSearcher(SearcherManager searchers) {
    this(searchers, Ranking.defaults());
  }

  /** A searcher with its ranking options and the default time budget. */
  public ArticleSearcher(SearcherManager searchers, Ranking ranking) {
    this(searchers, ranking, DEFAULT_TIME_BUDGET);
  }

  /** A searcher with the default ranking whose searches stop after {@code timeBudget}. */
  public ArticleSearcher(SearcherManager searchers, Duration timeBudget) {
    this(searchers, Ranking.defaults(), timeBudget);
  }

  /**
   * A searcher with its ranking options whose searches stop collecting after {@code timeBudget} and
   * answer what they found, flagged {@link SearchResponse#partial()}.
   */
  public ArticleSearcher(SearcherManager searchers, Ranking ranking, Duration timeBudget) {
    this(searchers, ranking, timeBudget, SearchThreads.sequential());
  }

  /**
   * A searcher like {@link #ArticleSearcher(SearcherManager, Ranking, Duration)} whose searches
   * spread over {@code searchThreads} when it says that pays: slices of segments are matched, and
   * facets counted, in parallel. The caller owns the threads and closes them.
   */
  public ArticleSearcher(
      SearcherManager searchers,
      Ranking ranking,
      Duration timeBudget,
      SearchThreads searchThreads) {
    this.searchers = searchers;
    this.searchThreads = Objects.requireNonNull(searchThreads, "searchThreads");
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
    this.timeBudget = timeBudget;
  }

  /** How many articles are searchable now. */
  public int count() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * One page of hits with facet counts, and how the query was read.
   *
   * <p>When every word matches nothing, the search falls back, in order, to the spelling correction
   * ({@code didYouMean}), to fuzzy matching of long words, and to most of the words; {@link
   * SearchResponse#interpretation()} says which one gave the results.
   *
   * @throws InvalidQueryException when the query is too large to run (too many terms)
   */
  public SearchResponse search(SearchRequest request) throws IOException {
    return search(request, null);
  }

  /**
   * The page after a cursor from a previous response's {@link SearchResponse#next()}: deep paging
   * without the {@link SearchRequest#MAX_WINDOW} limit. The request's page must be 1.
   *
   * @throws InvalidQueryException when the cursor belongs to another sort order or a page is given
   */
  public SearchResponse searchAfter(SearchRequest request, SearchCursor after) throws IOException {
    if (request.page() != 1) {
      throw new InvalidQueryException("after cannot be combined with page", null);
    }
    if (after.sorted() != (sortOf(request) != null)) {
      throw new InvalidQueryException("after belongs to another sort order", null);
    }
    return search(request, after);
  }

  private SearchResponse search(SearchRequest request, SearchCursor after) throws IOException {
    long started = System.nanoTime();
    QueryLimits.checkNesting(request.q());
    ScoreDoc afterDoc = after == null ? null : after.toScoreDoc();
    IndexSearcher searcher = searchers.acquire();
    try (SearchThreads.Lease lease = searchThreads.lease()) {
      FacetStates.Entry facetState = facetStates.forReader(searcher.getIndexReader());
      Scope scope = new Scope(searcher, lease.pool().orElse(null), facetState);
      String q = request.q();
      EntityLexicon.Reading reading =
          q.isBlank()
              ? new EntityLexicon.Reading(List.of(), List.of())
              : reading(searcher.getIndexReader(), q);
      Attempt attempt = attempt(scope, request, afterDoc, q, TextQueries.Match.ALL, reading);
      String didYouMean = null;
      String searched = q;
      String match = "all";
      if (!q.isBlank() && attempt.total() < FEW_HITS) {
        didYouMean = spelling.correct(searcher.getIndexReader(), q).orElse(null);
      }
      if (!q.isBlank() && attempt.total() == 0) {
        if (didYouMean != null) {
          EntityLexicon.Reading correctedReading = reading(searcher.getIndexReader(), didYouMean);
          Attempt corrected =
              attempt(
                  scope, request, afterDoc, didYouMean, TextQueries.Match.ALL, correctedReading);
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
          Attempt fuzzy = attempt(scope, request, afterDoc, q, TextQueries.Match.FUZZY, reading);
          if (fuzzy.total() > 0) {
            attempt = fuzzy;
            match = "fuzzy";
          }
        }
        if (attempt.total() == 0 && TextQueries.words(q) > 1) {
          Attempt some = attempt(scope, request, afterDoc, q, TextQueries.Match.SOME, reading);
          if (some.total() > 0) {
            attempt = some;
            match = "some";
          }
        }
      }
      Found found = attempt.found();
      ScoreDoc[] all = found.top().scoreDocs;
      int first = after == null ? Math.min((request.page() - 1) * request.size(), all.length) : 0;
      ScoreDoc[] page = Arrays.copyOfRange(all, first, all.length);
      List<SearchHit> hits = hits(searcher, page, q.isBlank() ? null : attempt.text());
      long total = attempt.total();
      int pages = (int) ((total + request.size() - 1) / request.size());
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      String next =
          page.length == request.size() ? SearchCursor.after(page[page.length - 1]).token() : null;
      return new SearchResponse(
          total,
          request.page(),
          request.size(),
          pages,
          tookMs,
          hits,
          facets(found, facetState),
          didYouMean,
          q.isBlank() ? null : interpretation(searched, match, reading),
          attempt.partial(),
          next);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidQueryException(
          "q has too many terms (at most " + IndexSearcher.getMaxClauseCount() + ")", e);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Up to {@link SuggestResponse#MAX_SIZE} completions of a prefix: brands, people and authors
   * whose name or one of whose words starts with it (case and accents ignored), ranked by how many
   * articles name them and how recently; then headlines with a word starting with it, newest first.
   *
   * @throws IllegalArgumentException when the prefix is blank or longer than {@link
   *     SuggestResponse#MAX_PREFIX_LENGTH}
   */
  public SuggestResponse suggest(String prefix) throws IOException {
    String typed = Objects.requireNonNullElse(prefix, "").strip();
    if (typed.isEmpty()) {
      throw new IllegalArgumentException("q is required");
    }
    if (typed.length() > SuggestResponse.MAX_PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "q must be at most " + SuggestResponse.MAX_PREFIX_LENGTH + " characters");
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      RecencyBoost recency = RecencyBoost.of(searcher.getIndexReader(), suggestionRanking());
      List<Suggestion> suggestions = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (EntityLexicon.Known known :
          lexicons
              .get(searcher.getIndexReader())
              .complete(typed, SuggestResponse.MAX_SIZE, recency)) {
        if (suggestions.size() < MAX_NAME_SUGGESTIONS && seen.add(NameKeys.key(known.label()))) {
          suggestions.add(
              new Suggestion(
                  known.label(),
                  known.type(),
                  known.count(),
                  known.latest() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(known.latest()),
                  null));
        }
      }
      for (Suggestion title :
          titleSuggestions(searcher, typed, SuggestResponse.MAX_SIZE - suggestions.size())) {
        if (seen.add(NameKeys.key(title.text()))) {
          suggestions.add(title);
        }
      }
      return new SuggestResponse(typed, suggestions);
    } finally {
      searchers.release(searcher);
    }
  }

  /** The whole article with its entities, if the id is in the index. */
  public Optional<ArticleDetail> article(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      int doc = docOf(searcher, id);
      if (doc < 0) {
        return Optional.empty();
      }
      TaggedArticle tagged = ArticleDocuments.fromStored(searcher.storedFields().document(doc));
      return Optional.of(detail(tagged));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Articles related to one: text similarity of title and body ({@link MoreLikeThis}) plus a boost
   * per shared person and brand; never the article itself. Empty when the id is unknown.
   */
  public Optional<RelatedResponse> related(String id, int size) throws IOException {
    if (size < 1 || size > RelatedResponse.MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + RelatedResponse.MAX_SIZE);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      int doc = docOf(searcher, id);
      if (doc < 0) {
        return Optional.empty();
      }
      StoredFields stored = searcher.storedFields();
      Document source = stored.document(doc);
      List<String> persons = List.of(source.getValues(PERSON));
      List<String> brands = List.of(source.getValues(BRAND));
      Query query = relatedQuery(searcher, doc, id, persons, brands);
      TopDocs top = searcher.search(query, size);
      Set<String> personKeys = keys(persons);
      Set<String> brandKeys = keys(brands);
      List<RelatedHit> hits = new ArrayList<>();
      for (ScoreDoc scoreDoc : top.scoreDocs) {
        Document hit = stored.document(scoreDoc.doc, HIT_FIELDS);
        SharedEntities shared =
            new SharedEntities(
                shared(hit.getValues(PERSON), personKeys), shared(hit.getValues(BRAND), brandKeys));
        hits.add(
            new RelatedHit(
                hit.get(ID),
                hit.get(URL),
                hit.get(TITLE),
                hit.get(AUTHOR),
                published(hit),
                scoreDoc.score,
                shared));
      }
      return Optional.of(new RelatedResponse(id, hits));
    } finally {
      searchers.release(searcher);
    }
  }

  /** One run of the query in one reading: its text query (for highlighting) and hits. */
  private record Attempt(Query text, Found found, boolean partial) {
    long total() {
      return found.top().totalHits.value;
    }
  }

  /** The brands and people the query names, as the reader's lexicon and word counts say. */
  private EntityLexicon.Reading reading(IndexReader reader, String q) throws IOException {
    EntityLexicon lexicon = lexicons.get(reader);
    try {
      return lexicon.read(
          q,
          word -> {
            try {
              return spelling.articlesWith(reader, word);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * What one search runs against: the acquired searcher, the threads it may spread over (null: the
   * caller's only) and the reader's facet state.
   */
  private record Scope(IndexSearcher searcher, ExecutorService pool, FacetStates.Entry facets) {}

  private Attempt attempt(
      Scope scope,
      SearchRequest request,
      ScoreDoc after,
      String q,
      TextQueries.Match match,
      EntityLexicon.Reading reading)
      throws IOException {
    IndexSearcher searcher = scope.searcher();
    Query text = textQueries.parse(q, match);
    QueryLimits.checkClauses(text);
    boolean relevance = !q.isBlank() && request.sort() == SortOrder.RELEVANCE;
    Optional<Query> proximity = relevance ? textQueries.proximity(q) : Optional.empty();
    // Proximity re-ranks the top hits of a page search; a cursor page scores it for every match, so
    // its order continues the first page's wherever proximity moved a hit within the window.
    boolean rescore = proximity.isPresent() && after == null;
    Query ranked = ranked(searcher, text, rescore ? Optional.empty() : proximity, request, reading);
    DrillDownQuery query =
        new DrillDownQuery(config, withAboutFilter(withDateFilter(ranked, request), request));
    addFilter(query, BRAND_FACET, BRAND_KEY, request.brands());
    addFilter(query, AUTHOR_FACET, AUTHOR_KEY, request.authors());
    addFilter(query, PERSON_FACET, PERSON_KEY, request.persons());
    int window = after == null ? request.page() * request.size() : request.size();
    int collected = rescore ? Math.max(window, PROXIMITY_WINDOW) : window;
    // Drill-sideways scoring of facet filters cannot be cut into time slices: the budget applies
    // to searches without facet filters, which are the broad (expensive) ones.
    boolean facetFiltered =
        !request.brands().isEmpty() || !request.authors().isEmpty() || !request.persons().isEmpty();
    IndexSearcher timed =
        facetFiltered ? spread(searcher, scope.pool()) : budgeted(searcher, scope.pool());
    Found found =
        collect(timed, scope.pool(), scope.facets(), query, sortOf(request), collected, after);
    if (rescore) {
      TopDocs reranked =
          QueryRescorer.rescore(
              searcher, found.top(), withRecency(searcher, proximity.get()), 1, window);
      found = new Found(reranked, found.facets());
    }
    return new Attempt(text, found, timed.timedOut());
  }

  /**
   * The text query with the news ranking around it, for relevance order only: entity-salience
   * clauses (and proximity, when it is not left to the re-ranking), all multiplied by the recency
   * decay.
   */
  private Query ranked(
      IndexSearcher searcher,
      Query text,
      Optional<Query> proximity,
      SearchRequest request,
      EntityLexicon.Reading reading)
      throws IOException {
    if (request.q().isBlank() || request.sort() != SortOrder.RELEVANCE) {
      return text;
    }
    BooleanQuery.Builder scored = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
    proximity.ifPresent(p -> scored.add(p, BooleanClause.Occur.SHOULD));
    boolean features = salienceFeatures.get(searcher.getIndexReader());
    for (EntityLexicon.Known brand : reading.brands()) {
      scored.add(
          features
              ? salienceFeature(ArticleSchema.BRAND_SALIENCE_RANK, brand.label())
              : storedSalience(BRAND_KEY, BRAND, ArticleSchema.BRAND_SALIENCE, brand.label()),
          BooleanClause.Occur.SHOULD);
    }
    for (EntityLexicon.Known person : reading.persons()) {
      scored.add(
          features
              ? salienceFeature(ArticleSchema.PERSON_SALIENCE_RANK, person.label())
              : storedSalience(PERSON_KEY, PERSON, ArticleSchema.PERSON_SALIENCE, person.label()),
          BooleanClause.Occur.SHOULD);
    }
    return withRecency(searcher, scored.build());
  }

  /** The query's scores times the recency decay, when recency ranking is on. */
  private Query withRecency(IndexSearcher searcher, Query query) throws IOException {
    return ranking.recency()
        ? FunctionScoreQuery.boostByValue(
            query, RecencyBoost.of(searcher.getIndexReader(), ranking))
        : query;
  }

  /**
   * Scores articles naming the entity by its salience there, times {@link #SALIENCE_WEIGHT}, from
   * the ranking features written at index time.
   */
  private static Query salienceFeature(String rankField, String label) {
    return FeatureField.newLinearQuery(rankField, NameKeys.key(label), SALIENCE_WEIGHT);
  }

  /**
   * The same score as {@link #salienceFeature} for an index built before the features, read from
   * the stored saliences of every article naming the entity (slow for a name in many articles).
   */
  private static Query storedSalience(
      String keyField, String displayField, String salienceField, String label) {
    String key = NameKeys.key(label);
    Query names = new ConstantScoreQuery(new TermQuery(new Term(keyField, key)));
    return new BoostQuery(
        new FunctionScoreQuery(names, new SalienceBoost(displayField, salienceField, key)),
        SALIENCE_WEIGHT);
  }

  private static boolean hasSalienceFeatures(IndexReader reader) {
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    return fields.fieldInfo(ArticleSchema.BRAND_SALIENCE_RANK) != null
        || fields.fieldInfo(ArticleSchema.PERSON_SALIENCE_RANK) != null;
  }

  private static QueryInterpretation interpretation(
      String searched, String match, EntityLexicon.Reading reading) {
    List<String> brands = reading.brands().stream().map(EntityLexicon.Known::label).toList();
    List<String> persons = reading.persons().stream().map(EntityLexicon.Known::label).toList();
    StringBuilder description = new StringBuilder();
    switch (match) {
      case "corrected" ->
          description
              .append("No results for your spelling; showing results for “")
              .append(searched)
              .append("”.");
      case "fuzzy" -> description.append("No exact matches; showing close spellings.");
      case "some" -> description.append("No article has every word; showing articles with most.");
      default -> {
        // every word matched as typed: only the names need saying
      }
    }
    List<String> names = new ArrayList<>();
    brands.forEach(brand -> names.add(brand + " (brand)"));
    persons.forEach(person -> names.add(person + " (person)"));
    if (!names.isEmpty()) {
      if (description.length() > 0) {
        description.append(' ');
      }
      description.append("Read as: ").append(String.join(", ", names)).append('.');
    }
    return new QueryInterpretation(searched, match, brands, persons, description.toString());
  }

  /** Headlines with a word starting with the last typed word and containing the others. */
  private List<Suggestion> titleSuggestions(IndexSearcher searcher, String typed, int max)
      throws IOException {
    if (max <= 0) {
      return List.of();
    }
    String[] words = EntityLexicon.words(typed).split(" ");
    if (words.length == 0 || words[words.length - 1].isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int i = 0; i < words.length - 1; i++) {
      query.add(new TermQuery(new Term(TITLE, words[i])), BooleanClause.Occur.MUST);
    }
    query.add(new PrefixQuery(new Term(TITLE, words[words.length - 1])), BooleanClause.Occur.MUST);
    TopDocs top = searcher.search(query.build(), max, ArticleSchema.newestFirst());
    StoredFields stored = searcher.storedFields();
    List<Suggestion> titles = new ArrayList<>();
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      Document doc = stored.document(scoreDoc.doc, Set.of(ID, TITLE, PUBLISHED));
      titles.add(new Suggestion(doc.get(TITLE), "title", 1, published(doc), doc.get(ID)));
    }
    return titles;
  }

  /** Suggestions weigh recency with the configured half-life, or a year when recency is off. */
  private Ranking suggestionRanking() {
    return ranking.recency() ? ranking : Ranking.defaults();
  }

  private record Found(TopDocs top, Facets facets) {}

  /**
   * The top {@code window} hits by score ({@code sort == null}) or by the sort, counted exactly,
   * with facet counts tallied on the pool when there is one.
   */
  private static Found collect(
      IndexSearcher searcher,
      ExecutorService pool,
      FacetStates.Entry facetState,
      DrillDownQuery query,
      Sort sort,
      int window,
      ScoreDoc after)
      throws IOException {
    return sort == null
        ? run(
            searcher,
            pool,
            facetState,
            query,
            new TopScoreDocCollectorManager(window, after, Integer.MAX_VALUE))
        : run(
            searcher,
            pool,
            facetState,
            query,
            new TopFieldCollectorManager(sort, window, (FieldDoc) after, Integer.MAX_VALUE));
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

  private static <R extends TopDocs> Found run(
      IndexSearcher searcher,
      ExecutorService pool,
      FacetStates.Entry facetState,
      DrillDownQuery query,
      CollectorManager<?, R> hits)
      throws IOException {
    if (facetState.state() == null) {
      return new Found(searcher.search(query, hits), null);
    }
    DrillSideways sideways =
        new ParallelFacetsDrillSideways(
            searcher, ArticleSchema.facetsConfig(), facetState.state(), pool);
    DrillSideways.ConcurrentDrillSidewaysResult<R> result = sideways.search(query, hits);
    return new Found(result.collectorResult, result.facets);
  }

  private static Query withDateFilter(Query text, SearchRequest request) {
    if (!request.hasDateFilter()) {
      return text;
    }
    long from = request.fromDate().map(ArticleSearcher::startOf).orElse(Long.MIN_VALUE);
    long to = request.toDate().map(day -> startOf(day.plusDays(1)) - 1).orElse(Long.MAX_VALUE);
    return new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(LongField.newRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Each {@code about} value is a required filter on the keys of the salient entities. */
  private static Query withAboutFilter(Query query, SearchRequest request) {
    if (request.about().isEmpty()) {
      return query;
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    for (About about : request.about()) {
      String field = about.kind() == About.Kind.BRAND ? ABOUT_BRAND_KEY : ABOUT_PERSON_KEY;
      filtered.add(
          new TermQuery(new Term(field, NameKeys.key(about.name()))), BooleanClause.Occur.FILTER);
    }
    return filtered.build();
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static void addFilter(
      DrillDownQuery query, String dim, String keyField, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    keys(values)
        .forEach(
            key -> anyOf.add(new TermQuery(new Term(keyField, key)), BooleanClause.Occur.SHOULD));
    query.add(dim, new ConstantScoreQuery(anyOf.build()));
  }

  private static Sort sortOf(SearchRequest request) {
    return switch (request.sort()) {
      case RELEVANCE -> request.q().isBlank() ? ArticleSchema.newestFirst() : null;
      case NEWEST -> ArticleSchema.newestFirst();
      case OLDEST -> ArticleSchema.oldestFirst();
    };
  }

  /**
   * The hits of a page: each article's stored fields are read once (they are compressed in blocks,
   * so every read costs a decompression), and title and body are highlighted from that text.
   */
  private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] page, Query text)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (ScoreDoc scoreDoc : page) {
      Document doc = stored.document(scoreDoc.doc, HIT_AND_BODY_FIELDS);
      String title = doc.get(TITLE);
      String body = doc.get(BODY);
      String snippet =
          text == null ? null : highlight(bodyHighlighter, BODY, text, body, SNIPPET_PASSAGES);
      if (snippet == null) {
        snippet = Snippets.lead(body);
      }
      String titleHtml = text == null ? null : highlight(titleHighlighter, TITLE, text, title, 1);
      if (titleHtml == null) {
        titleHtml = Snippets.escape(title);
      }
      List<String> authors = List.of(doc.getValues(AUTHOR));
      hits.add(
          new SearchHit(
              doc.get(ID),
              doc.get(URL),
              title,
              titleHtml,
              authors.isEmpty() ? null : authors.get(0),
              authors,
              published(doc),
              List.of(doc.getValues(BRAND)),
              List.of(doc.getValues(PERSON)),
              snippet));
    }
    return hits;
  }

  /** The highlighted passages of a stored text, or null when the query matches none of it. */
  private static String highlight(
      UnifiedHighlighter highlighter, String field, Query text, String content, int passages)
      throws IOException {
    Object highlighted = highlighter.highlightWithoutSearcher(field, text, content, passages);
    return highlighted == null ? null : highlighted.toString();
  }

  private UnifiedHighlighter highlighter(Supplier<BreakIterator> passages) {
    return UnifiedHighlighter.builderWithoutSearcher(textAnalyzer)
        .withFormatter(new Snippets())
        .withMaxNoHighlightPassages(0)
        .withBreakIterator(passages)
        .build();
  }

  private static Supplier<BreakIterator> sentences() {
    return () ->
        LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_LENGTH, 0.5f);
  }

  private static Map<String, List<FacetValue>> facets(Found found, FacetStates.Entry facetState)
      throws IOException {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    SortedSetDocValuesReaderState state = facetState.state();
    facets.put("brand", top(found.facets(), facetState, BRAND_FACET));
    facets.put("author", top(found.facets(), facetState, AUTHOR_FACET));
    facets.put("person", top(found.facets(), facetState, PERSON_FACET));
    facets.put("date", months(found.facets(), state));
    return facets;
  }

  private static List<FacetValue> top(Facets facets, FacetStates.Entry facetState, String dim)
      throws IOException {
    if (facets == null || facetState.state().getOrdRange(dim) == null) {
      return List.of();
    }
    if (!facetState.hasVariants(dim)) {
      return values(facets.getTopChildren(FACET_TOP_N, dim));
    }
    // The forms of one name (case, accents) count as one value: merge the candidates for the top
    // with every other spelling of theirs, counted one by one, rather than reading all values.
    FacetResult top = facets.getTopChildren(FACET_TOP_N * 2, dim);
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
    return CanonicalLabels.top(merged, FACET_TOP_N, label -> facetState.keyOf(dim, label)).stream()
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

  private static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private Query relatedQuery(
      IndexSearcher searcher, int doc, String id, List<String> persons, List<String> brands)
      throws IOException {
    MoreLikeThis moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setFieldNames(new String[] {TITLE, BODY});
    moreLikeThis.setAnalyzer(textAnalyzer);
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(2);
    moreLikeThis.setMaxQueryTerms(25);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(moreLikeThis.like(doc), BooleanClause.Occur.SHOULD);
    for (String key : keys(persons)) {
      query.add(entityBoost(PERSON_KEY, key, SHARED_PERSON_BOOST), BooleanClause.Occur.SHOULD);
    }
    for (String key : keys(brands)) {
      query.add(entityBoost(BRAND_KEY, key, SHARED_BRAND_BOOST), BooleanClause.Occur.SHOULD);
    }
    query.add(new TermQuery(new Term(ID, id)), BooleanClause.Occur.MUST_NOT);
    return query.build();
  }

  private static Query entityBoost(String field, String key, float boost) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, key))), boost);
  }

  private static Set<String> keys(List<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    names.forEach(name -> keys.add(NameKeys.key(name)));
    return keys;
  }

  private static List<String> shared(String[] names, Set<String> keys) {
    return Arrays.stream(names).filter(name -> keys.contains(NameKeys.key(name))).toList();
  }

  private static Instant published(Document doc) {
    IndexableField field = doc.getField(PUBLISHED);
    return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
  }

  private static ArticleDetail detail(TaggedArticle tagged) {
    Article article = tagged.article();
    List<String> authors = tagged.authors();
    return new ArticleDetail(
        article.id(),
        article.url(),
        article.title(),
        article.body(),
        authors.isEmpty() ? null : authors.get(0),
        authors,
        article.published(),
        article.section(),
        article.tags(),
        tagged.brandNames(),
        tagged.personNames(),
        new ArticleEntities(views(tagged.persons()), views(tagged.brands())));
  }

  private static List<EntityView> views(List<Entity> entities) {
    return entities.stream()
        .map(e -> new EntityView(e.name(), e.mentions(), e.salience()))
        .toList();
  }
}
