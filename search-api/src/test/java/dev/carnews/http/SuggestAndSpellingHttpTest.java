package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/suggest} and the spelling fields of {@code /api/search} over HTTP (issue 4). */
class SuggestAndSpellingHttpTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  @Test
  void suggestCompletesABrandPrefix() throws Exception {
    RunningApp.Answer answer = running.get("/api/suggest?q=ren");
    assertEquals(200, answer.status());
    JsonNode first = answer.json().get("suggestions").get(0);
    assertEquals("Renault", first.get("text").asText());
    assertEquals("brand", first.get("type").asText());
    assertEquals(3, first.get("count").asInt());
    assertEquals("ren", answer.json().get("q").asText());
  }

  @Test
  void suggestFoldsAccentsAndCase() throws Exception {
    JsonNode suggestions = running.get("/api/suggest?q=ELOD").json().get("suggestions");
    assertEquals("Élodie Marchand", suggestions.get(0).get("text").asText());
    assertEquals("person", suggestions.get(0).get("type").asText());
  }

  @Test
  void suggestWithoutAUsablePrefixIsABadParameter() throws Exception {
    for (String query : new String[] {"", "?q=", "?q=%20%20", "?q=" + "a".repeat(101)}) {
      RunningApp.Answer answer = running.get("/api/suggest" + query);
      assertEquals(400, answer.status(), query);
      assertEquals("bad_parameter", answer.json().get("error").get("code").asText(), query);
    }
  }

  @Test
  void misspelledQueryAnswersWithDidYouMeanAndResults() throws Exception {
    JsonNode json = running.get("/api/search?q=renualt").json();
    assertEquals("renault", json.get("didYouMean").asText());
    assertEquals("corrected", json.get("interpretation").get("match").asText());
    assertTrue(json.get("total").asInt() >= 3);
  }

  @Test
  void queryNamingABrandSaysSo() throws Exception {
    JsonNode json = running.get("/api/search?q=nissan%20sato").json();
    assertEquals("Nissan", json.get("interpretation").get("brands").get(0).asText());
    assertEquals("Kenji Sato", json.get("interpretation").get("persons").get(0).asText());
    assertTrue(json.get("didYouMean").isNull());
  }
}
