package dev.carnews.search.solr;

import dev.carnews.analysis.NameKeys;
import dev.carnews.embed.EmbeddingText;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.ArchiveStatus;
import dev.carnews.search.ArchiveUnavailableException;
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
import dev.carnews.search.views.ArticleViews;
import dev.carnews.search.views.HybridFusion;
import dev.carnews.search.views.NameLexicon;
import dev.carnews.search.views.WordReading;
import dev.carnews.solrcloud.SolrArticles;
import dev.carnews.solrcloud.SolrCollections;
import dev.carnews.solrcloud.SolrRetries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.SpellCheckResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;

/**
 * The archive on a SolrCloud collection of the news configset. Every read is retried for a short
 * while on transient failures (a node lost, a leader being elected), so a search keeps answering
 * while the cluster recovers. Deep paging uses Solr's {@code cursorMark}, wrapped in the service's
 * opaque {@code next} token. Suggestions, related articles and spelling follow the local backend's
 * contract through Solr's own features (facets, MoreLikeThis, the spellchecker), so their ranking
 * may differ by design; filters, counts and escaping do not. Stories are read from the {@code
 * story} field the writes keep, and {@code collapse=story} is collapsed in the service ({@link
 * SolrStoryCollapse}).
 */
public final class SolrNewsArchive implements NewsArchive {

  private static final String CURSOR_PREFIX = "s1.";
  private static final String OFFSET_PREFIX = "m1.";
  private static final String VERSION_FIELD = "_version_";

  private final CloudConnection connection;
  private final String collection;
  private final Ranking ranking;
  private final SolrRetries reads = new SolrRetries(Duration.ofSeconds(20));
  private final SolrSuggestions suggestions;
  private final SolrRelated related;
  private final SolrEntities entities;
  private final SolrMeaning meanings;
  private final WordCounts wordCounts;
  private volatile Supplier<? extends TextEmbedder> embedder = () -> null;
  private volatile IndexVersion vectorsCheckedAt;
  private volatile boolean vectors;
  private final SolrStoryViews stories;
  private final SolrStoryCollapse collapse;
  private volatile long newest;
  private volatile long newestReadAt;
  private volatile IndexVersion version = new IndexVersion(0, 0);
  private volatile long versionReadAt;
  private List<Long> lastSeen = List.of();
  private volatile LongSupplier curationVersion = () -> 0L;

