package dev.carnews.search.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.EntityPage;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SignificantEntity;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.TrendingResponse;
import dev.carnews.search.views.EntityLists;
import dev.carnews.search.views.NameLexicon;
import dev.carnews.search.views.Significance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entity pages, the directory, trending and significant entities on a collection, counted by Solr
 * with JSON facets: {@code terms} facets on the folded-key fields (one bucket per name, an article
 * counted once however it spells it) with {@code min}/{@code max} of {@code published} per bucket,
 * {@code query} facets for the about-counts and for the window and background of a trend, and the
 * {@code month} field for timelines. Nothing reads stored articles but the hits a page shows.
 *
 * <p>The whole-archive counts (every name of every type with its articles and first and last date,
 * and the spellings of each) are the background of every significance score and the directory
 * itself: they are asked once per {@link IndexVersion} and kept, as the local backend keeps them
 * per reader. Scores are {@link Significance} over exact counts, and orders and cuts are {@link
 * EntityLists}, so both backends answer alike on the same articles. Solr's {@code relatedness()} is
 * not used for the scores: it rounds its popularities to five digits and does not smooth the
 * background share as {@link Significance} does, so its ranking could differ from the local one.
 */
final class SolrEntities {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(SolrEntities.class);

  /** The state of the collection that answers are cached for. */
  @FunctionalInterface
  interface Versions {
    IndexVersion version() throws IOException;
  }

  /** One name of the whole archive. */
  record Known(
      String key, String name, List<String> spellings, long count, long first, long last) {}

  /** The whole archive's names and counts at one version. */
  private record Directory(
      IndexVersion version,
      long articles,
      long lastSeen,
      Map<EntityType, Map<String, Known>> byKey,
      Map<EntityType, Map<EntityListRequest.Sort, List<EntityLists.Listed>>> orders,
      NameLexicon lexicon) {

    Known known(EntityType type, String key) {
      return byKey.get(type).get(key);
    }

    String name(EntityType type, String key) {
      Known known = known(type, key);
      return known == null ? key : known.name();
    }
  }

  private final SolrNewsArchive.Reads reads;
  private final Versions versions;
  private volatile Directory directory;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  SolrEntities(SolrNewsArchive.Reads reads, Versions versions) {
    this.reads = reads;
    this.versions = versions;
  }

  /**
   * The archive's names as a lexicon (which names a query mentions, which complete a prefix), read
   * with the directory.
   */
  NameLexicon lexicon() throws IOException {
    Directory known = directory;
    if (known == null) {
      return directory().lexicon();
    }
    // A search does not wait for the directory after a write: it reads the names with the last
    // directory while a fresh one is asked in the background (a new name is named seconds later).
    if (!known.version().equals(versions.version()) && refreshing.compareAndSet(false, true)) {
      CompletableFuture.runAsync(
          () -> {
            try {
              directory();
            } catch (IOException | RuntimeException e) {
              LOG.warn("Reading the entity directory failed: {}", e.toString());
            } finally {
              refreshing.set(false);
            }
          });
    }
    return known.lexicon();
  }

  /** The display name of a name the archive knows. */
  Optional<String> name(EntityType type, String name) throws IOException {
    return Optional.ofNullable(directory().known(type, NameKeys.key(name))).map(Known::name);
  }

  /** One page of the directory. */
  EntityListing list(EntityListRequest request) throws IOException {
    String prefix = request.q().isBlank() ? "" : NameKeys.key(request.q());
    return EntityLists.page(
        directory().orders().get(request.type()).get(request.sort()), request, prefix);
  }

