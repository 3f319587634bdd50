package dev.carnews.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.cli.IndexerCli;
import dev.carnews.http.ApiKeys;
import dev.carnews.http.AppOptions;
import dev.carnews.http.SearchApp;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.StoryCounts;
import dev.carnews.search.Ranking;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.solrcloud.SolrRestory;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.story.VersionRule;
import dev.carnews.write.ArticleWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 23, stories on SolrCloud: the same articles written through the service to the local index
 * and to a SolrCloud collection (2 shards × 2 replicas, {@link SolrDevProcess}) end in the same
 * stories, answer {@code /api/stories/{id}}, related {@code versions} and {@code collapse=story}
 * alike, and a collapsed search never shows a story twice, by page or by cursor; the indexer's
 * {@code index}, {@code restory} and {@code stories} give a collection the local index's stories.
 * The articles are invented: one story filed four times (a correction, an update, a copy two days
 * later), a recall with its update, four daily price reports that share a template but not their
 * figures, and unrelated news.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrStoriesIT {

  // Its own base port (-Dcarnews.solr.stories.it.port=…), apart from SolrCloudIT's cluster.
  private static final int SOLR_PORT = Integer.getInteger("carnews.solr.stories.it.port", 8950);
  private static final String COLLECTION = "stories";
  private static final String KEY = "solr-stories-it-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String CLOSURE =
      "The carmaker Corvane said on Monday it would close its engine plant in Marlow by the end of"
          + " 2027, cutting 1,800 jobs, as demand for diesel engines keeps falling. The plant,"
          + " opened in 1974, builds 310,000 engines a year for vans and saloons. Production will"
          + " move to a smaller site in Ostrava, the company said in a statement. The regional"
          + " governor said he would ask the company to keep part of the site open for battery"
          + " assembly, and talks with the unions start next week.";

  private static final String PROTEST =
      "Several hundred workers gathered at the factory gates in the afternoon, and the union said"
          + " it would call a one-day strike if the company did not present a plan for the staff"
          + " before the end of the month.";

  private static final String RECALL =
      "Hallam said it would recall 40,000 delivery vans built between March and October because a"
          + " seat anchor may come loose in a crash. Dealers will fit a new bracket free of charge,"
          + " and owners will be told by letter from next month, the company said. No injuries"
          + " have been reported, according to the national road safety agency, which said it had"
          + " received four complaints about the part.";

  /** Every article: id, title, body, published. */
  private static final List<List<String>> ARTICLES =
      List.of(
          List.of(
              "s3",
              "Corvane plant closure draws union protest",
              CLOSURE.replace("1,800", "1,650") + "\n\n" + PROTEST,
              "2026-05-04T15:00:00Z"),
          List.of(
              "s2",
              "CORRECTED-Corvane to close engine plant in Marlow",
              CLOSURE.replace("1,800", "1,650"),
              "2026-05-04T09:30:00Z"),
          report("r1", 1, 112.4, 3.1, 5200, 18),
          List.of(
              "t2",
              "UPDATE 1-Hallam recalls 40,000 vans over seat fault",
              RECALL
                  + "\n\nShares of Hallam fell two percent after the announcement, the company"
                  + " said.",
              "2026-05-07T16:00:00Z"),
          List.of("s1", "Corvane to close engine plant in Marlow", CLOSURE, "2026-05-04T08:00:00Z"),
          report("r2", 2, 109.8, -2.6, 4870, 21),
          List.of(
              "t1", "Hallam recalls 40,000 vans over seat fault", RECALL, "2026-05-07T11:00:00Z"),
          List.of(
              "s4", "RPT-Corvane to close engine plant in Marlow", CLOSURE, "2026-05-06T08:00:00Z"),
          report("r3", 3, 114.0, 4.2, 5630, 16),
          report("r4", 4, 117.9, 3.9, 6015, 14),
          filler(
              "f1",
              "City council approves new tram line",
              "The council said the line would link the station with the university campus, with"
                  + " eleven stops and trams every six minutes at peak times once it opens.",
              "2026-05-02T10:00:00Z"),
          filler(
              "f2",
              "Tyre maker opens research centre",
              "The tyre maker said its new research centre would test compounds for winter tyres"
                  + " and employ engineers and chemists from the region's technical college.",
              "2026-05-03T10:00:00Z"),
          filler(
              "f3",
              "Rally driver wins the mountain stage",
              "The young rally driver said the wet gravel suited her car, and she took the lead on"
                  + " the final mountain stage after two rivals slid off the road.",
              "2026-05-05T10:00:00Z"),
          filler(
              "f4",
              "Car-sharing service expands to the coast",
              "The car-sharing service said it would place two hundred small cars in seaside"
                  + " towns this summer, bookable by the hour through its phone application.",
              "2026-05-08T10:00:00Z"),
          filler(
              "f5",
              "Port handles record number of car shipments",
              "The port authority said ships carried more cars through its terminals in April than"
                  + " in any month before, helped by exports to markets overseas.",
              "2026-05-09T10:00:00Z"),
          filler(
              "f6",
              "Museum shows a century of racing cars",
              "The museum said its new hall shows racing cars from every decade of the century,"
                  + " lent by private collectors and two former works teams.",
              null));

  /** Each article's story when the stories are right. */
  private static final Map<String, String> EXPECTED = expected();

  private static SolrDevProcess cluster;
  private static CloudConnection connection;
  private static SearchApp local;
  private static SearchApp solr;
  private static ArticleIndex localIndex;
  private static GroupCommitter committer;

  @BeforeAll
  static void startBothBackendsAndWriteTheArticles() throws Exception {
    cluster = SolrDevProcess.start(2, SOLR_PORT, COLLECTION);
    connection = new CloudConnection(cluster.urls);
    SolrNewsArchive archive = new SolrNewsArchive(connection, COLLECTION, Ranking.defaults());
    solr =
        SearchApp.create(
                archive,
                AppOptions.defaults()
                    .withWrites(
                        new ArticleWriter(
                            new CloudArticleStore(connection, COLLECTION, archive::changed),
                            TagsEntityTagger::new),
                        ApiKeys.fromCommaSeparated(KEY)))
            .start("localhost", 0);
    localIndex = ArticleIndex.open(new ByteBuffersDirectory(), VersionRule.defaults());
    committer = new GroupCommitter(localIndex, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    local =
        SearchApp.create(
                new LuceneNewsArchive(localIndex),
                AppOptions.defaults()
                    .withWrites(
                        new ArticleWriter(localIndex, committer, () -> tagger),
                        ApiKeys.fromCommaSeparated(KEY)))
            .start("localhost", 0);
    // In the same order to both, versions before their first article (which re-points them).
    for (List<String> article : ARTICLES) {
      for (SearchApp app : List.of(local, solr)) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", article.get(1)).put("body", article.get(2));
        if (article.get(3) != null) {
          body.put("published", article.get(3));
        }
        HttpResponse<String> answer =
            send(app, "PUT", "/api/articles/" + article.get(0), body.toString());
        assertEquals(201, answer.statusCode(), answer.body());
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (SearchApp app : new SearchApp[] {local, solr}) {
      if (app != null) {
        app.stop();
      }
    }
    if (committer != null) {
      committer.close();
    }
    if (localIndex != null) {
      localIndex.close();
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(1)
  void versionsShareTheFirstArticlesStoryAndDailyReportsStayApart(String backend) throws Exception {
    Map<String, String> stories = new HashMap<>();
    for (List<String> article : ARTICLES) {
      JsonNode detail = json(app(backend), "/api/articles/" + article.get(0));
      stories.put(article.get(0), detail.get("story").get("id").asText());
    }
    assertEquals(EXPECTED, stories);
    JsonNode s3 = json(app(backend), "/api/articles/s3").get("story");
    assertEquals(4, s3.get("versions").asInt());
    assertEquals(1, json(app(backend), "/api/articles/r2").get("story").get("versions").asInt());
  }

  @Test
  @Order(2)
  void storiesRelatedVersionsAndCollapsedSearchesAnswerAlike() throws Exception {
    for (String path :
        List.of(
            "/api/stories/s1",
            "/api/stories/t1",
            "/api/stories/r3",
            "/api/stories/f6",
            "/api/search?collapse=story&sort=newest&size=20",
            "/api/search?collapse=story&sort=oldest&size=3&page=2",
            "/api/search?q=corvane&collapse=story&sort=newest")) {
      HttpResponse<String> onLocal = get(local, path);
      HttpResponse<String> onSolr = get(solr, path);
      assertEquals(onLocal.statusCode(), onSolr.statusCode(), path + ": " + onSolr.body());
      JsonNode expected = withoutTimings(JSON.readTree(onLocal.body()));
      JsonNode actual = withoutTimings(JSON.readTree(onSolr.body()));
      if (path.startsWith("/api/search")) {
        // Passages are marked by each backend's highlighter: compare the hits and their stories.
        assertEquals(storiesOf(expected.get("hits")), storiesOf(actual.get("hits")), path);
        assertEquals(expected.get("total"), actual.get("total"), path);
      } else {
        assertEquals(expected, actual, path);
      }
    }
    for (String path : List.of("/api/stories/s2", "/api/stories/nope")) {
      assertEquals(404, get(local, path).statusCode(), path);
      assertEquals(404, get(solr, path).statusCode(), path);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(3)
  void aStoryListsItsVersionsOldestFirstWithWhatChanged(String backend) throws Exception {
    JsonNode versions = json(app(backend), "/api/stories/s1").get("versions");
    assertEquals(List.of("s1", "s2", "s3", "s4"), ids(versions));
    assertFalse(versions.get(0).has("changes"));
    assertTrue(versions.get(1).get("changes").get("titleChanged").asBoolean());
    JsonNode update = versions.get(2).get("changes").get("paragraphsAdded");
    assertEquals(1, update.size(), update.toString());
    assertEquals(PROTEST, update.get(0).asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(4)
  void relatedListsTheVersionsApartAndNotAmongItsHits(String backend) throws Exception {
    JsonNode related = json(app(backend), "/api/articles/s2/related?size=20");
    List<String> hits = ids(related.get("hits"));
    for (String version : List.of("s1", "s2", "s3", "s4")) {
      assertFalse(hits.contains(version), hits.toString());
    }
    assertEquals(List.of("s1", "s3", "s4"), ids(related.get("versions")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(5)
  void collapsedPagesAndCursorsNeverShowAStoryTwice(String backend) throws Exception {
    Set<String> all = new HashSet<>(EXPECTED.values());
    for (String order : List.of("sort=newest", "sort=oldest", "q=said", "q=said&sort=newest")) {
      for (int size : List.of(1, 2, 5)) {
        String base = "/api/search?collapse=story&size=" + size + "&" + order;
        String where = backend + " " + base;
        Set<String> byPage = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
          JsonNode answer = json(app(backend), base + "&page=" + page);
          if (answer.get("hits").isEmpty()) {
            break;
          }
          for (JsonNode hit : answer.get("hits")) {
            assertTrue(byPage.add(storyOf(hit)), where + " page " + page + ": " + byPage);
          }
          if (!answer.get("next").isNull()) {
            // A page=N page's next leads to page N+1.
            JsonNode after = json(app(backend), base + "&after=" + enc(answer.get("next")));
            JsonNode following = json(app(backend), base + "&page=" + (page + 1));
            assertEquals(ids(following.get("hits")), ids(after.get("hits")), where + " " + page);
          }
        }
        assertEquals(all, byPage, where);
        Set<String> byCursor = new LinkedHashSet<>();
        JsonNode answer = json(app(backend), base);
        while (true) {
          for (JsonNode hit : answer.get("hits")) {
            assertTrue(byCursor.add(storyOf(hit)), where + " cursor: " + byCursor);
          }
          if (answer.get("next").isNull()) {
            break;
          }
          answer = json(app(backend), base + "&after=" + enc(answer.get("next")));
        }
        assertEquals(all, byCursor, where);
      }
    }
  }

  @Test
  @Order(6)
  void indexRestoryAndStoriesOnACollectionGiveTheLocalIndexsStories(@TempDir Path dir)
      throws Exception {
    Path input = dir.resolve("articles.jsonl");
    StringBuilder lines = new StringBuilder();
    for (List<String> article : ARTICLES) {
      ObjectNode line = JSON.createObjectNode();
      line.put("id", article.get(0)).put("title", article.get(1)).put("body", article.get(2));
      if (article.get(3) != null) {
        line.put("published", article.get(3));
      }
      lines.append(line).append('\n');
    }
    Files.writeString(input, lines, StandardCharsets.UTF_8);
    Path pairs = dir.resolve("pairs.txt");
    Files.writeString(
        pairs,
        "s1 s2 same\ns1 s4 same\ns2 s3 same\nt1 t2 same\nr1 r2 different\nr2 r3 different\n"
            + "s1 t1 different\n",
        StandardCharsets.UTF_8);
    Path folder = dir.resolve("index");
    String urls = String.join(",", cluster.urls);
    cli("collection-create", "--solr", urls, "--collection", "batch", "--shards", "2");
    // Three articles per update request: versions re-pointed across requests and searchers.
    String[] solrTarget = {"--solr", urls, "--collection", "batch"};
    String[] indexTarget = {"--index", folder.toString()};
    for (String[] target : List.of(indexTarget, solrTarget)) {
      List<String> args = new ArrayList<>(List.of("index", "-q", "--no-vectors", "--threads", "1"));
      args.addAll(List.of(target));
      if (target == solrTarget) {
        args.addAll(List.of("--batch", "3"));
      }
      args.add(input.toString());
      cli(args.toArray(String[]::new));
    }
    assertEquals(EXPECTED, localStories(folder));
    assertEquals(EXPECTED, solrStories("batch"));
    for (String[] target : List.of(indexTarget, solrTarget)) {
      List<String> args = new ArrayList<>(List.of("restory"));
      args.addAll(List.of(target));
      String out = cli(args.toArray(String[]::new));
      assertTrue(out.contains("16 articles: 12 stories"), out);
      List<String> report = new ArrayList<>(List.of("stories", "--pairs", pairs.toString()));
      report.addAll(List.of(target));
      out = cli(report.toArray(String[]::new));
      assertTrue(out.contains("16 articles in 12 stories"), out);
      assertTrue(out.contains("P=1.0000 R=1.0000"), out);
    }
    assertEquals(EXPECTED, localStories(folder));
    assertEquals(EXPECTED, solrStories("batch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  @Order(7)
  void deletingAStorysFirstArticleKeepsTheRestInOneStory(String backend) throws Exception {
    assertEquals(200, send(app(backend), "DELETE", "/api/articles/s1", "").statusCode());
    assertEquals("s2", json(app(backend), "/api/articles/s4").get("story").get("id").asText());
    assertEquals(3, json(app(backend), "/api/articles/s3").get("story").get("versions").asInt());
    assertEquals(404, get(app(backend), "/api/stories/s1").statusCode());
    assertEquals(
        List.of("s2", "s3", "s4"), ids(json(app(backend), "/api/stories/s2").get("versions")));
  }

  private static Map<String, String> localStories(Path folder) throws Exception {
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      return StoryCounts.read(index).stories();
    }
  }

  private static Map<String, String> solrStories(String collection) throws Exception {
    return SolrRestory.read(
            connection.client(), collection, new SolrRetries(Duration.ofSeconds(30)))
        .stories();
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli =
        IndexerCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
    assertEquals(0, cli.execute(args), String.join(" ", args) + ": " + out);
    return out.toString();
  }

  private static Map<String, String> expected() {
    Map<String, String> stories = new HashMap<>();
    for (List<String> article : ARTICLES) {
      String id = article.get(0);
      stories.put(id, id.startsWith("s") ? "s1" : id.startsWith("t") ? "t1" : id);
    }
    return Map.copyOf(stories);
  }

  /** A daily fuel price report: the same template, every figure of the day its own. */
  private static List<String> report(
      String id, int day, double index, double change, int stations, int cheapest) {
    return List.of(
        id,
        "Daily fuel price index",
        "The fuel price index of the Rodway motoring club stood at "
            + index
            + " points on day "
            + day
            + " of the survey, a change of "
            + change
            + " points from the day before, the club said in its daily report. Prices were"
            + " collected at "
            + stations
            + " filling stations across the country, and diesel was cheapest in "
            + cheapest
            + " of the twenty regions. Motorway stations remained the most expensive, while"
            + " supermarket forecourts were the cheapest, according to the report.",
        "2026-05-1" + day + "T07:00:00Z");
  }

  private static List<String> filler(String id, String title, String body, String published) {
    List<String> article = new ArrayList<>(List.of(id, title, body));
    article.add(published);
    return java.util.Collections.unmodifiableList(article);
  }

  /** Each hit as "id story versions". */
  private static List<String> storiesOf(JsonNode hits) {
    List<String> stories = new ArrayList<>();
    for (JsonNode hit : hits) {
      JsonNode story = hit.get("story");
      stories.add(
          hit.get("id").asText() + " " + story.get("id").asText() + " " + story.get("versions"));
    }
    return stories;
  }

  private static String storyOf(JsonNode hit) {
    return hit.get("story").get("id").asText();
  }

  private static JsonNode withoutTimings(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(List.of("tookMs", "requestId", "next"));
      node.forEach(SolrStoriesIT::withoutTimings);
    } else if (node.isArray()) {
      node.forEach(SolrStoriesIT::withoutTimings);
    }
    return node;
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static String enc(JsonNode token) {
    return URLEncoder.encode(token.asText(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(SearchApp app, String path) throws Exception {
    HttpResponse<String> answer = get(app, path);
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> get(SearchApp app, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(SearchApp app, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
