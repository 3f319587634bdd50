package dev.carnews.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.cli.IndexerCli;
import dev.carnews.curation.Curation;
import dev.carnews.embed.EmbeddingTagger;
import dev.carnews.embed.EmbeddingText;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.http.ApiKeys;
import dev.carnews.http.AppOptions;
import dev.carnews.http.SearchApp;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.WriteResult;
import dev.carnews.search.CachingNewsArchive;
import dev.carnews.search.Fixtures;
import dev.carnews.search.Ranking;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.search.views.StoryViews;
import dev.carnews.server.SolrCloudReindex;
import dev.carnews.solrcloud.SolrArticleStore;
import dev.carnews.solrcloud.SolrBackups;
import dev.carnews.solrcloud.SolrCurations;
import dev.carnews.solrcloud.SolrRestory;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.solrcloud.SolrStories;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * One HTTP contract, two backends: the same assertions against the service over the local Lucene
 * index and over a real SolrCloud ({@link SolrDevProcess}: ZooKeeper and two Solr nodes in a JVM of
 * their own, a 2 shards × 2 replicas collection of the repo's configset), both holding the search
 * fixture. Where Solr differs by design (relevance scores and so the order of a relevance page,
 * computed per shard) the tests compare what readers rely on: the same hits, counts and escaping.
 * Then the faults: the service started before its cluster waits and says so on {@code /health}; one
 * node stopped while clients search and write loses no search and no acknowledged write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudIT {

  // Another base port (-Dcarnews.solr.it.port=…) lets two checkouts run this suite side by side.
  private static final int SOLR_PORT = Integer.getInteger("carnews.solr.it.port", 8940);
  private static final String COLLECTION = "news";
  private static final String KEY = "solrcloud-it-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static SolrDevProcess cluster;
  private static CloudConnection connection;
  private static SearchApp local;
  private static SearchApp solr;
  private static int healthBeforeCluster;
  private static JsonNode healthBodyBeforeCluster;
  private static int searchBeforeCluster;
  private static JsonNode healthAfterCluster;
  private static OnnxTextEmbedder embedder;
  private static GroupCommitter localCommits;
  private static SolrCurationStore solrCurations;

  /** The cluster's backup repository (the app itself is given no backups: it answers 403). */
  @TempDir static Path backupDir;

  /** Every operation of openapi.json each backend answered in this suite ("GET /api/search"). */
  private static final Map<String, Set<String>> RAN =
      Map.of("local", ConcurrentHashMap.newKeySet(), "solrcloud", ConcurrentHashMap.newKeySet());

  @BeforeAll
  static void startBothBackends() throws Exception {
    // The service starts first, pointed at a cluster that is not there yet.
    connection = new CloudConnection(List.of("http://127.0.0.1:" + SOLR_PORT + "/solr"));
    // Both backends hold the fixture with the real model's vectors, as the service indexes it.
    embedder = OnnxTextEmbedder.load();
    SolrNewsArchive archive =
        new SolrNewsArchive(connection, COLLECTION, Ranking.defaults())
            .searchingByMeaning(() -> embedder);
    // As SolrCloudBackend wires it: a rewritten article read back without its vector (an older
    // configset) gets it from the same model; this suite's collection stores it.
    solrCurations =
        new SolrCurationStore(connection, COLLECTION, SolrCloudIT::withVector, archive::changed);
    archive.followingCuration(solrCurations::version);
    ArticleWriter writer =
        new ArticleWriter(
            new CloudArticleStore(connection, COLLECTION, archive::changed, solrCurations),
            () -> new EmbeddingTagger(new TagsEntityTagger(), embedder));
    // As main serves it: behind the answer cache, which a write through the service empties.
    solr =
        SearchApp.create(
                CachingNewsArchive.of(archive, CachingNewsArchive.DEFAULT_ENTRIES),
                AppOptions.defaults()
                    .withWrites(writer, ApiKeys.fromCommaSeparated(KEY))
                    .withCuration(solrCurations)
                    .withReindex(
                        new SolrCloudReindex(
                            connection,
                            COLLECTION,
                            TagsEntityTagger::new,
                            1,
                            Duration.ofSeconds(1),
                            archive::changed)))
            .start("localhost", 0);
    HttpResponse<String> health = get(solr, "/health");
    healthBeforeCluster = health.statusCode();
    healthBodyBeforeCluster = JSON.readTree(health.body());
    searchBeforeCluster = get(solr, "/api/search?q=renault").statusCode();

    cluster = SolrDevProcess.start(2, SOLR_PORT, COLLECTION, backupDir);
    healthAfterCluster = awaitHealthy(solr, Duration.ofMinutes(2));

    SolrArticleStore store =
        new SolrArticleStore(
            connection.client(), COLLECTION, 100, new SolrRetries(Duration.ofMinutes(1)));
    EmbeddingTagger tagger = new EmbeddingTagger(new TagsEntityTagger(), embedder);
    ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory());
    for (var article : Fixtures.ARTICLES) {
      store.write(tagger.tag(article), IGNORE);
      index.write(tagger.tag(article));
    }
    store.commit();
    index.commit();
    localCommits = new GroupCommitter(index, Duration.ZERO);
    local =
        SearchApp.create(
                new LuceneNewsArchive(index).searchingByMeaning(() -> embedder),
                AppOptions.defaults()
                    .withWrites(
                        new ArticleWriter(
                            index,
                            localCommits,
                            () -> new EmbeddingTagger(new TagsEntityTagger(), embedder)),
                        ApiKeys.fromCommaSeparated(KEY))
                    .withCuration(CurationStore.of(index)))
            .start("localhost", 0);
  }

  /** Rewritten articles the service had to embed again (their vector was not read back). */
  private static final AtomicInteger EMBEDDED_AGAIN = new AtomicInteger();

  private static TaggedArticle withVector(TaggedArticle article) {
    if (article.hasVector()) {
      return article;
    }
    EMBEDDED_AGAIN.incrementAndGet();
    return article.withVector(embedder.passage(EmbeddingText.of(article.article())));
  }

  private static String stripTook(String json) {
    return json.replaceAll("\"tookMs\":\\d+", "");
  }

  @AfterAll
  static void stop() throws Exception {
    if (local != null) {
      local.stop();
    }
    if (solr != null) {
      solr.stop();
    }
    if (localCommits != null) {
      localCommits.close();
    }
    if (solrCurations != null) {
      solrCurations.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static Stream<String> backends() {
    return Stream.of("local", "solrcloud");
  }

  private static SearchApp app(String backend) {
    return backend.equals("local") ? local : solr;
  }

  @Test
  @Order(1)
  void serviceStartedBeforeItsClusterWaitsAndSaysSoOnHealth() {
    assertEquals(503, healthBeforeCluster);
    assertEquals("starting", healthBodyBeforeCluster.get("status").asText());
    assertEquals("solrcloud", healthBodyBeforeCluster.get("backend").asText());
    assertEquals(503, searchBeforeCluster, "a search before the cluster is 503, not 500");
    assertEquals("solrcloud", healthAfterCluster.get("backend").asText());
    assertTrue(healthAfterCluster.get("detail").asText().contains("4 of 4 replicas active"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(2)
  void filtersFoldCaseAndAccentsAndFacetsCountMultiSelect(String backend) throws Exception {
    JsonNode renault = search(backend, "brand=RENAULT");
    assertEquals(Set.of("a1", "a2", "a6"), ids(renault));
    // Multi-select: the brand facet still counts the other brands, ignoring its own filter.
    assertEquals(3, count(renault, "brand", "Renault"));
    assertEquals(2, count(renault, "brand", "Nissan"));
    assertEquals(2, count(renault, "person", "Élodie Marchand"));
    JsonNode both = search(backend, "brand=renault&brand=nissan");
    assertEquals(Set.of("a1", "a2", "a6", "a7"), ids(both));
    assertEquals(Set.of("a1", "a2"), ids(search(backend, "person=ELODIE+marchand")));
    assertEquals(Set.of("a2"), ids(search(backend, "person=elodie+marchand&brand=nissan")));
    assertEquals(Set.of("a1", "a3", "a7"), ids(search(backend, "author=jane+doe")));
    assertEquals(Set.of("a1", "a2", "a6"), ids(search(backend, "about=brand:renault")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(3)
  void monthFacetsAddUpToTheTotalWithinADateRange(String backend) throws Exception {
    JsonNode year = search(backend, "from=2025-01-01&to=2025-12-31");
    assertEquals(Set.of("a1", "a2", "a3", "a5", "a7"), ids(year));
    long months = 0;
    for (JsonNode month : year.get("facets").get("date")) {
      months += month.get("count").asLong();
    }
    assertEquals(year.get("total").asLong(), months);
    assertEquals(2, count(year, "date", "2025-07"));
    assertEquals(Set.of("a1", "a2"), ids(search(backend, "from=2025-07-01&to=2025-07-20")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(4)
  void newestFirstWithUnknownDatesLastAndCursorPagesMatchPages(String backend) throws Exception {
    JsonNode newest = search(backend, "sort=newest&size=10");
    List<String> order = new ArrayList<>();
    newest.get("hits").forEach(hit -> order.add(hit.get("id").asText()));
    assertEquals(List.of("a7", "a3", "a2", "a1", "a5", "a4", "a6"), order);
    JsonNode first = search(backend, "sort=newest&size=2");
    String next = first.get("next").asText();
    JsonNode after = search(backend, "sort=newest&size=2&after=" + next);
    JsonNode second = search(backend, "sort=newest&size=2&page=2");
    assertEquals(second.get("hits"), after.get("hits"));
    // A page=N page gives next too, and it leads to page N+1.
    JsonNode third = search(backend, "sort=newest&size=2&page=3");
    JsonNode afterSecond =
        search(backend, "sort=newest&size=2&after=" + second.get("next").asText());
    assertEquals(third.get("hits"), afterSecond.get("hits"));
    assertEquals(List.of("a5", "a4"), hitIds(third.get("hits")));
    assertEquals(400, get(app(backend), "/api/search?after=bm9wZQ").statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(5)
  void wordsFindTheSameArticlesWithEscapedMarkedSnippets(String backend) throws Exception {
    // Relevance order depends on per-shard statistics in Solr, by design: compare the hits as a
    // set.
    assertEquals(Set.of("a1", "a2", "a5", "a6", "a7"), ids(search(backend, "q=electric")));
    JsonNode hostile = search(backend, "q=showrooms");
    assertEquals(Set.of("a5"), ids(hostile));
    JsonNode hit = hostile.get("hits").get(0);
    assertEquals("<img src=x onerror=alert(1)>", hit.get("title").asText());
    assertEquals("&lt;img src=x onerror=alert(1)&gt;", hit.get("titleHtml").asText());
    String snippet = hit.get("snippet").asText();
    assertTrue(snippet.contains("<mark>showrooms</mark>"), snippet);
    assertTrue(snippet.contains("&lt;script&gt;"), snippet);
    assertFalse(snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), snippet);
    assertEquals(Set.of("a2"), ids(search(backend, "q=" + enc("\"electric platform\""))));
    assertEquals(Set.of("a3"), ids(search(backend, "q=hybrid+-nissan")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(6)
  void articleRelatedSuggestAndErrorsAnswerAlike(String backend) throws Exception {
    SearchApp app = app(backend);
    JsonNode article = JSON.readTree(get(app, "/api/articles/a2").body());
    assertEquals("Nissan and Renault share an electric platform", article.get("title").asText());
    assertEquals(Set.of("Nissan", "Renault"), strings(article.get("brands")));
    assertEquals(Set.of("Élodie Marchand", "Kenji Sato"), strings(article.get("persons")));
    assertEquals(404, get(app, "/api/articles/nope").statusCode());
    JsonNode related = JSON.readTree(get(app, "/api/articles/a2/related").body());
    Set<String> relatedIds = new HashSet<>();
    related.get("hits").forEach(h -> relatedIds.add(h.get("id").asText()));
    assertFalse(relatedIds.contains("a2"));
    assertTrue(relatedIds.contains("a7") && relatedIds.contains("a1"), relatedIds.toString());
    JsonNode suggest = JSON.readTree(get(app, "/api/suggest?q=ren").body());
    assertEquals("Renault", suggest.get("suggestions").get(0).get("text").asText());
    assertEquals("brand", suggest.get("suggestions").get(0).get("type").asText());
    assertEquals(400, get(app, "/api/search?size=0").statusCode());
    assertEquals(400, get(app, "/api/suggest?q=").statusCode());
  }

  /**
   * Entity views counted by Solr's JSON facets answer exactly as the local index does: every field
   * of the JSON the same, counts exactly, significance scores within {@link #SCORE_TOLERANCE} (both
   * backends score the same counts with the same formula, so in practice they are equal).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/entities/brand/renault",
        "/api/entities/brand/RENAULT?q=electric",
        "/api/entities/brand/nissan?from=2025-08-01",
        "/api/entities/person/" + "%C3%A9lodie%20marchand",
        "/api/entities/person/Kenji%20Sato?size=1",
        "/api/entities/author/jane%20doe",
        "/api/entities/brand/nobody",
        "/api/entities?type=brand",
        "/api/entities?type=person&sort=name",
        "/api/entities?type=author&sort=recent",
        "/api/entities?type=person&q=sat",
        "/api/entities?type=brand&size=2&page=2",
        "/api/trending",
        "/api/trending?from=2025-07-01&to=2025-08-31&min=1",
        "/api/trending?type=brand&from=2025-08-01&to=2025-08-31&min=1",
        "/api/trending?from=2025-09-01&to=2025-08-31",
        "/api/suggest?q=k",
        "/api/suggest?q=REN",
        "/api/suggest?q=elo",
        "/api/suggest?q=ma",
      })
  @Order(6)
  void entityViewsAnswerAlikeOnBothBackends(String path) throws Exception {
    HttpResponse<String> onLocal = get(local, path);
    HttpResponse<String> onSolr = get(solr, path);
    assertEquals(onLocal.statusCode(), onSolr.statusCode(), onSolr.body());
    assertAlike(JSON.readTree(onLocal.body()), JSON.readTree(onSolr.body()), path);
  }

  /** The brands and people a query names are read alike: full names, surnames, spellings. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "q=renault+battery",
        "q=sato",
        "q=elodie+marchand+platform",
        "q=nissan+renault&mode=hybrid",
        "q=RENAULT&mode=semantic",
        "q=batery+plant",
      })
  @Order(6)
  void interpretationNamesTheSameBrandsAndPeople(String query) throws Exception {
    JsonNode onLocal = search("local", query).get("interpretation");
    JsonNode onSolr = search("solrcloud", query).get("interpretation");
    assertEquals(onLocal.get("brands"), onSolr.get("brands"), query);
    assertEquals(onLocal.get("persons"), onSolr.get("persons"), query);
    assertEquals(onLocal.get("mode"), onSolr.get("mode"), query);
    if (!query.contains("batery")) {
      assertTrue(onSolr.get("brands").size() + onSolr.get("persons").size() > 0, onSolr::toString);
      assertTrue(onSolr.get("description").asText().contains("Read as: "), onSolr::toString);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "q=electric&significant=person,brand",
        "brand=nissan&significant=person",
        "from=2025-07-01&to=2025-08-31&significant=brand",
      })
  @Order(6)
  void significantEntitiesOfASearchAnswerAlike(String query) throws Exception {
    JsonNode onLocal = search("local", query);
    JsonNode onSolr = search("solrcloud", query);
    assertAlike(onLocal.get("significant"), onSolr.get("significant"), query);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(6)
  void entityPagesDirectoryAndTrendingCountTheFixture(String backend) throws Exception {
    SearchApp app = app(backend);
    JsonNode renault = JSON.readTree(get(app, "/api/entities/brand/r%C3%A9nault").body());
    assertEquals("Renault", renault.get("name").asText());
    assertEquals(3, renault.get("count").asLong());
    assertEquals("2025-07-20T23:30:00Z", renault.get("lastSeen").asText());
    assertEquals(List.of("a2", "a1", "a6"), hitIds(renault.get("latest")));
    assertEquals("Nissan", renault.get("associated").get("brands").get(0).get("name").asText());
    JsonNode months = renault.get("timeline");
    assertEquals("2025-07", months.get(0).get("month").asText());
    assertEquals(2, months.get(0).get("count").asLong());
    JsonNode people = JSON.readTree(get(app, "/api/entities?type=person&sort=count").body());
    assertEquals(5, people.get("total").asLong());
    assertEquals(2, people.get("entities").get(0).get("count").asLong());
    assertEquals(200, get(app, "/api/entities/brand/renault.atom").statusCode());
    JsonNode trending = JSON.readTree(get(app, "/api/trending?from=2025-08-01&min=1").body());
    assertEquals("2025-08-15", trending.get("to").asText());
    assertEquals(2, trending.get("articles").asLong());
    assertEquals(404, get(app, "/api/entities/person/nobody").statusCode());
  }

  static Stream<Arguments> backendsAndModes() {
    return backends()
        .flatMap(b -> Stream.of(Arguments.of(b, "semantic"), Arguments.of(b, "hybrid")));
  }

  /**
   * Search by meaning on both backends: the nearest articles are taken within the filters (never
   * filtered afterwards), totals and facets count the union, the interpretation says how the answer
   * was made, pages by {@code next} and by {@code page} agree and never repeat a hit.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("backendsAndModes")
  @Order(6)
  void searchByMeaningFiltersFirstCountsTheUnionAndPages(String backend, String mode)
      throws Exception {
    String sentence = enc("which carmaker is building a new factory for batteries");
    JsonNode answer = search(backend, "mode=" + mode + "&q=" + sentence + "&size=10");
    assertEquals(mode, answer.get("interpretation").get("mode").asText());
    // Fewer articles than the neighbours taken: every article is in the answer, the plant first.
    assertEquals(Fixtures.ARTICLES.size(), answer.get("total").asInt());
    assertEquals("a1", answer.get("hits").get(0).get("id").asText(), answer.toString());
    assertEquals(Fixtures.ARTICLES.size(), ids(answer).size());
    assertEquals(3, count(answer, "brand", "Renault"));

    // Filters apply before the neighbours are taken: only Nissan's articles, all of them.
    JsonNode nissan = search(backend, "mode=" + mode + "&q=" + sentence + "&brand=nissan");
    assertEquals(Set.of("a2", "a7"), ids(nissan));
    // The brand facet counts the union without its own filter: the nearest articles were taken
    // within it, so they are Nissan's (one of them also Renault's); a hybrid search's words (any
    // word of the sentence) also match another Renault article, counted drill-sideways.
    assertEquals(mode.equals("hybrid") ? 2 : 1, count(nissan, "brand", "Renault"));
    assertEquals(2, count(nissan, "brand", "Nissan"));
    JsonNode dated =
        search(backend, "mode=" + mode + "&q=" + sentence + "&from=2025-07-01&to=2025-07-31");
    assertEquals(Set.of("a1", "a2"), ids(dated));

    // Pages: the next chain and page=N give the same hits, and no hit twice.
    List<String> chained = new ArrayList<>();
    String query = "mode=" + mode + "&q=" + sentence + "&size=3";
    JsonNode page = search(backend, query);
    for (int n = 2; ; n++) {
      chained.addAll(hitIds(page.get("hits")));
      if (page.get("next") == null || page.get("next").isNull()) {
        break;
      }
      JsonNode after = search(backend, query + "&after=" + page.get("next").asText());
      assertEquals(search(backend, query + "&page=" + n).get("hits"), after.get("hits"));
      page = after;
    }
    assertEquals(Fixtures.ARTICLES.size(), chained.size(), chained.toString());
    assertEquals(Fixtures.ARTICLES.size(), new HashSet<>(chained).size(), chained.toString());

    // Dated orders list the union by date.
    JsonNode newest = search(backend, "mode=" + mode + "&q=" + sentence + "&sort=newest");
    assertEquals(List.of("a7", "a3", "a2", "a1", "a5", "a4", "a6"), hitIds(newest.get("hits")));
  }

  /** Hybrid marks the query's words in the snippets of the hits that hold them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(6)
  void hybridMarksTheWordsWherePresent(String backend) throws Exception {
    JsonNode answer = search(backend, "mode=hybrid&q=showrooms");
    JsonNode first = answer.get("hits").get(0);
    assertEquals("a5", first.get("id").asText(), "the article with the word ranks first");
    assertTrue(first.get("snippet").asText().contains("<mark>showrooms</mark>"), first.toString());
    assertEquals(Fixtures.ARTICLES.size(), answer.get("total").asInt());
    assertEquals(
        "keyword",
        search(backend, "q=showrooms").get("interpretation").path("mode").asText("keyword"));
  }

  /**
   * Issue 22: a query's words are read by the same rule on both backends, so the same articles
   * match: three words or two that name nothing find any of their words, a word in more than half
   * of the articles only ranks (all such words: 60% of them are needed), and two words that name a
   * brand need both.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // three words, none in one article: any of them
        "q=battery+van+crossover",
        // "the" is in six of the seven articles: it ranks, the other words find
        "q=the+van+prices",
        // every word common ("said" is in five): one of the two
        "q=the+said",
        // two words that name nothing: either
        "q=battery+van",
        // two words, one a brand: both
        "q=renault+battery",
        // hybrid: the words' side of a short query reads any word too
        "q=battery+van+crossover&mode=hybrid&sort=newest",
      })
  @Order(6)
  void theWordsOfAQueryMatchTheSameArticlesOnBothBackends(String query) throws Exception {
    JsonNode onLocal = search("local", query + "&size=100");
    JsonNode onSolr = search("solrcloud", query + "&size=100");
    assertEquals(onLocal.get("total"), onSolr.get("total"), query);
    assertEquals(ids(onLocal), ids(onSolr), query);
    assertEquals(
        onLocal.get("interpretation").get("match"), onSolr.get("interpretation").get("match"));
  }

  /** The readings above, as the fixture's words make them (so the comparison means something). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(6)
  void aLongQueryFindsAnyWordAndANameQueryEveryWord(String backend) throws Exception {
    JsonNode any = search(backend, "q=battery+van+crossover");
    assertEquals(Set.of("a1", "a6", "a7"), ids(any));
    assertEquals("some", any.get("interpretation").get("match").asText());
    assertEquals(Set.of("a6", "a7"), ids(search(backend, "q=the+van+prices")));
    // "the" is a function word: beside another word it neither finds nor ranks.
    assertEquals(Set.of("a1", "a2", "a4", "a6", "a7"), ids(search(backend, "q=the+said")));
    assertEquals(Set.of("a1", "a6"), ids(search(backend, "q=battery+van")));
    JsonNode named = search(backend, "q=renault+battery");
    assertEquals(Set.of("a1"), ids(named));
    assertEquals("all", named.get("interpretation").get("match").asText());
    // Quotes and exclusions still need every word.
    assertEquals(Set.of("a3"), ids(search(backend, "q=hybrid+-nissan")));
    // Two words, one in no article: both are needed, so the spelling correction answers.
    JsonNode misspelt = search(backend, "q=batery+plant");
    assertEquals(Set.of("a1"), ids(misspelt));
    assertEquals("corrected", misspelt.get("interpretation").get("match").asText());
    assertEquals("battery plant", misspelt.get("didYouMean").asText());
  }

  /**
   * Related articles by meaning on both backends: an article that shares no word and no entity with
   * a4 (the brake recall) finds it among its related articles through its vector, and both backends
   * relate the same articles (the fixture is smaller than the candidates of each ranking, so every
   * article is related).
   */
  @Test
  @Order(6)
  void relatedArticlesFindTheNeighboursByMeaningOnBothBackends() throws Exception {
    String body =
        "{\"title\":\"Truckmaker calls back vehicles with faulty stopping parts\","
            + "\"body\":\"Owners are asked to bring their trucks to workshops, where mechanics"
            + " swap the defective components at no cost.\"}";
    Map<String, Set<String>> related = new java.util.HashMap<>();
    try {
      for (String backend : List.of("local", "solrcloud")) {
        HttpResponse<String> written = send(app(backend), "PUT", "/api/articles/m-1", body);
        assertEquals(201, written.statusCode(), written.body());
        JsonNode answer =
            JSON.readTree(get(app(backend), "/api/articles/m-1/related?size=20").body());
        Set<String> ids = new HashSet<>();
        answer.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        related.put(backend, ids);
        assertTrue(ids.contains("a4"), backend + ": " + ids);
        // Not by its words: a search for the article's own words does not find a4.
        assertFalse(
            ids(search(backend, "q=" + enc("truckmaker calls back vehicles with faulty parts")))
                .contains("a4"),
            backend);
      }
      assertEquals(related.get("local"), related.get("solrcloud"));
      Set<String> fixture = new HashSet<>();
      Fixtures.ARTICLES.forEach(article -> fixture.add(article.id()));
      assertEquals(fixture, related.get("solrcloud"));
    } finally {
      for (String backend : List.of("local", "solrcloud")) {
        send(app(backend), "DELETE", "/api/articles/m-1", "");
      }
    }
  }

  /** How far a score may differ between the backends. */
  private static final double SCORE_TOLERANCE = 1e-6;

  private static void assertAlike(JsonNode expected, JsonNode actual, String where) {
    if (expected.isObject()) {
      assertTrue(actual.isObject(), where);
      assertEquals(fieldNames(expected), fieldNames(actual), where + ": fields of " + expected);
      expected
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!name.equals("tookMs") && !name.equals("requestId")) {
                  assertAlike(expected.get(name), actual.get(name), where + "." + name);
                }
              });
    } else if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), where + ": " + expected + " vs " + actual);
      for (int i = 0; i < expected.size(); i++) {
        assertAlike(expected.get(i), actual.get(i), where + "[" + i + "]");
      }
    } else if (expected.isFloatingPointNumber() || actual.isFloatingPointNumber()) {
      assertEquals(expected.asDouble(), actual.asDouble(), SCORE_TOLERANCE, where);
    } else {
      assertEquals(expected, actual, where);
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> hitIds(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  @Test
  @Order(7)
  void writesAreSearchableWhenAcknowledgedAndDeletesToo() throws Exception {
    String body =
        "{\"title\":\"Kia opens a test track\",\"body\":\"The track is near the coast.\","
            + "\"authors\":[\"Ann Example\"],\"tags\":[\"brand:Kia\"]}";
    assertEquals(201, put("w-1", body).statusCode());
    assertEquals(Set.of("w-1"), ids(search("solrcloud", "q=track")));
    assertEquals(200, put("w-1", body).statusCode(), "a second put replaces");
    assertEquals(200, send(solr, "DELETE", "/api/articles/w-1", "").statusCode());
    assertEquals(Set.of(), ids(search("solrcloud", "q=track")));
    assertEquals(404, send(solr, "DELETE", "/api/articles/w-1", "").statusCode());
  }

  /**
   * One node stopped while clients read searches, entity pages, trending and searches collapsed by
   * story, and a writer adds versions of one story: no read fails, and after the node returns every
   * acknowledged write is there, in that one story.
   */
  @Test
  @Order(8)
  void aNodeLostWhileClientsSearchAndWriteLosesNoSearchAndNoAcknowledgedWrite() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger searches = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    Thread searcher =
        new Thread(
            () -> {
              for (int i = 0; running.get(); i++) {
                try {
                  switch (i % 4) {
                    case 0 -> {
                      HttpResponse<String> answer = get(solr, "/api/search?brand=renault");
                      if (answer.statusCode() != 200
                          || JSON.readTree(answer.body()).get("total").asInt() != 3) {
                        failures.add(answer.statusCode() + " " + answer.body());
                      }
                    }
                    case 1 -> {
                      HttpResponse<String> page = get(solr, "/api/entities/brand/renault");
                      if (page.statusCode() != 200
                          || JSON.readTree(page.body()).get("count").asInt() != 3) {
                        failures.add(page.statusCode() + " " + page.body());
                      }
                    }
                    case 2 -> {
                      HttpResponse<String> trending = get(solr, "/api/trending?min=1");
                      if (trending.statusCode() != 200) {
                        failures.add(trending.statusCode() + " " + trending.body());
                      }
                    }
                    default -> {
                      HttpResponse<String> collapsed =
                          get(solr, "/api/search?q=electric&collapse=story&size=20");
                      if (collapsed.statusCode() != 200) {
                        failures.add(collapsed.statusCode() + " " + collapsed.body());
                      } else {
                        List<String> hits = hitIds(JSON.readTree(collapsed.body()).get("hits"));
                        if (hits.size() != new HashSet<>(hits).size()) {
                          failures.add("an article twice: " + hits);
                        }
                      }
                    }
                  }
                  searches.incrementAndGet();
                } catch (Exception e) {
                  failures.add(e.toString());
                }
              }
            });
    // Copies of one report (same headline, text and time): every version joins one story.
    String version =
        "{\"title\":\"Kia recalls vans over a door latch\",\"body\":\"Kia said on Monday it"
            + " will recall vans built last spring because a door latch may open while driving."
            + " Owners will be told by letter and dealers will replace the latch free of"
            + " charge.\",\"published\":\"2025-09-01T08:00:00Z\",\"tags\":[\"brand:Kia\"]}";
    Thread writer =
        new Thread(
            () -> {
              // Fewer versions than a story lists (StoryViews.MAX_VERSIONS), however fast the
              // machine writes, so the story's list can be checked for every acknowledged one.
              for (int i = 0; running.get() && i < StoryViews.MAX_VERSIONS - 50; i++) {
                String id = "loss-" + i;
                try {
                  if (put(id, version).statusCode() / 100 == 2) {
                    acknowledged.add(id);
                  }
                } catch (Exception e) {
                  // Not acknowledged: the client would retry; nothing to check for it.
                }
              }
            });
    searcher.start();
    writer.start();
    Thread.sleep(1500);
    assertEquals("stopped 1", cluster.command("stop 1"));
    Thread.sleep(4000);
    assertEquals("started 1", cluster.command("start 1"));
    awaitHealthy(solr, Duration.ofMinutes(2));
    running.set(false);
    searcher.join();
    writer.join();
    assertTrue(failures.isEmpty(), failures.size() + " failed reads: " + failures.peek());
    assertTrue(searches.get() > 8, "reads ran: " + searches.get());
    assertFalse(acknowledged.isEmpty(), "some writes were acknowledged");
    Set<String> stories = new HashSet<>();
    for (String id : acknowledged) {
      HttpResponse<String> article = get(solr, "/api/articles/" + id);
      assertEquals(200, article.statusCode(), id);
      stories.add(JSON.readTree(article.body()).get("story").get("id").asText());
    }
    assertEquals(1, stories.size(), "the versions are one story: " + stories);
    // A replica that rejoined may still be opening its newest searcher when the cluster reports
    // it active: the story's list is read from any replica, so it converges (here within a
    // minute) rather than at the first read; an acknowledged version missing for good fails.
    String storyId = stories.iterator().next();
    Set<String> versions = storyVersions(storyId);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!versions.containsAll(acknowledged) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      versions = storyVersions(storyId);
    }
    assertTrue(versions.containsAll(acknowledged), versions + " holds " + acknowledged);
  }

  private static Set<String> storyVersions(String storyId) throws Exception {
    JsonNode story = JSON.readTree(get(solr, "/api/stories/" + storyId).body());
    Set<String> versions = new HashSet<>();
    story.get("versions").forEach(v -> versions.add(v.get("id").asText()));
    return versions;
  }

  @Test
  @Order(9)
  void indexerCreatesACollectionAndFillsItWithTaggedArticles(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("articles.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"cli-1\",\"title\":\"Renault shows a new Clio\",\"body\":\"Renault showed"
            + " the new Clio in Paris on Monday.\",\"published\":\"2025-05-01T00:00:00Z\"}\n"
            + "{\"id\":\"cli-2\",\"title\":\"Toyota recalls hybrids\",\"body\":\"Toyota will"
            + " recall hybrids over a software fault.\"}\n"
            + "{not json\n",
        StandardCharsets.UTF_8);
    String urls = String.join(",", cluster.urls);
    StringWriter out = new StringWriter();
    CommandLine cli = IndexerCli.commandLine().setOut(new PrintWriter(out));
    assertEquals(
        0,
        cli.execute(
            "collection-create",
            "--solr",
            urls,
            "--collection",
            "cli",
            "--shards",
            "1",
            "--replicas",
            "2"),
        out.toString());
    assertEquals(
        0,
        cli.execute("index", "--solr", urls, "--collection", "cli", "-q", input.toString()),
        out.toString());
    assertTrue(out.toString().contains("Indexed 2 new and 0 updated articles"), out.toString());
    assertTrue(out.toString().contains("skipped 1"), out.toString());
    assertTrue(
        out.toString().contains("Merged collection cli into at most 1 segment per shard"),
        "a first load is merged: " + out);
    SolrNewsArchive archive = new SolrNewsArchive(connection, "cli", Ranking.defaults());
    assertEquals(2, archive.count());
    assertEquals(
        List.of("Renault"),
        archive.article("cli-1").orElseThrow().brands(),
        "tagged by the indexer's pipeline");
  }

  /**
   * A restory writes every article again from its stored fields: each keeps its vector, so search
   * by meaning finds every article afterwards as before.
   */
  @Test
  @Order(10)
  void aRestoryKeepsEveryArticlesVector() throws Exception {
    assertEquals(articles(), articlesWithVectors(), "before the restory");
    SolrRestory.run(connection.client(), COLLECTION, 100, new SolrRetries(Duration.ofMinutes(1)));
    assertEquals(articles(), articlesWithVectors(), "after the restory");
    JsonNode answer =
        search("solrcloud", "mode=semantic&q=" + enc("a carmaker opens a battery factory"));
    assertEquals("semantic", answer.get("interpretation").get("mode").asText());
    assertTrue(hitIds(answer.get("hits")).contains("a1"), answer.toString());
  }

  private static long articles() throws Exception {
    SolrQuery all = new SolrQuery("*:*");
    all.setRows(0);
    return connection.client().query(COLLECTION, all).getResults().getNumFound();
  }

  /** The articles with a vector: the nearest of any vector, as many as there could be. */
  private static long articlesWithVectors() throws Exception {
    float[] meaning = embedder.query("cars");
    StringBuilder vector = new StringBuilder("[");
    for (int i = 0; i < meaning.length; i++) {
      vector.append(i == 0 ? "" : ",").append(meaning[i]);
    }
    SolrQuery near = new SolrQuery("{!knn f=vector topK=10000}" + vector.append(']'));
    near.setRows(0);
    return connection
        .client()
        .query(COLLECTION, near, SolrRequest.METHOD.POST)
        .getResults()
        .getNumFound();
  }

  private static final ArticleStore.Outcome IGNORE =
      new ArticleStore.Outcome() {
        @Override
        public void written(WriteResult result) {}

        @Override
        public void rejected(String id, String reason) {
          throw new IllegalStateException(id + ": " + reason);
        }
      };

  private static JsonNode awaitHealthy(SearchApp app, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> health = get(app, "/health");
    while (System.nanoTime() < end) {
      health = get(app, "/health");
      JsonNode body = JSON.readTree(health.body());
      if (health.statusCode() == 200 && body.get("detail").asText().contains("4 of 4")) {
        return body;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not healthy: " + health.body());
  }

  /** Notes the operation of openapi.json that a request asks for, on its backend. */
  private static void ran(SearchApp app, String method, String path) {
    String backend = app == local ? "local" : app == solr ? "solrcloud" : null;
    if (backend == null) {
      return;
    }
    String bare = path.split("\\?", 2)[0];
    // The most specific template that matches: /x/{name}.atom before /x/{name}.
    OPERATIONS.stream()
        .filter(op -> op.method().equals(method) && op.pattern().matcher(bare).matches())
        .max(Comparator.comparingInt(op -> op.template().replaceAll("\\{[^}]+}", "").length()))
        .ifPresent(op -> RAN.get(backend).add(op.name()));
  }

  /** One operation of the API's description. */
  private record Operation(String method, String template, Pattern pattern) {
    String name() {
      return method + " " + template;
    }
  }

  private static final List<Operation> OPERATIONS = operations();

  private static List<Operation> operations() {
    try (var in = SolrCloudIT.class.getResourceAsStream("/openapi.json")) {
      JsonNode paths = JSON.readTree(in).get("paths");
      List<Operation> operations = new ArrayList<>();
      paths
          .fields()
          .forEachRemaining(
              path -> {
                String regex =
                    Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                            operations.add(
                                new Operation(
                                    method.toUpperCase(java.util.Locale.ROOT),
                                    path.getKey(),
                                    Pattern.compile(regex)));
                          }
                        });
              });
      return List.copyOf(operations);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The operations no other test of the suite asks, on both backends: the analyzer preview, the
   * service's own documents, the feeds, the readers' entity page and the keyed writes (a batch, a
   * replace, a delete) — each answering as on the other backend.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(7)
  void everyOtherOperationAnswersOnBothBackends(String backend) throws Exception {
    SearchApp app = app(backend);
    HttpResponse<String> analyzed =
        send(
            app,
            "POST",
            "/api/analyze",
            "{\"title\":\"Renault names a new head of design\",\"text\":\"Renault said the"
                + " change starts in May.\"}");
    assertEquals(200, analyzed.statusCode(), analyzed.body());
    assertTrue(analyzed.body().contains("Renault"), analyzed.body());
    assertEquals(200, get(app, "/health").statusCode());
    assertEquals(200, get(app, "/openapi.json").statusCode());
    HttpResponse<String> metrics = get(app, "/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("http_server_requests"), metrics.body());
    HttpResponse<String> atom = get(app, "/api/search.atom?q=electric&brand=renault");
    assertEquals(200, atom.statusCode());
    assertTrue(atom.body().contains("Renault opens battery plant in Douai"), atom.body());
    HttpResponse<String> feed = get(app, "/api/search.json-feed?brand=nissan");
    assertEquals(200, feed.statusCode());
    assertEquals(2, JSON.readTree(feed.body()).get("items").size());
    // A story of the fixture answers alike on both backends (the stories suite is SolrStoriesIT).
    HttpResponse<String> story = get(app, "/api/stories/a1");
    HttpResponse<String> otherStory =
        get(backend.equals("local") ? solr : local, "/api/stories/a1");
    assertEquals(200, story.statusCode(), story.body());
    assertAlike(JSON.readTree(otherStory.body()), JSON.readTree(story.body()), "/api/stories/a1");
    // Backups are an operator's choice (--backup-dir); without one both answer with a JSON 403.
    for (String method : List.of("GET", "POST")) {
      HttpResponse<String> backups = send(app, method, "/api/admin/backups", "");
      assertEquals(403, backups.statusCode(), backups.body());
      assertTrue(backups.body().contains("\"error\""), backups.body());
    }
    // A reindex: this suite's local app serves no reindex service (a JSON 403); on SolrCloud the
    // service serves a plain collection, which no reindex can switch: a JSON 409 saying to serve an
    // alias (the alias reindex itself is SolrOpsIT's).
    HttpResponse<String> reindexStatus = send(app, "GET", "/api/admin/reindex", "");
    HttpResponse<String> reindex = send(app, "POST", "/api/admin/reindex", "");
    if (backend.equals("local")) {
      assertEquals(403, reindexStatus.statusCode(), reindexStatus.body());
      assertEquals(403, reindex.statusCode(), reindex.body());
    } else {
      assertEquals(200, reindexStatus.statusCode(), reindexStatus.body());
      assertEquals("idle", JSON.readTree(reindexStatus.body()).get("state").asText());
      assertEquals(409, reindex.statusCode(), reindex.body());
      assertTrue(reindex.body().contains("reindex_needs_alias"), reindex.body());
      assertTrue(reindex.body().contains("--alias"), reindex.body());
    }
    assertTrue(reindex.body().contains("\"error\""), reindex.body());
    // Curation: read alike on both, decided alike on both (the full suite is
    // curationAnswersAlikeOnBothBackends), and an undo restores the answers exactly.
    assertEquals(200, get(app, "/api/curation/decisions").statusCode());
    assertEquals(200, get(app, "/api/curation/candidates").statusCode());
    HttpResponse<String> history =
        get(app, "/api/curation/entities/person/" + enc("Élodie Marchand").replace("+", "%20"));
    assertEquals(200, history.statusCode(), history.body());
    String before = get(app, "/api/search?q=battery&person=" + enc("Élodie Marchand")).body();
    HttpResponse<String> decided =
        send(
            app,
            "POST",
            "/api/curation/decisions",
            "{\"kind\":\"alias\",\"type\":\"person\",\"value\":\"E. Marchand\","
                + "\"target\":\"Élodie Marchand\",\"note\":\"a spelling\"}");
    assertEquals(201, decided.statusCode(), decided.body());
    String id = JSON.readTree(decided.body()).at("/decision/id").asText();
    HttpResponse<String> undone =
        send(app, "POST", "/api/curation/decisions/" + id + "/undo", "{\"note\":\"test\"}");
    assertEquals(201, undone.statusCode(), undone.body());
    HttpResponse<String> again =
        send(app, "POST", "/api/curation/decisions/" + id + "/undo", "{\"note\":\"test\"}");
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(
        stripTook(before),
        stripTook(get(app, "/api/search?q=battery&person=" + enc("Élodie Marchand")).body()));
    // Automatic person links: listed with their evidence and applied through the curation store,
    // on both backends. The fixture writes every person in full, so there is nothing to link.
    HttpResponse<String> links = send(app, "GET", "/api/curation/links", "");
    assertEquals(200, links.statusCode(), links.body());
    assertEquals(0, JSON.readTree(links.body()).get("links").size(), links.body());
    HttpResponse<String> applied = send(app, "POST", "/api/curation/links/apply", "");
    assertEquals(200, applied.statusCode(), applied.body());
    assertEquals(0, JSON.readTree(applied.body()).get("rewritten").asInt(), applied.body());
    // The readers' entity page is rendered by its scripts from the URL and the API above.
    HttpResponse<String> page = get(app, "/entity/brand/renault");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().startsWith("<!doctype html>"), page.body());

    String batch =
        "[{\"id\":\"op-1\",\"title\":\"Kia opens a design studio\",\"body\":\"The studio"
            + " is by the sea.\",\"tags\":[\"brand:Kia\"]}]";
    HttpResponse<String> posted = send(app, "POST", "/api/articles", batch);
    assertEquals(2, posted.statusCode() / 100, posted.body());
    assertEquals(Set.of("op-1"), ids(search(backend, "q=studio")));
    HttpResponse<String> replaced =
        send(
            app,
            "PUT",
            "/api/articles/op-1",
            "{\"title\":\"Kia closes a design studio\",\"body\":\"The studio by the sea"
                + " shuts.\",\"tags\":[\"brand:Kia\"]}");
    assertEquals(200, replaced.statusCode(), replaced.body());
    assertEquals(
        "Kia closes a design studio",
        search(backend, "q=studio").get("hits").get(0).get("title").asText());
    assertEquals(200, send(app, "DELETE", "/api/articles/op-1", "").statusCode());
    assertEquals(Set.of(), ids(search(backend, "q=studio")));
  }

  /**
   * Issue 24: the editors' curation answers alike on both backends. The same merge, alias, hide and
   * retype are decided on each; filters follow the merge, facets count the decided view, an article
   * written afterwards (through the service, and on SolrCloud through the indexer's store) shows
   * it, the log and the histories answer alike, a second SolrCloud service follows the change,
   * rewritten articles keep their vectors, and undoing everything restores every answer.
   */
  @Test
  @Order(7)
  void curationAnswersAlikeOnBothBackends() throws Exception {
    Map<String, JsonNode> local = curate("local");
    Map<String, JsonNode> cloud = curate("solrcloud");
    // The rewritten articles kept the vectors the collection stores: none was embedded again.
    assertEquals(0, EMBEDDED_AGAIN.get());
    assertEquals(local.keySet(), cloud.keySet());
    for (String step : local.keySet()) {
      assertAlike(local.get(step), cloud.get(step), step);
    }
  }

  /** Decides, checks and undoes the suite's decisions on one backend; what it saw, by step. */
  private static Map<String, JsonNode> curate(String backend) throws Exception {
    SearchApp app = app(backend);
    Map<String, JsonNode> seen = new java.util.LinkedHashMap<>();
    seen.put("links", linkedSurname(backend));
    String all = "/api/search?size=100&sort=newest";
    String before = stripTook(get(app, all).body());

    JsonNode merge = decide(app, "merge", "person", "Kenji Sato", "Hana Ito");
    assertEquals(2, merge.get("rewritten").asInt(), merge.toString());
    assertEquals(Set.of("a2", "a3", "a7"), ids(search(backend, "person=Hana+Ito")));
    // A filter on the merged name maps to the entity it became.
    assertEquals(Set.of("a2", "a3", "a7"), ids(search(backend, "person=kenji+sato")));
    assertEquals(2, count(search(backend, "brand=nissan"), "person", "Hana Ito"));
    assertEquals(0, count(search(backend, "brand=nissan"), "person", "Kenji Sato"));
    // Rewritten articles keep their vectors: search by meaning within the filter finds them all.
    assertEquals(
        Set.of("a2", "a3", "a7"),
        ids(search(backend, "q=electric+platform&mode=semantic&person=Hana+Ito")));
    if (backend.equals("solrcloud")) {
      followedByAnotherService();
      writtenByTheIndexerWithTheCuration();
    }
    HttpResponse<String> written =
        send(
            app,
            "PUT",
            "/api/articles/c-1",
            "{\"title\":\"Nissan names a new plant manager\",\"body\":\"The plant gets a"
                + " new manager, said Kenji Sato.\",\"tags\":[\"brand:Nissan\","
                + "\"person:Kenji Sato\"]}");
    assertEquals(201, written.statusCode(), written.body());
    assertEquals(Set.of("a2", "a3", "a7", "c-1"), ids(search(backend, "person=Hana+Ito")));
    seen.put("written", view(JSON.readTree(get(app, "/api/articles/c-1").body())));
    assertEquals(200, send(app, "DELETE", "/api/articles/c-1", "").statusCode());

    JsonNode alias = decide(app, "alias", "person", "Tomas Berg", "Élodie Marchand");
    assertEquals(
        Set.of("a1", "a2", "a6"), ids(search(backend, "person=" + enc("Élodie Marchand"))));
    JsonNode hide = decide(app, "hide", "brand", "Kia", null);
    assertEquals(Set.of(), ids(search(backend, "brand=kia")));
    JsonNode retype = decide(app, "retype", "person", "Marco Vela", "brand");
    assertEquals(Set.of("a4"), ids(search(backend, "brand=" + enc("Marco Vela"))));
    seen.put("decided", decisions(merge, alias, hide, retype));

    JsonNode curated = JSON.readTree(get(app, all).body());
    seen.put("hits", hitsView(curated));
    seen.put("facets", curated.get("facets"));
    seen.put("a2", view(JSON.readTree(get(app, "/api/articles/a2").body())));
    seen.put("a4", view(JSON.readTree(get(app, "/api/articles/a4").body())));
    JsonNode page = JSON.readTree(get(app, "/api/entities/person/" + path("Hana Ito")).body());
    assertEquals(3, page.get("count").asInt(), page.toString());
    seen.put("page", page.get("count"));
    seen.put("log", withoutTimes(JSON.readTree(get(app, "/api/curation/decisions").body())));
    seen.put(
        "history",
        withoutTimes(
            JSON.readTree(get(app, "/api/curation/entities/person/" + path("Kenji Sato")).body())));
    HttpResponse<String> candidates = get(app, "/api/curation/candidates");
    assertEquals(200, candidates.statusCode(), candidates.body());
    seen.put("candidates", withoutTimes(JSON.readTree(candidates.body())));

    for (JsonNode decided : List.of(retype, hide, alias, merge)) {
      String id = decided.at("/decision/id").asText();
      HttpResponse<String> undone =
          send(app, "POST", "/api/curation/decisions/" + id + "/undo", "{\"note\":\"done\"}");
      assertEquals(201, undone.statusCode(), undone.body());
    }
    assertEquals(before, stripTook(get(app, all).body()), "undoing every decision restores");
    assertEquals(Set.of("a2", "a7"), ids(search(backend, "person=kenji+sato")));
    assertEquals(
        Set.of("a2", "a7"),
        ids(search(backend, "q=electric+platform&mode=semantic&person=kenji+sato")));
    return seen;
  }

  /**
   * A backup through the service's backup service carries the curation: a point of the companion
   * collection is taken with the articles', and restored beside a restored collection it is the
   * curation the service follows.
   */
  @Test
  @Order(9)
  void aBackupCarriesTheCurationAndRestoresBesideTheArticles() throws Exception {
    decide(solr, "hide", "brand", "Ford", null);
    Curation now = solrCurations.current();
    new dev.carnews.server.SolrCloudBackups(
            connection, COLLECTION, backupDir.toString(), 2, solrCurations)
        .create();
    SolrBackups backups =
        new SolrBackups(connection.client(), backupDir.toString(), null, Duration.ofMinutes(5));
    assertEquals(1, backups.list(COLLECTION).size());
    assertEquals(1, backups.list(SolrCurations.companionOf(COLLECTION)).size());
    backups.restore(
        SolrCurations.companionOf(COLLECTION),
        java.util.Optional.empty(),
        SolrCurations.companionOf("news_restored"));
    SolrCurations restored =
        new SolrCurations(
            connection.client(), "news_restored", new SolrRetries(Duration.ofMinutes(1)));
    assertEquals(now, restored.read().curation());
    assertTrue(restored.read().pending().isEmpty());
    String id = now.log().get(now.log().size() - 1).id();
    assertEquals(
        201, send(solr, "POST", "/api/curation/decisions/" + id + "/undo", "").statusCode());
  }

  /**
   * Automatic person links from the articles as the backend stores them: an article that only
   * writes a surname is linked to the one full name written around the same time, and the proposal
   * (evidence, candidates, what is apart) is what both backends answer alike.
   */
  private static JsonNode linkedSurname(String backend) throws Exception {
    SearchApp app = app(backend);
    String[][] articles = {
      {"l-1", "Ines Varga opens a test track", "person:Ines Varga", "2025-05-01T09:00:00Z"},
      {"l-2", "Varga times the new coupe", "person:Varga", "2025-05-20T09:00:00Z"}
    };
    for (String[] article : articles) {
      HttpResponse<String> written =
          send(
              app,
              "PUT",
              "/api/articles/" + article[0],
              "{\"title\":\""
                  + article[1]
                  + "\",\"body\":\"The track is in the hills.\",\"tags\":[\""
                  + article[2]
                  + "\"],\"published\":\""
                  + article[3]
                  + "\"}");
      assertEquals(201, written.statusCode(), written.body());
    }
    HttpResponse<String> links = send(app, "GET", "/api/curation/links", "");
    assertEquals(200, links.statusCode(), links.body());
    JsonNode proposal = JSON.readTree(links.body());
    JsonNode varga = null;
    for (JsonNode link : proposal.get("links")) {
      if (link.path("value").asText().equals("Varga")) {
        varga = link;
      }
    }
    assertTrue(varga != null, backend + ": " + links.body());
    assertEquals("Ines Varga", varga.path("target").asText(), varga.toString());
    assertEquals("proposed", varga.path("state").asText(), varga.toString());
    assertEquals(1, varga.path("articles").asInt(), varga.toString());
    for (String[] article : articles) {
      assertEquals(200, send(app, "DELETE", "/api/articles/" + article[0], "").statusCode());
    }
    return withoutTimes(proposal);
  }

  /** A second SolrCloud service on the collection follows the decision made by the first. */
  private static void followedByAnotherService() throws Exception {
    try (SolrCurationStore other =
        new SolrCurationStore(connection, COLLECTION, a -> a, () -> {})) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!other.current().equals(solrCurations.current()) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(solrCurations.current(), other.current());
      assertEquals(solrCurations.version(), other.version());
    }
  }

  /** {@code indexer.jar index --solr}'s store writes an article with the collection's curation. */
  private static void writtenByTheIndexerWithTheCuration() throws Exception {
    SolrRetries retries = new SolrRetries(Duration.ofMinutes(1));
    var curation =
        SolrCurations.polling(
            new SolrCurations(connection.client(), COLLECTION, retries), Duration.ofSeconds(1));
    SolrArticleStore store =
        new SolrArticleStore(
            connection.client(),
            COLLECTION,
            10,
            retries,
            new SolrStories(dev.carnews.story.VersionRule.defaults(), curation),
            curation);
    EmbeddingTagger tagger = new EmbeddingTagger(new TagsEntityTagger(), embedder);
    TaggedArticle tagged =
        tagger.tag(
            new dev.carnews.ingest.Article(
                "c-2",
                null,
                "Kenji Sato visits a dealer",
                "The dealer sells the crossover, said Kenji Sato with Rin Oda.",
                List.of(),
                null,
                null,
                List.of("person:Kenji Sato", "person:Rin Oda")));
    // The name model was unsure of one of them: kept on the curated article, a candidate.
    store.write(
        new TaggedArticle(
            tagged.article(),
            tagged.authors(),
            tagged.persons(),
            tagged.brands(),
            tagged.mentions(),
            tagged.vector(),
            Map.of("Kenji Sato", 0.9, "Rin Oda", 0.2)),
        IGNORE);
    store.commit();
    // Another request than the cached ones: this write did not pass through the service.
    assertTrue(ids(search("solrcloud", "person=hana+ito&size=50")).contains("c-2"));
    JsonNode article = JSON.readTree(get(solr, "/api/articles/c-2").body());
    assertEquals(Set.of("Hana Ito", "Rin Oda"), strings(article.get("persons")));
    assertEquals(
        List.of(new dev.carnews.search.FacetValue("Rin Oda", 1)),
        new SolrNewsArchive(connection, COLLECTION, Ranking.defaults()).lowConfidencePersons(10));
    // The service's directory follows a write made elsewhere within a second (its version).
    JsonNode candidates = null;
    JsonNode unsure = null;
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (unsure == null && System.nanoTime() < deadline) {
      candidates = JSON.readTree(get(solr, "/api/curation/candidates").body());
      for (JsonNode candidate : candidates.get("candidates")) {
        if (candidate.path("name").asText().equals("Rin Oda")) {
          unsure = candidate;
        }
      }
      if (unsure == null) {
        Thread.sleep(200);
      }
    }
    assertTrue(unsure != null, String.valueOf(candidates));
    assertTrue(unsure.path("reasons").toString().contains("low_confidence"), unsure.toString());
    assertEquals(1, unsure.path("lowConfidence").asInt(), unsure.toString());
    assertEquals(200, send(solr, "DELETE", "/api/articles/c-2", "").statusCode());
  }

  private static JsonNode decide(
      SearchApp app, String kind, String type, String value, String target) throws Exception {
    var body = JSON.createObjectNode().put("kind", kind).put("type", type).put("value", value);
    if (target != null) {
      body.put("target", target);
    }
    HttpResponse<String> answer = send(app, "POST", "/api/curation/decisions", body.toString());
    assertEquals(201, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  /** What decisions answered, without their times. */
  private static JsonNode decisions(JsonNode... answers) {
    var array = JSON.createArrayNode();
    for (JsonNode answer : answers) {
      array.add(withoutTimes(answer));
    }
    return array;
  }

  /** A copy without the {@code when} and {@code generated} fields (times of the run). */
  private static JsonNode withoutTimes(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("when", "generated"));
    }
    node.forEach(SolrCloudIT::strip);
  }

  /** An article's entities as answered. */
  private static JsonNode view(JsonNode article) {
    return JSON.createObjectNode()
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("persons", article.get("persons"))
        .<com.fasterxml.jackson.databind.node.ObjectNode>set("brands", article.get("brands"))
        .set("entities", article.get("entities"));
  }

  /** The hits of a search: ids with their entities, in order. */
  private static JsonNode hitsView(JsonNode response) {
    var array = JSON.createArrayNode();
    for (JsonNode hit : response.get("hits")) {
      array.add(view(hit).deepCopy());
      ((com.fasterxml.jackson.databind.node.ObjectNode) array.get(array.size() - 1))
          .put("id", hit.get("id").asText())
          .remove("entities");
    }
    return array;
  }

  private static String path(String name) {
    return enc(name).replace("+", "%20");
  }

  /**
   * One contract, every operation: each operation of openapi.json was asked of both backends by
   * this suite. A new endpoint without a test on both backends fails here.
   */
  @Test
  @Order(100)
  void everyOperationOfTheDescriptionRanOnBothBackends() {
    Set<String> all = new java.util.TreeSet<>();
    OPERATIONS.forEach(op -> all.add(op.name()));
    for (String backend : List.of("local", "solrcloud")) {
      Set<String> missing = new java.util.TreeSet<>(all);
      missing.removeAll(RAN.get(backend));
      assertEquals(Set.of(), missing, "operations never asked of " + backend);
    }
  }

  private static JsonNode search(String backend, String query) throws Exception {
    HttpResponse<String> answer = get(app(backend), "/api/search?" + query);
    assertEquals(200, answer.statusCode(), answer.body());
    return JSON.readTree(answer.body());
  }

  private static Set<String> ids(JsonNode response) {
    Set<String> ids = new HashSet<>();
    response.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    assertEquals(response.get("total").asInt(), ids.size(), "total equals the hits of one page");
    return ids;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static long count(JsonNode response, String facet, String value) {
    for (JsonNode entry : response.get("facets").get(facet)) {
      if (entry.get("value").asText().equals(value)) {
        return entry.get("count").asLong();
      }
    }
    return 0;
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> put(String id, String body) throws Exception {
    return send(solr, "PUT", "/api/articles/" + id, body);
  }

  private static HttpResponse<String> get(SearchApp app, String path) throws Exception {
    ran(app, "GET", path);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(SearchApp app, String method, String path, String body)
      throws Exception {
    ran(app, method, path);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