  /**
   * @param connection the cluster, connected on first use; closed by the caller
   * @param collection the collection of the news configset
   * @param ranking the recency half-life of relevance order
   */
  public SolrNewsArchive(CloudConnection connection, String collection, Ranking ranking) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.ranking = Objects.requireNonNull(ranking, "ranking");
    this.stories = new SolrStoryViews(this::query);
    this.related = new SolrRelated(this::query, this::posted, stories);
    this.entities = new SolrEntities(this::query, this::version);
    this.collapse = new SolrStoryCollapse(this::query, stories);
    this.suggestions = new SolrSuggestions(this::query, entities::lexicon, this::newest, ranking);
    this.meanings = new SolrMeaning(this::posted);
    this.wordCounts = new WordCounts(this::query, this::version);
  }

  /**
   * Lets {@code mode=semantic} and {@code mode=hybrid} search by meaning with this model's query
   * vectors (the model the collection's vectors were made with); without it, or on a collection
   * without vectors, they search by words and say so. Call before serving; returns this archive.
   */
  public SolrNewsArchive searchingByMeaning(Supplier<? extends TextEmbedder> queries) {
    this.embedder = Objects.requireNonNull(queries, "queries");
    return this;
  }

  /**
   * Makes the version of the editors' curation ({@link SolrCurationStore#version()}) part of this
   * archive's version, so a decision that rewrote no article still changes the validators and
   * cached answers of the routes it changes (filters mapped through it, the curation log). Call
   * before serving; returns this archive.
   */
  public SolrNewsArchive followingCuration(LongSupplier version) {
    this.curationVersion = Objects.requireNonNull(version, "version");
    return this;
  }

  /** The query's vector when the request searches by meaning and this archive can; else null. */
  private float[] meaningOf(SearchRequest request) throws IOException {
    if (request.mode() == SearchMode.KEYWORD || request.q().isBlank()) {
      return null;
    }
    TextEmbedder queries = embedder.get();
    if (queries == null) {
      return null;
    }
    float[] meaning = queries.query(request.q());
    IndexVersion now = version();
    if (!now.equals(vectorsCheckedAt)) {
      // Asked again only when the collection changed: one more read per write, none per search.
      vectors = meanings.hasVectors(meaning);
      vectorsCheckedAt = now;
    }
    return vectors ? meaning : null;
  }

  @Override
  public int count() throws IOException {
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    return (int) query(query).getResults().getNumFound();
  }

  /**
   * {@inheritDoc}
   *
   * <p>A collection has no single commit generation, so the version counts the changes this service
   * has seen in what the searchers show: the number of visible articles and the newest {@code
   * _version_} among them (Solr stamps every update with a larger one; a delete lowers the count).
   * It is read at most once a second, so an HTTP validator or a cached search may lag a write made
   * elsewhere by that second, as a {@code max-age} does.
   */
  @Override
  public IndexVersion version() throws IOException {
    long now = System.nanoTime();
    if (versionReadAt == 0 || now - versionReadAt > 1_000_000_000L) {
      SolrQuery query = new SolrQuery("*:*");
      query.setRows(1);
      query.setFields(VERSION_FIELD);
      query.addSort(VERSION_FIELD, SolrQuery.ORDER.desc);
      var results = query(query).getResults();
      Object newestUpdate = results.isEmpty() ? null : results.get(0).getFirstValue(VERSION_FIELD);
      List<Long> seen =
          List.of(
              results.getNumFound(),
              newestUpdate == null ? 0L : ((Number) newestUpdate).longValue(),
              curationVersion.getAsLong());
      synchronized (this) {
        if (!seen.equals(lastSeen)) {
          lastSeen = seen;
          version = new IndexVersion(0, version.version() + 1);
        }
        versionReadAt = now;
      }
    }
    return version;
  }

  /**
   * Tells the archive that a write through this service became visible, so the next {@link
   * #version()} asks the cluster instead of trusting the second-old reading (and no cached answer
   * outlives the write).
   */
  public void changed() {
    versionReadAt = 0;
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return run(request, null, -1);
  }

  @Override
  public SearchResponse searchAfter(SearchRequest request, String token) throws IOException {
    if (request.page() != 1) {
      throw new InvalidQueryException("after cannot be combined with page", null);
    }
    if (token.startsWith(OFFSET_PREFIX)) {
      // A page of a search by meaning: the offset into its fused ranking or its dated union.
      int offset;
      try {
        offset = Integer.parseInt(token.substring(OFFSET_PREFIX.length()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("after is not a valid cursor", e);
      }
      if (offset < 0 || offset > SearchRequest.MAX_WINDOW) {
        throw new IllegalArgumentException("after is not a valid cursor");
      }
      return run(request, null, offset);
    }
    if (!token.startsWith(CURSOR_PREFIX)) {
      throw new IllegalArgumentException("after is not a valid cursor");
    }
    String mark;
    try {
      mark =
          new String(
              Base64.getUrlDecoder().decode(token.substring(CURSOR_PREFIX.length())),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("after is not a valid cursor", e);
    }
    return run(request, mark, -1);
  }

  @Override
  public SuggestResponse suggest(String prefix) throws IOException {
    return suggestions.suggest(prefix);
  }

  @Override
  public Optional<ArticleDetail> article(String id) throws IOException {
    Optional<SolrDocument> doc = stored(id);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    String story = (String) doc.get().getFirstValue(ArticleSchema.STORY);
    return Optional.of(
        ArticleViews.detail(SolrArticles.fromDocument(doc.get()), stories.of(id, story)));
  }

  @Override
  public Optional<RelatedResponse> related(String id, int size) throws IOException {
    if (size < 1 || size > RelatedResponse.MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + RelatedResponse.MAX_SIZE);
    }
    TextEmbedder model = embedder.get();
    Optional<SolrDocument> source =
        model == null ? stored(id) : stored(id, ArticleSchema.STORY, ArticleSchema.VECTOR);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    TaggedArticle article = SolrArticles.fromDocument(source.get());
    return Optional.of(
        related.of(
            article,
            (String) source.get().getFirstValue(ArticleSchema.STORY),
            size,
            model == null ? null : meaningOf(article, model)));
  }

  /**
   * An article's own vector for its nearest neighbours: the one the collection stores, else (a
   * collection on a configset older than stored vectors) the same model's vector of the same text
   * when the collection holds vectors; {@code null} when it holds none.
   */
  private float[] meaningOf(TaggedArticle article, TextEmbedder model) throws IOException {
    if (article.hasVector()) {
      return article.vector();
    }
    float[] meaning = model.passage(EmbeddingText.of(article.article()));
    IndexVersion now = version();
    if (!now.equals(vectorsCheckedAt)) {
      vectors = meanings.hasVectors(meaning);
      vectorsCheckedAt = now;
    }
    return vectors ? meaning : null;
  }

  @Override
  public Optional<EntityPage> entity(EntityType type, String name, SearchRequest scope)
      throws IOException {
    return entities.page(type, name, scope);
  }

  @Override
  public Optional<String> entityName(EntityType type, String name) throws IOException {
    return entities.name(type, name);
  }

  @Override
  public EntityListing entities(EntityListRequest request) throws IOException {
    return entities.list(request);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A terms facet on {@link ArticleSchema#LOW_CONFIDENCE_PERSON}, most articles first and, on a
   * tie, in value order, as on a local index. Solr refines the counts of the values it answers
   * across shards, so they are exact.
   */
  @Override
  public List<FacetValue> lowConfidencePersons(int size) throws IOException {
    if (size <= 0) {
      return List.of();
    }
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.setFacet(true);
    query.addFacetField(ArticleSchema.LOW_CONFIDENCE_PERSON);
    query.setFacetLimit(size);
    query.setFacetMinCount(1);
    query.setFacetSort("count");
    FacetField field = query(query).getFacetField(ArticleSchema.LOW_CONFIDENCE_PERSON);
    List<FacetValue> values = new ArrayList<>();
    if (field != null && field.getValues() != null) {
      for (FacetField.Count count : field.getValues()) {
        values.add(new FacetValue(count.getName(), count.getCount()));
      }
    }
    return List.copyOf(values);
  }

  @Override
  public TrendingResponse trending(TrendingRequest request) throws IOException {
    return entities.trending(request);
  }

  @Override
  public Map<String, List<SignificantEntity>> significant(
      SearchRequest request, Set<EntityType> types) throws IOException {
    return entities.significant(request, types);
  }

  @Override
  public Optional<StoryDetail> story(String id) throws IOException {
    return stories.find(id, stored(id));
  }

  @Override
  public ArchiveStatus status() {
    try {
      CloudSolrClient client = connection.client();
      // An alias (the name a reindex switches) is reported with the collection it points to.
      String resolved = client.getClusterStateProvider().resolveSimpleAlias(collection);
      String name = resolved.equals(collection) ? collection : collection + " -> " + resolved;
      DocCollection docs = client.getClusterStateProvider().getCollection(resolved);
      var live = client.getClusterStateProvider().getLiveNodes();
      int active = SolrCollections.activeReplicas(docs, live);
      int all = docs == null ? 0 : docs.getReplicas().size();
      boolean everyShard =
          docs != null
              && docs.getActiveSlices().stream()
                  .allMatch(slice -> slice.getLeader() != null && slice.getLeader().isActive(live));
      String detail =
          String.format(
              java.util.Locale.ROOT,
              "collection %s: %d of %d replicas active on %d live nodes%s",
              name,
              active,
              all,
              live.size(),
              everyShard ? "" : "; a shard has no active leader");
      return new ArchiveStatus("solrcloud", everyShard, detail);
    } catch (IOException | RuntimeException e) {
      return new ArchiveStatus(
          "solrcloud", false, "collection " + collection + " not reachable: " + e.getMessage());
    }
  }

  /**
   * A page of a search: from Solr's {@code cursorMark} (a search by words), from an offset (a
   * search by meaning's {@code next}; -1 when none), or from the request's page.
   */
  private SearchResponse run(SearchRequest request, String cursorMark, int offset)
      throws IOException {
    long started = System.nanoTime();
    float[] meaning = meaningOf(request);
    // A search collapsed by story is ranked by words: the collapse walks Solr's ranked cursor.
    if (request.mode() != SearchMode.KEYWORD && meaning != null && !request.collapse()) {
      NameLexicon.Reading named = named(request.q());
      return byMeaning(
          request, meaning, offset, started, named, wordsOf(request, request.q(), named));
    }
    if (offset >= 0) {
      throw new IllegalArgumentException("after is not a cursor of this search");
    }
    String text = request.q();
    NameLexicon.Reading named = named(text);
    SolrSearchParams.Words read = wordsOf(request, text, named);
    SolrQuery query = searchOf(request, read, named);
    String mark = cursorMark;
    if (mark == null && request.page() > 1 && !request.collapse()) {
      mark = markBefore(query, (request.page() - 1) * request.size());
    }
    QueryResponse response = query(paged(query, request, mark));
    String match = read.anyWord() ? "most" : "all";
    String didYouMean = null;
    String collation = collation(response);
    if (collation != null && response.getResults().getNumFound() == 0 && cursorMark == null) {
      // No article has the words as typed: search the spellchecker's collation instead.
      NameLexicon.Reading namedCorrection = named(collation);
      SolrSearchParams.Words corrected = SolrSearchParams.Words.all(collation);
      QueryResponse second =
          query(paged(searchOf(request, corrected, namedCorrection), request, null));
      if (second.getResults().getNumFound() > 0) {
        response = second;
        text = collation;
        read = corrected;
        named = namedCorrection;
        match = "corrected";
        didYouMean = collation;
      }
    } else if (collation != null && response.getResults().getNumFound() < 3) {
      didYouMean = collation;
    }
    if (response.getResults().getNumFound() == 0
        && !read.anyWord()
        && match.equals("all")
        && WordReading.isPlain(text)
        && WordReading.words(text) > 1) {
      // No article has every word, and no correction finds one: any of the words, as locally.
      SolrSearchParams.Words some = anyOf(text);
      if (some.anyWord()) {
        SolrQuery fallback = searchOf(request, some, named);
        String from = cursorMark;
        if (from == null && request.page() > 1 && !request.collapse()) {
          from = markBefore(fallback, (request.page() - 1) * request.size());
        }
        QueryResponse third = query(paged(fallback, request, from));
        if (third.getResults().getNumFound() > 0) {
          response = third;
          read = some;
          match = "some";
        }
      }
    }
    long total = response.getResults().getNumFound();
    int pages = (int) ((total + request.size() - 1) / request.size());
    List<SearchHit> hits;
    String nextMark;
    if (request.collapse()) {
      SolrStoryCollapse.Page page =
          collapse.page(
              searchOf(request, read, named),
              cursorMark == null ? CursorMarkParams.CURSOR_MARK_START : cursorMark,
              cursorMark == null ? (request.page() - 1) * request.size() : 0,
              request.size());
      hits = page.hits();
      nextMark = page.nextMark();
    } else {
      hits = SolrAnswers.hits(response);
      nextMark = hits.size() == request.size() ? response.getNextCursorMark() : null;
    }
    String next =
        nextMark != null
            ? CURSOR_PREFIX
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(nextMark.getBytes(StandardCharsets.UTF_8))
            : null;
    return new SearchResponse(
        total,
        request.page(),
        request.size(),
        pages,
        (System.nanoTime() - started) / 1_000_000,
        hits,
        SolrAnswers.facets(response),
        didYouMean,
        request.q().isBlank() ? null : interpretation(request, text, match, named),
        false,
        next);
  }

  /** A search by meaning, alone or fused with the words ({@link SolrMeaning}). */
  private SearchResponse byMeaning(
      SearchRequest request,
      float[] meaning,
      int offset,
      long started,
      NameLexicon.Reading named,
      SolrSearchParams.Words read)
      throws IOException {
    int from = offset >= 0 ? offset : (request.page() - 1) * request.size();
    SolrMeaning.Page page = meanings.page(request, meaning, from, ranking, newest(), named, read);
    long total = page.total();
    int pages = (int) ((total + request.size() - 1) / request.size());
    String how =
        request.mode() == SearchMode.SEMANTIC
            ? "Ranked by meaning."
            : "Ranked by words and meaning together ("
                + HybridFusion.methodFor(request.q()).said()
                + ").";
    QueryInterpretation interpretation =
        new QueryInterpretation(
                request.q(),
                read.anyWord() ? "some" : "all",
                named.brandLabels(),
                named.personLabels(),
                named.readAs())
            .withMode(request.mode(), how);
    return new SearchResponse(
        total,
        request.page(),
        request.size(),
        pages,
        (System.nanoTime() - started) / 1_000_000,
        page.hits(),
        SolrAnswers.facets(page.counted()),
        null,
        interpretation,
        false,
        page.more() ? OFFSET_PREFIX + (from + request.size()) : null);
  }

  /**
   * The cursor after the first {@code skipped} hits of a query: page N is then read as the cursor
   * chain reads it, and answers a {@code next} token like page 1. Only ids are read; Solr collects
   * the skipped hits either way (a {@code start} offset costs the same collection).
   */
  private String markBefore(SolrQuery page, int skipped) throws IOException {
    SolrQuery skip = page.getCopy();
    skip.setRows(skipped);
    skip.setFields(ArticleSchema.ID);
    skip.setFacet(false);
    skip.setHighlight(false);
    skip.remove("spellcheck");
    skip.set(CursorMarkParams.CURSOR_MARK_PARAM, "*");
    return query(skip).getNextCursorMark();
  }

  /**
   * A words' search as one read answers it: from a cursor ({@code null}: the first hit), or, for a
   * search collapsed by story, only its counts, facets and spelling (the collapsed page is read
   * from the ranked ids afterwards).
   */
  private static SolrQuery paged(SolrQuery query, SearchRequest request, String mark) {
    if (request.collapse()) {
      query.setRows(0);
      query.setHighlight(false);
    } else {
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, mark == null ? "*" : mark);
    }
    return query;
  }

  /** The words' search, the articles where the names it reads are salient ranked higher. */
  private SolrQuery searchOf(
      SearchRequest request, SolrSearchParams.Words read, NameLexicon.Reading named)
      throws IOException {
    return SolrSearchParams.of(
        request, read, ranking, newest(), keys(named.brands()), keys(named.persons()));
  }

  /**
   * How the words of a search are first read ({@link WordReading}): any of them when plain and long
   * enough, or two that name nothing (unless one of the two is in no article and may be misspelt:
   * then both, so that the spelling correction answers); else every word.
   */
  private SolrSearchParams.Words wordsOf(
      SearchRequest request, String text, NameLexicon.Reading named) throws IOException {
    if (text.isBlank() || !WordReading.anyWord(text, named)) {
      return SolrSearchParams.Words.all(text);
    }
    List<String> words = WordReading.wordsOf(text);
    if (words.size() < WordReading.ANY_WORD_FROM) {
      Map<String, WordCounts.Count> counts = wordCounts.of(words);
      for (String word : words) {
        if (counts.get(word).most() == 0 && WordReading.mayBeMisspelt(word)) {
          return SolrSearchParams.Words.all(text);
        }
      }
    }
    return anyOf(text);
  }

  /** Any of the words of a plain query, the common ones only scoring. */
  private SolrSearchParams.Words anyOf(String text) throws IOException {
    List<String> words = WordReading.wordsOf(text);
    Map<String, WordCounts.Count> counts = wordCounts.of(words);
    List<String> rare = new ArrayList<>();
    List<String> common = new ArrayList<>();
    List<String> function = new ArrayList<>();
    for (String word : words) {
      WordCounts.Count count = counts.get(word);
      if (count.most() == 0) {
        continue; // in no article: it can neither find nor rank one
      }
      if (WordReading.isFunctionWord(word)) {
        function.add(word);
      } else if (WordReading.isCommon(count.most(), count.of())) {
        common.add(word);
      } else {
        rare.add(word);
      }
    }
    if (rare.isEmpty() && common.isEmpty()) {
      common.addAll(function); // a query of function words only is read by them
    }
    return SolrSearchParams.Words.any(text, rare, common);
  }

  static List<String> keys(List<NameLexicon.Known> names) {
    return names.stream().map(known -> NameKeys.key(known.label())).toList();
  }

  /**
   * The brands and people a query names, as the archive's names read it (a surname alone when it is
   * mostly that person's in the articles with the word), as the local index reads them.
   */
  private NameLexicon.Reading named(String text) throws IOException {
    if (text.isBlank()) {
      return NameLexicon.Reading.NONE;
    }
    NameLexicon lexicon = entities.lexicon();
    try {
      return lexicon.read(text, this::articlesWithWord);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private long articlesWithWord(String word) {
    SolrQuery query = new SolrQuery(ArticleSchema.BODY + ":" + SolrSearchParams.quoted(word));
    query.setRows(0);
    try {
      return query(query).getResults().getNumFound();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static QueryInterpretation interpretation(
      SearchRequest request, String text, String match, NameLexicon.Reading named) {
    String corrected =
        match.equals("corrected")
            ? "No results for your spelling; showing results for “" + text + "”."
            : "";
    String how =
        switch (match) {
          case "most" -> "Articles with any of the words; those with more of them first.";
          case "some" -> "No article has every word; showing articles with some of them.";
          default -> corrected;
        };
    String description = String.join(" ", how, named.readAs()).strip();
    // A query read as any of its words from the start is a "some" reading for clients.
    QueryInterpretation words =
        new QueryInterpretation(
            text,
            match.equals("most") ? "some" : match,
            named.brandLabels(),
            named.personLabels(),
            description);
    if (request.mode() == SearchMode.KEYWORD) {
      return words;
    }
    return words.withMode(
        SearchMode.KEYWORD,
        request.collapse()
            ? "On SolrCloud a search collapsed by story is ranked by words."
            : "This collection has no vectors for search by meaning: searched by words.");
  }

  private static String collation(QueryResponse response) {
    SpellCheckResponse spelling = response.getSpellCheckResponse();
    if (spelling == null || spelling.getCollatedResult() == null) {
      return null;
    }
    String collated = spelling.getCollatedResult().strip();
    return collated.isEmpty() ? null : collated;
  }

  /** An article's stored fields and its story. */
  private Optional<SolrDocument> stored(String id) throws IOException {
    return stored(id, ArticleSchema.STORY);
  }

  /**
   * An article's stored fields and these others. The real-time get goes to any active replica; one
   * that has just rejoined may not yet hold a write its shard's leader acknowledged, so an id no
   * replica answered for is asked of the leader before it is called missing.
   */
  private Optional<SolrDocument> stored(String id, String... others) throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", String.join(",", SolrArticles.STORED) + "," + String.join(",", others));
    CloudSolrClient client = connection.client();
    SolrDocument doc = read("get " + collection, () -> client.getById(collection, id, params));
    if (doc == null) {
      ModifiableSolrParams leader = new ModifiableSolrParams(params);
      leader.set(
          ShardParams.SHARDS_PREFERENCE, ShardParams.SHARDS_PREFERENCE_REPLICA_LEADER + ":true");
      doc = read("get " + collection, () -> client.getById(collection, id, leader));
    }
    return Optional.ofNullable(doc);
  }

  /** The newest publication time, read again at most every ten seconds (recency's origin). */
  private long newest() throws IOException {
    long now = System.nanoTime();
    if (newestReadAt == 0 || now - newestReadAt > 10_000_000_000L) {
      SolrQuery query = new SolrQuery("*:*");
      query.setRows(1);
      query.setFields(ArticleSchema.PUBLISHED);
      query.addSort(ArticleSchema.PUBLISHED, SolrQuery.ORDER.desc);
      var results = query(query).getResults();
      Object value =
          results.isEmpty() ? null : results.get(0).getFirstValue(ArticleSchema.PUBLISHED);
      newest = value == null ? System.currentTimeMillis() : ((Number) value).longValue();
      newestReadAt = now;
    }
    return newest;
  }

  /** A read whose parameters are too long for a URL (a query vector, a list of ids). */
  private QueryResponse posted(SolrQuery query) throws IOException {
    CloudSolrClient client = connection.client();
    return read(
        "search of " + collection, () -> client.query(collection, query, SolrRequest.METHOD.POST));
  }

  /** One read of the collection, retried while failures are transient. */
  QueryResponse query(SolrQuery query) throws IOException {
    CloudSolrClient client = connection.client();
    return read("search of " + collection, () -> client.query(collection, query));
  }

  /**
   * A read retried while failures are transient; a cluster that still does not answer is
   * "unavailable" (503, try again), a request Solr refuses is a bad query (400).
   */
  private <T> T read(String what, SolrRetries.Call<T> call) throws IOException {
    try {
      return reads.run(what, call);
    } catch (SolrRetries.PermanentFailure e) {
      if (e.code() == 400) {
        throw new InvalidQueryException("q cannot be searched", e);
      }
      throw e;
    } catch (IOException e) {
      throw new ArchiveUnavailableException("the search cluster did not answer in time", e);
    }
  }

  /** One Solr read, for the helpers. */
  @FunctionalInterface
  interface Reads {
    QueryResponse query(SolrQuery query) throws IOException;
  }
}