  /**
   * The page of a name within a scope: one request counts the entity's articles in scope per month,
   * per co-mentioned name and author, their dates and how many are about it, and returns the
   * latest; a second finds the most salient by the salience payload of the name's key.
   */
  Optional<EntityPage> page(EntityType type, String name, SearchRequest scope) throws IOException {
    Directory all = directory();
    String key = NameKeys.key(name);
    Known entity = all.known(type, key);
    if (entity == null) {
      return Optional.empty();
    }
    String mentions = keyField(type) + ":" + SolrSearchParams.quoted(key);
    SolrQuery counting = SolrSearchParams.matching(scope);
    counting.addFilterQuery(mentions);
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("first", "min(" + ArticleSchema.PUBLISHED + ")");
    facets.put("last", "max(" + ArticleSchema.PUBLISHED + ")");
    Map<String, Object> months = terms(ArticleSchema.MONTH_FACET, 1);
    if (type.hasSalience()) {
      String about = aboutField(type) + ":" + SolrSearchParams.quoted(key);
      facets.put("about", Map.of("type", "query", "q", about));
      months.put("facet", Map.of("about", Map.of("type", "query", "q", about)));
    }
    facets.put("months", months);
    for (EntityType other : EntityType.values()) {
      facets.put(other.label(), terms(keyField(other), 1));
    }
    counting.set("json.facet", json(facets));
    counting.setFields(SolrSearchParams.HIT_FIELDS);
    counting.setRows(scope.size());
    counting.addSort(ArticleSchema.PUBLISHED, SolrQuery.ORDER.desc);
    counting.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
    if (!scope.q().isBlank()) {
      SolrSearchParams.highlight(counting);
    }
    QueryResponse counted = reads.query(counting);
    NestableJsonFacet found = counted.getJsonFacetingResponse();
    long hits = counted.getResults().getNumFound();
    long about = type.hasSalience() ? queryCount(found, "about") : hits;

    SortedMap<YearMonth, long[]> timeline = new TreeMap<>();
    for (BucketJsonFacet month : buckets(found, "months")) {
      long aboutMonth = type.hasSalience() ? queryCount(month, "about") : month.getCount();
      timeline.put(
          YearMonth.parse(String.valueOf(month.getVal())),
          new long[] {month.getCount(), aboutMonth});
    }
    Number first = (Number) (found == null ? null : found.getStatValue("first"));
    Number last = (Number) (found == null ? null : found.getStatValue("last"));
    List<SearchHit> salient = type.hasSalience() ? salient(type, key, scope) : List.of();
    return Optional.of(
        new EntityPage(
            type.label(),
            entity.name(),
            entity.spellings(),
            hits,
            about,
            first == null ? null : Instant.ofEpochMilli(first.longValue()),
            last == null ? null : Instant.ofEpochMilli(last.longValue()),
            EntityLists.timeline(timeline),
            new EntityPage.Associated(
                associated(all, found, hits, EntityType.PERSON, type, key),
                associated(all, found, hits, EntityType.BRAND, type, key)),
            authors(all, found, type, key),
            SolrAnswers.hits(counted),
            salient));
  }

