package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: the Atom and JSON feeds of searches and entities, read by a real feed parser (ROME),
 * never by string matching; their conditional GETs.
 */
class FeedsTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  private static SyndFeed parse(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/atom+xml"));
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    assertEquals("atom_1.0", feed.getFeedType());
    return feed;
  }

  private static List<String> searchIds(String query) throws Exception {
    List<String> ids = new ArrayList<>();
    running
        .get("/api/search?" + query)
        .json()
        .get("hits")
        .forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  private static List<String> entryIds(SyndFeed feed) {
    return feed.getEntries().stream()
        .map(entry -> entry.getUri().substring("urn:carnews:article:".length()))
        .toList();
  }

  @Test
  void searchFeedListsTheSearchNewestFirst() throws Exception {
    SyndFeed feed = parse(running.getText("/api/search.atom?q=electric"));
    List<String> ids = entryIds(feed);
    assertFalse(ids.isEmpty());
    assertEquals(searchIds("q=electric&sort=newest&size=20"), ids);
    SyndEntry first = feed.getEntries().get(0);
    assertTrue(first.getLink().startsWith("https://"), first.getLink());
    assertTrue(first.getUpdatedDate() != null);
  }

  @Test
  void feedOfAMisspellingFollowsTheSearchFallback() throws Exception {
    List<String> search = searchIds("q=hatchbakc&sort=newest&size=20");
    assertFalse(search.isEmpty(), "the search falls back to the correction");
    assertEquals(search, entryIds(parse(running.getText("/api/search.atom?q=hatchbakc"))));
  }

  @Test
  void hostileTitlesArriveAsTheirText() throws Exception {
    SyndFeed feed = parse(running.getText("/api/search.atom?q=showrooms"));
    SyndEntry entry = feed.getEntries().get(0);
    assertEquals("<img src=x onerror=alert(1)>", entry.getTitle());
    assertTrue(entry.getDescription().getValue().contains("&lt;script&gt;"));
  }

  @Test
  void entityFeedListsItsNewestArticles() throws Exception {
    SyndFeed feed = parse(running.getText("/api/entities/person/KENJI%20sato.atom"));
    assertEquals(List.of("a7", "a2"), entryIds(feed));
    assertTrue(feed.getTitle().startsWith("Kenji Sato"));
  }

  @Test
  void jsonFeedIsVersion11WithTheSameItems() throws Exception {
    HttpResponse<String> response = running.getText("/api/search.json-feed?q=electric");
    assertEquals(200, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/feed+json"));
    JsonNode feed = new ObjectMapper().readTree(response.body());
    assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
    List<String> ids = new ArrayList<>();
    feed.get("items")
        .forEach(i -> ids.add(i.get("id").asText().substring("urn:carnews:article:".length())));
    assertEquals(searchIds("q=electric&sort=newest&size=20"), ids);
  }

  private static HttpResponse<String> getWith(String path, String header, String value)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + running.app.port() + path))
                .header(header, value)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void unchangedFeedsAnswer304() throws Exception {
    String path = "/api/search.atom?q=renault";
    HttpResponse<String> first = running.getText(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String modified = first.headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<String> again = getWith(path, "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(304, getWith(path, "If-Modified-Since", modified).statusCode());
    assertEquals(304, getWith(path, "If-None-Match", "W/" + etag).statusCode());
    assertEquals(200, getWith(path, "If-None-Match", "\"other\"").statusCode());
    assertEquals(
        200, getWith(path, "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT").statusCode());
    assertEquals(200, getWith(path, "If-Modified-Since", "yesterday").statusCode());
    String otherEtag =
        running.getText("/api/search.atom?q=nissan").headers().firstValue("ETag").orElseThrow();
    assertFalse(etag.equals(otherEtag));
    assertEquals(
        304, getWith("/api/entities/person/Kenji%20Sato.atom", "If-None-Match", "*").statusCode());
  }

  /** Two bounded routes match an entity feed's path; it must take (and give back) one permit. */
  @Test
  void manyEntityFeedsInARowAreNeverRefused() throws Exception {
    for (int i = 0; i < 50; i++) {
      assertEquals(200, running.getText("/api/entities/brand/Renault.atom").statusCode(), "#" + i);
    }
  }

  @Test
  void badFeedParametersAreJsonErrors() throws Exception {
    RunningApp.Answer answer = running.get("/api/search.atom?size=0");
    assertEquals(400, answer.status());
    assertEquals("bad_parameter", answer.json().get("error").get("code").asText());
    assertEquals(404, running.get("/api/entities/brand/nosuch.atom").status());
  }
}
