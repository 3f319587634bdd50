package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12: {@code facets=} and {@code facetSize=} choose the facet lists a search answers with.
 */
class FacetSelectionTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  @Test
  void withoutFacetsParameterEveryListIsAnsweredAsBefore() throws Exception {
    JsonNode facets = running.get("/api/search?q=electric").json().get("facets");
    assertEquals(List.of("brand", "author", "person", "date"), names(facets));
  }

  @Test
  void aSubsetListsOnlyTheAskedFacetsInResponseOrderWithTheSameCounts() throws Exception {
    JsonNode all = running.get("/api/search?q=electric").json();
    JsonNode some = running.get("/api/search?q=electric&facets=month,brand").json();
    assertEquals(List.of("brand", "date"), names(some.get("facets")));
    assertEquals(all.get("facets").get("brand"), some.get("facets").get("brand"));
    assertEquals(all.get("facets").get("date"), some.get("facets").get("date"));
    JsonNode repeated = running.get("/api/search?q=electric&facets=person&facets=author").json();
    assertEquals(List.of("author", "person"), names(repeated.get("facets")));
    assertEquals(withoutFacetsAndTook(all), withoutFacetsAndTook(some));
  }

  @Test
  void anEmptyFacetsValueCountsNoneAndKeepsHitsAndTotal() throws Exception {
    JsonNode all = running.get("/api/search?q=renault&brand=Nissan").json();
    JsonNode none = running.get("/api/search?q=renault&brand=Nissan&facets=").json();
    assertEquals(0, none.get("facets").size());
    assertEquals(withoutFacetsAndTook(all), withoutFacetsAndTook(none));
    assertTrue(none.get("total").asInt() > 0);
  }

  @Test
  void facetSizeBoundsTheNameLists() throws Exception {
    JsonNode all = running.get("/api/search?q=electric").json().get("facets");
    assertTrue(all.get("brand").size() > 1, "the fixture needs two brands for electric");
    JsonNode one = running.get("/api/search?q=electric&facetSize=1").json().get("facets");
    assertEquals(1, one.get("brand").size());
    assertEquals(all.get("brand").get(0), one.get("brand").get(0));
    assertEquals(1, one.get("person").size());
    assertEquals(all.get("date"), one.get("date"), "the months are all listed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "facets=brands",
        "facets=brand,colour",
        "facets=%3Cscript%3E",
        "facetSize=0",
        "facetSize=101",
        "facetSize=ten"
      })
  void badFacetParametersAre400(String parameter) throws Exception {
    RunningApp.Answer answer = running.get("/api/search?q=electric&" + parameter);
    assertEquals(400, answer.status(), answer.response().body());
    assertEquals("bad_parameter", answer.json().get("error").get("code").asText());
  }

  private static List<String> names(JsonNode facets) {
    List<String> names = new ArrayList<>();
    facets.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode withoutFacetsAndTook(JsonNode answer) {
    ObjectNode copy = answer.deepCopy();
    copy.remove("facets");
    copy.remove("tookMs");
    return copy;
  }
}