  /** The trending people and brands of a window against the dated articles before it. */
  TrendingResponse trending(TrendingRequest request) throws IOException {
    Directory all = directory();
    LocalDate to = request.to();
    if (to == null) {
      to =
          all.lastSeen() == Long.MIN_VALUE
              ? LocalDate.now(ZoneOffset.UTC)
              : LocalDate.ofInstant(Instant.ofEpochMilli(all.lastSeen()), ZoneOffset.UTC);
    }
    LocalDate from =
        request.from() != null ? request.from() : to.minusDays(TrendingRequest.DEFAULT_DAYS - 1L);
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    long start = startOf(from);
    long end = startOf(to.plusDays(1)) - 1;
    Map<String, Object> window = new LinkedHashMap<>();
    for (EntityType type : request.types()) {
      window.put(type.label(), terms(keyField(type), request.minCount()));
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put(
        "window",
        Map.of(
            "type",
            "query",
            "q",
            range(Long.toString(start), Long.toString(end)),
            "facet",
            window));
    facets.put("before", Map.of("type", "query", "q", range("*", Long.toString(start - 1))));
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.set("json.facet", json(facets));
    NestableJsonFacet found = reads.query(query).getJsonFacetingResponse();
    NestableJsonFacet inWindow = found.getQueryFacet("window");
    long windowArticles = inWindow == null ? 0 : inWindow.getCount();
    long background = queryCount(found, "before");
    Map<EntityType, List<BucketJsonFacet>> windowBuckets = new EnumMap<>(EntityType.class);
    for (EntityType type : request.types()) {
      windowBuckets.put(type, buckets(inWindow, type.label()));
    }
    Map<EntityType, Map<String, Long>> earlier = backgroundCounts(windowBuckets, start);
    List<SignificantEntity> entities = new ArrayList<>();
    for (EntityType type : request.types()) {
      for (BucketJsonFacet bucket : windowBuckets.get(type)) {
        String key = String.valueOf(bucket.getVal());
        long f = bucket.getCount();
        long b = earlier.get(type).getOrDefault(key, 0L);
        if (f >= request.minCount()
            && Significance.overRepresented(f, windowArticles, b, background)) {
          entities.add(
              new SignificantEntity(
                  type.label(),
                  all.name(type, key),
                  f,
                  b,
                  Significance.score(f, windowArticles, b, background)));
        }
      }
    }
    return new TrendingResponse(
        EntityLists.topSignificant(entities, request.size()),
        from,
        to,
        windowArticles,
        background,
        request.minCount());
  }

  /**
   * How many articles before {@code start} name each of the window's keys: a count of only those
   * keys ({@code facet.field}'s {@code terms} local parameter, on every shard), not of every name
   * of the archive, whose list alone is megabytes at 100k articles.
   */
  private Map<EntityType, Map<String, Long>> backgroundCounts(
      Map<EntityType, List<BucketJsonFacet>> windowBuckets, long start) throws IOException {
    Map<EntityType, Map<String, Long>> counts = new EnumMap<>(EntityType.class);
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.addFilterQuery(range("*", Long.toString(start - 1)));
    query.setFacet(true);
    query.setFacetLimit(-1);
    query.setFacetMinCount(1);
    for (Map.Entry<EntityType, List<BucketJsonFacet>> entry : windowBuckets.entrySet()) {
      counts.put(entry.getKey(), new HashMap<>());
      if (entry.getValue().isEmpty()) {
        continue;
      }
      String label = entry.getKey().label();
      StringBuilder keys = new StringBuilder();
      for (BucketJsonFacet bucket : entry.getValue()) {
        if (keys.length() > 0) {
          keys.append(',');
        }
        // The list is split on unescaped commas; a backslash escapes the next character.
        keys.append(String.valueOf(bucket.getVal()).replace("\\", "\\\\").replace(",", "\\,"));
      }
      query.set("terms_" + label, keys.toString());
      query.addFacetField(
          "{!terms=$terms_" + label + " key=" + label + "}" + keyField(entry.getKey()));
    }
    if (query.getFacetFields() == null || query.getFacetFields().length == 0) {
      return counts;
    }
    QueryResponse response = reads.query(query);
    for (EntityType type : windowBuckets.keySet()) {
      FacetField field = response.getFacetField(type.label());
      if (field != null && field.getValues() != null) {
        for (FacetField.Count count : field.getValues()) {
          counts.get(type).put(count.getName(), count.getCount());
        }
      }
    }
    return counts;
  }

  /** The people and brands over-represented in a search's matches against the whole archive. */
  Map<String, List<SignificantEntity>> significant(SearchRequest request, Set<EntityType> types)
      throws IOException {
    Directory all = directory();
    SolrQuery query = SolrSearchParams.matching(request);
    query.setRows(0);
    Map<String, Object> facets = new LinkedHashMap<>();
    for (EntityType type : types) {
      facets.put(type.label(), terms(keyField(type), EntityLists.SIGNIFICANT_MIN_COUNT));
    }
    query.set("json.facet", json(facets));
    QueryResponse response = reads.query(query);
    long foreground = response.getResults().getNumFound();
    NestableJsonFacet found = response.getJsonFacetingResponse();
    Map<EntityType, List<SignificantEntity>> byType = new EnumMap<>(EntityType.class);
    for (EntityType type : types) {
      List<SignificantEntity> entities = new ArrayList<>();
      for (BucketJsonFacet bucket : buckets(found, type.label())) {
        String key = String.valueOf(bucket.getVal());
        Known known = all.known(type, key);
        long f = bucket.getCount();
        long b = known == null ? f : known.count();
        if (Significance.overRepresented(f, foreground, b, all.articles())) {
          entities.add(
              new SignificantEntity(
                  type.label(),
                  all.name(type, key),
                  f,
                  b,
                  Significance.score(f, foreground, b, all.articles())));
        }
      }
      byType.put(type, EntityLists.topSignificant(entities, EntityLists.SIGNIFICANT_TOP));
    }
    Map<String, List<SignificantEntity>> byLabel = new LinkedHashMap<>();
    byType.forEach((type, entities) -> byLabel.put(type.label(), entities));
    return byLabel;
  }

  /** The articles most about a name in scope: its salience payload is the score. */
  private List<SearchHit> salient(EntityType type, String key, SearchRequest scope)
      throws IOException {
    SolrQuery query = new SolrQuery("{!payload_score f=" + rankField(type) + " func=max v=$skey}");
    query.set("skey", key);
    SolrQuery scoped = SolrSearchParams.matching(scope);
    if (!scope.q().isBlank()) {
      query.addFilterQuery("{!" + SolrSearchParams.PARSER + " v=$sq}");
      query.set("sq", scope.q());
      for (String param : List.of("qf", "mm", "sow", "q.alt")) {
        query.set(param, scoped.get(param));
      }
      SolrSearchParams.highlight(query);
      query.set("hl.q", scope.q());
      query.set("hl.qparser", SolrSearchParams.PARSER);
    }
    String[] filters = scoped.getFilterQueries();
    if (filters != null) {
      query.addFilterQuery(filters);
    }
    query.addFilterQuery(keyField(type) + ":" + SolrSearchParams.quoted(key));
    query.setFields(SolrSearchParams.HIT_FIELDS);
    query.setRows(scope.size());
    query.addSort("score", SolrQuery.ORDER.desc);
    query.addSort(ArticleSchema.PUBLISHED, SolrQuery.ORDER.desc);
    query.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
    return SolrAnswers.hits(reads.query(query));
  }

  private static List<EntityPage.Related> associated(
      Directory all,
      NestableJsonFacet found,
      long foreground,
      EntityType type,
      EntityType selfType,
      String selfKey) {
    int minCount = EntityLists.associatedMinCount(foreground);
    List<EntityPage.Related> related = new ArrayList<>();
    for (BucketJsonFacet bucket : buckets(found, type.label())) {
      String key = String.valueOf(bucket.getVal());
      long together = bucket.getCount();
      if ((type == selfType && key.equals(selfKey)) || together < minCount) {
        continue;
      }
      Known known = all.known(type, key);
      long background = known == null ? together : known.count();
      related.add(
          new EntityPage.Related(
              all.name(type, key),
              together,
              Significance.score(together, foreground, background, all.articles())));
    }
    return EntityLists.topRelated(related);
  }

  private static List<EntityPage.AuthorCount> authors(
      Directory all, NestableJsonFacet found, EntityType selfType, String selfKey) {
    List<EntityPage.AuthorCount> authors = new ArrayList<>();
    for (BucketJsonFacet bucket : buckets(found, EntityType.AUTHOR.label())) {
      String key = String.valueOf(bucket.getVal());
      if (selfType == EntityType.AUTHOR && key.equals(selfKey)) {
        continue;
      }
      authors.add(new EntityPage.AuthorCount(all.name(EntityType.AUTHOR, key), bucket.getCount()));
    }
    return EntityLists.topAuthors(authors);
  }

  /** The whole archive's names, asked again when the collection changed. */
  private Directory directory() throws IOException {
    IndexVersion version = versions.version();
    Directory known = directory;
    if (known != null && known.version().equals(version)) {
      return known;
    }
    Directory fresh = readDirectory(version);
    directory = fresh;
    return fresh;
  }

  /**
   * One request: per type, every folded name with its articles and first and last date, and every
   * spelling with its articles (the most used one is shown).
   */
  private Directory readDirectory(IndexVersion version) throws IOException {
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("last", "max(" + ArticleSchema.PUBLISHED + ")");
    for (EntityType type : EntityType.values()) {
      Map<String, Object> keys = terms(keyField(type), 1);
      keys.put(
          "facet",
          Map.of(
              "first", "min(" + ArticleSchema.PUBLISHED + ")",
              "last", "max(" + ArticleSchema.PUBLISHED + ")"));
      facets.put(type.label() + "_keys", keys);
      facets.put(type.label() + "_names", terms(displayField(type), 1));
    }
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.set("json.facet", json(facets));
    QueryResponse response = reads.query(query);
    NestableJsonFacet found = response.getJsonFacetingResponse();
    Map<EntityType, Map<String, Known>> byKey = new EnumMap<>(EntityType.class);
    Map<EntityType, Map<EntityListRequest.Sort, List<EntityLists.Listed>>> orders =
        new EnumMap<>(EntityType.class);
    List<NameLexicon.Known> lexicon = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      Map<String, Map<String, Long>> spellingsOfKey = new HashMap<>();
      for (BucketJsonFacet bucket : buckets(found, type.label() + "_names")) {
        String label = String.valueOf(bucket.getVal());
        spellingsOfKey
            .computeIfAbsent(NameKeys.key(label), k -> new LinkedHashMap<>())
            .put(label, bucket.getCount());
      }
      Map<String, Known> names = new HashMap<>();
      List<EntityLists.Listed> listed = new ArrayList<>();
      for (BucketJsonFacet bucket : buckets(found, type.label() + "_keys")) {
        String key = String.valueOf(bucket.getVal());
        List<String> spellings =
            EntityLists.spellings(spellingsOfKey.getOrDefault(key, Map.of(key, 0L)));
        Number first = (Number) bucket.getStatValue("first");
        Number last = (Number) bucket.getStatValue("last");
        Known known =
            new Known(
                key,
                spellings.get(0),
                spellings.size() < 2 ? List.of() : spellings,
                bucket.getCount(),
                first == null ? Long.MAX_VALUE : first.longValue(),
                last == null ? Long.MIN_VALUE : last.longValue());
        names.put(key, known);
        lexicon.add(
            new NameLexicon.Known(
                type.label(),
                known.name(),
                NameLexicon.words(known.name()),
                known.count(),
                known.last()));
        listed.add(
            new EntityLists.Listed(key, known.name(), known.count(), known.first(), known.last()));
      }
      byKey.put(type, names);
      Map<EntityListRequest.Sort, List<EntityLists.Listed>> byOrder =
          new EnumMap<>(EntityListRequest.Sort.class);
      for (EntityListRequest.Sort sort : EntityListRequest.Sort.values()) {
        byOrder.put(sort, listed.stream().sorted(EntityLists.order(sort)).toList());
      }
      orders.put(type, byOrder);
    }
    Number last = (Number) (found == null ? null : found.getStatValue("last"));
    return new Directory(
        version,
        response.getResults().getNumFound(),
        last == null ? Long.MIN_VALUE : last.longValue(),
        byKey,
        orders,
        new NameLexicon(lexicon));
  }

