package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 on the seven-article fixture: entity pages, the directory, trending and significant
 * entities over HTTP, with counts checked against {@code /api/search} and by hand.
 */
class EntityEndpointsTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  private static JsonNode ok(String path) throws Exception {
    RunningApp.Answer answer = running.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.response().body());
    return answer.json();
  }

  private static void assertError(String path, int status, String code) throws Exception {
    RunningApp.Answer answer = running.get(path);
    assertEquals(status, answer.status(), path + ": " + answer.response().body());
    assertEquals(code, answer.json().get("error").get("code").asText(), path);
  }

  private static Map<String, Long> counts(JsonNode list) {
    Map<String, Long> counts = new TreeMap<>();
    list.forEach(item -> counts.put(item.get("name").asText(), item.get("count").asLong()));
    return counts;
  }

  @Test
  void brandPageCountsItsArticlesMonthsPeopleAndAuthors() throws Exception {
    JsonNode page = ok("/api/entities/brand/RENAULT");
    assertEquals("brand", page.get("type").asText());
    assertEquals("Renault", page.get("name").asText());
    assertEquals(3, page.get("count").asLong());
    assertEquals(ok("/api/search?brand=Renault").get("total").asLong(), page.get("count").asLong());
    assertEquals("2025-07-03T00:00:00Z", page.get("firstSeen").asText());
    assertEquals("2025-07-20T23:30:00Z", page.get("lastSeen").asText());
    // One month with both dated articles; the undated one has no month.
    assertEquals(1, page.get("timeline").size());
    assertEquals("2025-07", page.get("timeline").get(0).get("month").asText());
    assertEquals(2, page.get("timeline").get(0).get("count").asLong());
    assertEquals(
        Map.of("Élodie Marchand", 2L, "Kenji Sato", 1L, "Tomas Berg", 1L),
        counts(page.get("associated").get("persons")));
    assertEquals(Map.of("Nissan", 1L), counts(page.get("associated").get("brands")));
    assertEquals(
        Map.of("Ana Lima", 1L, "Jane Doe", 1L, "Paul Grey", 1L), counts(page.get("authors")));
    assertEquals(3, page.get("latest").size());
    assertEquals("a2", page.get("latest").get(0).get("id").asText(), "newest first");
    assertTrue(page.get("salient").isArray());
    for (String field :
        List.of("spellings", "aboutCount", "associated", "authors", "latest", "salient")) {
      assertTrue(page.has(field), field);
    }
  }

  @Test
  void personPageFoldsCaseAndAccentsAndCountsCoMentions() throws Exception {
    JsonNode page = ok("/api/entities/person/elodie%20MARCHAND");
    assertEquals("Élodie Marchand", page.get("name").asText());
    assertEquals(2, page.get("count").asLong());
    long both = ok("/api/search?person=Élodie%20Marchand&brand=Nissan").get("total").asLong();
    assertEquals(both, counts(page.get("associated").get("brands")).get("Nissan"));
  }

  @Test
  void searchFiltersNarrowThePage() throws Exception {
    JsonNode page = ok("/api/entities/brand/renault?from=2025-07-10");
    assertEquals(1, page.get("count").asLong());
    assertEquals(
        ok("/api/search?brand=renault&from=2025-07-10").get("total").asLong(),
        page.get("count").asLong());
    assertEquals(1, ok("/api/entities/brand/renault?q=van").get("count").asLong());
    assertEquals(
        ok("/api/search?brand=renault&q=electric").get("total").asLong(),
        ok("/api/entities/brand/renault?q=electric").get("count").asLong());
    assertEquals(0, ok("/api/entities/brand/renault?q=nosuchword").get("count").asLong());
  }

  @Test
  void authorPageListsTheBylineArticles() throws Exception {
    JsonNode page = ok("/api/entities/author/jane%20doe");
    assertEquals("Jane Doe", page.get("name").asText());
    assertEquals(3, page.get("count").asLong());
    assertEquals(3, page.get("aboutCount").asLong());
    assertEquals(0, page.get("salient").size());
    assertEquals(0, page.get("authors").size(), "the author is not their own co-author");
  }

  @Test
  void unknownNamesAndBadParametersAreJsonErrors() throws Exception {
    assertError("/api/entities/brand/Nosuchbrand", 404, "not_found");
    assertError("/api/entities/brand/Nosuchbrand.atom", 404, "not_found");
    assertError("/api/entities/planet/Mars", 400, "bad_parameter");
    assertError("/api/entities/brand/" + "x".repeat(201), 400, "bad_parameter");
    assertError("/api/entities/brand/renault?size=0", 400, "bad_parameter");
    assertError("/api/entities?type=person&size=101", 400, "bad_parameter");
    assertError("/api/entities?type=person&sort=loudest", 400, "bad_parameter");
    assertError("/api/entities", 400, "bad_parameter");
    assertError("/api/trending?type=author", 400, "bad_parameter");
    assertError("/api/trending?min=0", 400, "bad_parameter");
    assertError("/api/trending?from=2025-09-01&to=2025-08-01", 400, "bad_parameter");
    assertError("/api/search?significant=planet", 400, "bad_parameter");
  }

  @Test
  void hostileInputsAreAnsweredWithoutServerErrors() throws Exception {
    List<String> paths =
        List.of(
            "/api/entities/person/%00",
            "/api/entities/person/%20",
            "/api/entities/person/%2e%2e",
            "/api/entities/brand/%F0%9F%9A%97",
            "/api/entities/brand/renault?q=" + "((".repeat(20),
            "/api/entities/brand/renault?q=" + "a%20".repeat(600),
            "/api/entities/brand/renault?from=2025-13-01",
            "/api/entities/brand/renault?about=planet:mars",
            "/api/entities/brand/renault?page=0",
            "/api/entities/brand/renault.atom?size=1000",
            "/api/entities?type=brand&q=%00%01",
            "/api/entities?type=brand&page=100000&size=100",
            "/api/entities?type=brand&page=-1",
            "/api/trending?type=,,,",
            "/api/trending?from=0001-01-01&to=9999-12-31&min=1",
            "/api/trending?to=0001-01-01",
            "/api/trending?to=%2B999999999-12-31",
            "/api/trending?from=-999999999-01-01",
            "/api/entities/brand/renault?to=%2B999999999-12-31",
            "/api/search.atom?from=-999999999-01-01",
            "/api/search?to=%2B999999999-12-31",
            "/api/trending?min=99999999999",
            "/api/search?significant=person,,brand&q=%22",
            "/api/search.json-feed?q=" + "((".repeat(20),
            "/api/search.atom?after=x");
    for (String path : paths) {
      var answer = running.getText(path);
      assertTrue(answer.statusCode() < 500, path + ": " + answer.statusCode());
      if (answer.statusCode() >= 400) {
        assertTrue(answer.body().startsWith("{\"error\""), path + ": " + answer.body());
      }
    }
  }

  @Test
  void directoryFindsNamesByAnyWordPrefixAndPages() throws Exception {
    JsonNode sato = ok("/api/entities?type=person&q=SAT");
    assertEquals(1, sato.get("total").asLong());
    assertEquals("Kenji Sato", sato.get("entities").get(0).get("name").asText());
    assertEquals(2, sato.get("entities").get(0).get("count").asLong());

    JsonNode brands = ok("/api/entities?type=brand&sort=count&size=2");
    assertEquals(5, brands.get("total").asLong());
    assertEquals(3, brands.get("pages").asInt());
    assertEquals("Renault", brands.get("entities").get(0).get("name").asText());
    JsonNode byName = ok("/api/entities?type=brand&sort=name");
    List<String> names = new ArrayList<>();
    byName.get("entities").forEach(e -> names.add(e.get("name").asText()));
    assertEquals(List.of("Ford", "Kia", "Nissan", "Renault", "Toyota"), names);
    JsonNode recent = ok("/api/entities?type=brand&sort=recent");
    assertEquals("Nissan", recent.get("entities").get(0).get("name").asText());
  }

  @Test
  void trendingComparesTheWindowWithTheArticlesBeforeIt() throws Exception {
    JsonNode trending = ok("/api/trending?type=brand&from=2025-08-01&to=2025-08-31&min=1");
    assertEquals("2025-08-01", trending.get("from").asText());
    assertEquals(2, trending.get("articles").asLong());
    assertEquals(4, trending.get("backgroundArticles").asLong());
    Map<String, JsonNode> byName = new TreeMap<>();
    trending.get("entities").forEach(e -> byName.put(e.get("name").asText(), e));
    assertEquals(List.of("Nissan", "Toyota"), new ArrayList<>(byName.keySet()));
    assertEquals(1, byName.get("Nissan").get("count").asLong());
    assertEquals(1, byName.get("Nissan").get("backgroundCount").asLong());
    assertEquals(0, byName.get("Toyota").get("backgroundCount").asLong());
    for (JsonNode entity : trending.get("entities")) {
      double windowShare = entity.get("count").asDouble() / 2;
      double backgroundShare = entity.get("backgroundCount").asDouble() / 4;
      assertTrue(windowShare > backgroundShare, entity.toString());
    }
    // The default minimum count keeps one-article names out.
    assertEquals(
        0, ok("/api/trending?type=brand&from=2025-08-01&to=2025-08-31").get("entities").size());
    // The default window: the seven days up to the newest article (2025-08-15).
    JsonNode latest = ok("/api/trending?min=1");
    assertEquals("2025-08-09", latest.get("from").asText());
    assertEquals("2025-08-15", latest.get("to").asText());
  }

  @Test
  void significantIsOptInOnSearch() throws Exception {
    assertFalse(ok("/api/search?q=electric").has("significant"));
    JsonNode answer = ok("/api/search?q=electric&significant=brand,person");
    assertTrue(answer.has("total"), "the search fields stay");
    assertTrue(answer.get("significant").has("brand"));
    assertTrue(answer.get("significant").has("person"));
    for (JsonNode entity : answer.get("significant").get("brand")) {
      assertTrue(entity.get("count").asLong() >= 2);
      assertTrue(entity.has("backgroundCount"));
      assertTrue(entity.has("score"));
    }
  }

  @Test
  void entityUrlServesTheReadersPage() throws Exception {
    var page = running.getText("/entity/person/Kenji%20Sato");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<base href=\"../../\">"));
    assertTrue(page.body().contains("app.js"));
    assertTrue(
        page.body().contains("href=\"api/entities/person/Kenji%20Sato.atom\""),
        "feed readers find the entity's feed without scripts");
    var hostile = running.getText("/entity/person/%3Cb%20x=%22y%22%3E");
    assertEquals(200, hostile.statusCode());
    assertFalse(hostile.body().contains("<b x="), "the name is escaped in the page");
    var nowhere = running.getText("/entity/planet/Mars");
    assertEquals(404, nowhere.statusCode(), "no entity page can have this address");
    assertTrue(nowhere.body().contains("app.js"), "the page still says so itself");
  }
}