  /** Every value of a field with at least {@code minCount} articles (exact across shards). */
  private static Map<String, Object> terms(String field, int minCount) {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("type", "terms");
    terms.put("field", field);
    terms.put("limit", -1);
    terms.put("mincount", minCount);
    return terms;
  }

  private static List<BucketJsonFacet> buckets(NestableJsonFacet facet, String name) {
    if (facet == null) {
      return List.of();
    }
    BucketBasedJsonFacet buckets = facet.getBucketBasedFacets(name);
    return buckets == null ? List.of() : buckets.getBuckets();
  }

  private static long queryCount(NestableJsonFacet facet, String name) {
    NestableJsonFacet query = facet == null ? null : facet.getQueryFacet(name);
    return query == null ? 0 : query.getCount();
  }

  private static String json(Map<String, Object> facets) {
    try {
      return JSON.writeValueAsString(facets);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String range(String from, String to) {
    return ArticleSchema.PUBLISHED + ":[" + from + " TO " + to + "]";
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static String keyField(EntityType type) {
    return switch (type) {
      case PERSON -> ArticleSchema.PERSON_KEY;
      case BRAND -> ArticleSchema.BRAND_KEY;
      case AUTHOR -> ArticleSchema.AUTHOR_KEY;
    };
  }

  private static String displayField(EntityType type) {
    return switch (type) {
      case PERSON -> ArticleSchema.PERSON;
      case BRAND -> ArticleSchema.BRAND;
      case AUTHOR -> ArticleSchema.AUTHOR;
    };
  }

  private static String aboutField(EntityType type) {
    return type == EntityType.BRAND
        ? ArticleSchema.ABOUT_BRAND_KEY
        : ArticleSchema.ABOUT_PERSON_KEY;
  }

  private static String rankField(EntityType type) {
    return type == EntityType.BRAND
        ? ArticleSchema.BRAND_SALIENCE_RANK
        : ArticleSchema.PERSON_SALIENCE_RANK;
  }
}
