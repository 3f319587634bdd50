package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.ingest.Article;
import dev.carnews.preview.EntityPreviews;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a merge, a hide and an alias made over HTTP reach every answer (facets and counts,
 * filters, entity page, directory, trending, suggest, feeds, analyze, article detail), and undoing
 * them gives back the earlier answers exactly.
 */
class CurationRoutesTest {

  private static final String KEY = "curation-key-0123456789abcdef";
  private static final String[] AUTH = {"Authorization", "Bearer " + KEY};

  private RunningApp running;

  /** The answers compared before and after: each a GET path. */
  private static final List<String> ANSWERS =
      List.of(
          "/api/search?facetSize=50",
          "/api/search?person=Sato",
          "/api/search?brand=Nissan",
          "/api/search?person=Kenji%20Sato&facetSize=50",
          "/api/entities/person/Kenji%20Sato",
          "/api/entities?type=person&size=100",
          "/api/entities?type=brand&size=100",
          "/api/trending?type=person,brand&from=2025-07-01&to=2025-08-31&min=1&size=50",
          "/api/suggest?q=amp",
          "/api/suggest?q=sat",
          "/api/search.json-feed?person=Kenji%20Sato",
          "/api/articles/a8",
          "/api/articles/a9");

  /** Finds the few names it knows in the text, as the real tagger would. */
  private static final class KnownNames implements EntityTagger {
    private static final Map<String, EntityType> NAMES =
        Map.of("Sato", EntityType.PERSON, "Ampere", EntityType.PERSON, "Nissan", EntityType.BRAND);

    @Override
    public TaggedArticle tag(Article article) {
      String text = TaggedArticle.textOf(article);
      List<Entity> persons = new ArrayList<>();
      List<Entity> brands = new ArrayList<>();
      List<Mention> mentions = new ArrayList<>();
      for (Map.Entry<String, EntityType> name : new TreeMap<>(NAMES).entrySet()) {
        int at = text.indexOf(name.getKey());
        if (at >= 0) {
          Entity entity = new Entity(name.getValue(), name.getKey(), 1, 0.5);
          (name.getValue() == EntityType.PERSON ? persons : brands).add(entity);
          mentions.add(
              new Mention(
                  name.getValue(), name.getKey(), at, at + name.getKey().length(), name.getKey()));
        }
      }
      return new TaggedArticle(article, article.authors(), persons, brands, mentions);
    }
  }

  @BeforeEach
  void start() throws IOException {
    ArticleIndex index = Fixtures.index();
    TagsEntityTagger tagger = new TagsEntityTagger();
    index.write(
        tagger.tag(
            Fixtures.article(
                "a8",
                "Sato visits the Nissan plant",
                "Sato toured the line and met the workers.",
                "Jane Doe",
                "2025-08-16T10:00:00Z",
                "brand:Nissan",
                "person:Sato")));
    index.write(
        tagger.tag(
            Fixtures.article(
                "a9",
                "Ampere plans a new electric hatchback",
                "Ampere will build the hatchback with Renault from 2026.",
                "Ana Lima",
                "2025-08-10T10:00:00Z",
                "brand:Renault",
                "person:Ampere")));
    index.write(
        tagger.tag(
            Fixtures.article(
                "a10",
                "Nissan Motor opens a design studio",
                "The studio works on the next crossover.",
                "Paul Grey",
                "2025-08-12T10:00:00Z",
                "brand:Nissan Motor")));
    index.commit();
    running =
        new RunningApp(
            index,
            i ->
                AppOptions.defaults()
                    .withWrites(
                        new ArticleWriter(i, new GroupCommitter(i, Duration.ZERO), () -> tagger),
                        ApiKeys.of(List.of(KEY)))
                    .withCuration(CurationStore.of(i)),
            new EntityPreviews(KnownNames::new));
  }

  @AfterEach
  void stop() throws IOException {
    running.close();
  }

  private Map<String, JsonNode> answers() throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String path : ANSWERS) {
      RunningApp.Answer answer = running.get(path);
      assertEquals(200, answer.status(), path + " " + answer.response().body());
      answers.put(path, withoutTimings(answer.json()));
    }
    answers.put("analyze", analyze());
    return answers;
  }

  private JsonNode analyze() throws Exception {
    RunningApp.Answer answer =
        running.post(
            "/api/analyze",
            "{\"title\":\"Sato and Ampere\",\"text\":\"Sato met Ampere at Nissan Motor.\"}");
    assertEquals(200, answer.status(), answer.response().body());
    return answer.json();
  }

  private static JsonNode withoutTimings(JsonNode json) {
    if (json instanceof ObjectNode object) {
      object.remove("tookMs");
    }
    return json;
  }

  private RunningApp.Answer decide(String body) throws Exception {
    return running.send("POST", "/api/curation/decisions", body, AUTH);
  }

  private static List<String> facet(JsonNode search, String dim) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : search.path("facets").path(dim)) {
      values.add(value.path("value").asText() + "=" + value.path("count").asLong());
    }
    return values;
  }

  private static List<String> names(JsonNode list, String field) {
    List<String> names = new ArrayList<>();
    list.forEach(node -> names.add(node.path(field).asText()));
    return names;
  }

  @Test
  void mergeHideAndAliasReachEveryAnswerAndUndoRestoresThemExactly() throws Exception {
    Map<String, JsonNode> before = answers();
    assertTrue(facet(before.get("/api/search?facetSize=50"), "person").contains("Sato=1"));

    RunningApp.Answer merge =
        decide(
            "{\"kind\":\"merge\",\"type\":\"person\",\"value\":\"Sato\","
                + "\"target\":\"Kenji Sato\",\"note\":\"one person\"}");
    assertEquals(201, merge.status(), merge.response().body());
    assertEquals("d1", merge.json().path("decision").path("id").asText());
    assertEquals(ApiKeys.nameOf(KEY), merge.json().path("decision").path("who").asText());
    assertEquals("editor", merge.json().path("decision").path("source").asText());
    assertEquals(1, merge.json().path("rewritten").asInt());
    RunningApp.Answer hide =
        decide("{\"kind\":\"not-an-entity\",\"type\":\"person\",\"value\":\"Ampere\"}");
    assertEquals(201, hide.status(), hide.response().body());
    assertEquals("hide", hide.json().path("decision").path("kind").asText());
    RunningApp.Answer alias =
        decide(
            "{\"kind\":\"alias\",\"type\":\"brand\",\"value\":\"Nissan Motor\","
                + "\"target\":\"Nissan\"}");
    assertEquals(201, alias.status(), alias.response().body());

    JsonNode all = running.get("/api/search?facetSize=50").json();
    List<String> persons = facet(all, "person");
    assertTrue(persons.contains("Kenji Sato=3"), persons.toString());
    assertFalse(persons.toString().contains("Ampere"), persons.toString());
    assertFalse(persons.contains("Sato=1"), persons.toString());
    List<String> brands = facet(all, "brand");
    assertTrue(brands.contains("Nissan=4"), brands.toString());
    assertFalse(brands.toString().contains("Nissan Motor"), brands.toString());
    // Filters name the merged value and still find the entity's articles.
    assertEquals(3, running.get("/api/search?person=Sato").json().path("total").asLong());
    assertEquals(4, running.get("/api/search?brand=Nissan%20Motor").json().path("total").asLong());
    JsonNode page = running.get("/api/entities/person/Sato").json();
    assertEquals("Kenji Sato", page.path("name").asText());
    assertEquals(3, page.path("count").asLong());
    List<String> directory =
        names(running.get("/api/entities?type=person&size=100").json().path("entities"), "name");
    assertTrue(directory.contains("Kenji Sato"));
    assertFalse(directory.contains("Sato") || directory.contains("Ampere"), directory.toString());
    String trending =
        running
            .get("/api/trending?type=person,brand&from=2025-07-01&to=2025-08-31&min=1&size=50")
            .response()
            .body();
    assertFalse(trending.contains("\"Ampere\"") || trending.contains("\"Sato\""), trending);
    JsonNode suggestedBefore = before.get("/api/suggest?q=amp");
    assertTrue(suggestedBefore.toString().contains("\"text\":\"Ampere\",\"type\":\"person\""));
    for (JsonNode suggestion : running.get("/api/suggest?q=amp").json().path("suggestions")) {
      assertFalse(
          suggestion.path("text").asText().equals("Ampere")
              && suggestion.path("type").asText().equals("person"),
          suggestion.toString());
    }
    assertEquals(3, running.get("/api/search.json-feed?person=Sato").json().path("items").size());
    JsonNode a8 = running.get("/api/articles/a8").json();
    assertTrue(
        a8.toString().contains("Kenji Sato") && !a8.toString().contains("\"Sato\""), a8.toString());
    JsonNode a9 = running.get("/api/articles/a9").json();
    assertFalse(a9.path("persons").toString().contains("Ampere"), a9.toString());
    JsonNode analyzed = analyze();
    assertEquals(List.of("Kenji Sato"), names(analyzed.path("persons"), "name"));
    assertEquals(List.of("Nissan"), names(analyzed.path("brands"), "name"));

    // An article written after the decisions is shown through them.
    RunningApp.Answer put =
        running.send(
            "PUT",
            "/api/articles/n1",
            "{\"title\":\"Sato again\",\"body\":\"More from Sato.\",\"tags\":[\"person:Sato\"],"
                + "\"published\":\"2025-08-20T10:00:00Z\"}",
            AUTH);
    assertEquals(201, put.status(), put.response().body());
    assertTrue(running.get("/api/articles/n1").response().body().contains("Kenji Sato"));
    assertEquals(200, running.send("DELETE", "/api/articles/n1", "", AUTH).status());

    JsonNode log = running.get("/api/curation/decisions").json();
    assertEquals(List.of("d3", "d2", "d1"), names(log.path("decisions"), "id"));
    JsonNode history = running.get("/api/curation/entities/person/Kenji%20Sato").json();
    assertEquals(List.of("d1"), names(history.path("decisions"), "id"));
    JsonNode hidden = running.get("/api/curation/entities/person/ampere").json();
    assertTrue(hidden.path("shownAs").isMissingNode() || hidden.path("shownAs").isNull());

    for (String id : List.of("d3", "d2", "d1")) {
      RunningApp.Answer undo =
          running.send(
              "POST", "/api/curation/decisions/" + id + "/undo", "{\"note\":\"test\"}", AUTH);
      assertEquals(201, undo.status(), undo.response().body());
      assertEquals("undo", undo.json().path("decision").path("kind").asText());
    }
    Map<String, JsonNode> after = answers();
    for (String path : before.keySet()) {
      assertEquals(before.get(path), after.get(path), path);
    }
    JsonNode undone = running.get("/api/curation/entities/person/Sato").json();
    assertEquals(List.of("d1", "d6"), names(undone.path("decisions"), "id"));
    assertFalse(undone.path("decisions").get(0).path("active").asBoolean());
  }

  @Test
  void filtersNamingARetypedValueFindItsArticlesUnderItsNewType() throws Exception {
    assertEquals(1, running.get("/api/search?person=Ampere").json().path("total").asLong());
    RunningApp.Answer retype =
        decide(
            "{\"kind\":\"retype\",\"type\":\"person\",\"value\":\"Ampere\","
                + "\"target\":\"brand\"}");
    assertEquals(201, retype.status(), retype.response().body());

    // A saved person=Ampere link finds what brand=Ampere finds: Renault's EV division's article.
    JsonNode asPerson = running.get("/api/search?person=ampere").json();
    JsonNode asBrand = running.get("/api/search?brand=Ampere").json();
    assertEquals(1, asBrand.path("total").asLong());
    assertEquals(ids(asBrand), ids(asPerson));
    assertEquals(
        1,
        running.get("/api/search?person=Ampere&author=Ana%20Lima").json().path("total").asLong());
    assertEquals(
        0,
        running.get("/api/search?person=Ampere&author=Jane%20Doe").json().path("total").asLong());
    assertEquals(1, running.get("/api/search?about=person:Ampere").json().path("total").asLong());
    assertEquals(1, running.get("/api/search.json-feed?person=Ampere").json().path("items").size());
    JsonNode page = running.get("/api/entities/person/Ampere").json();
    assertEquals("brand", page.path("type").asText());
    assertEquals(1, page.path("count").asLong());
    // Filters that no longer say one thing are refused, naming the retyped value.
    RunningApp.Answer mixed = running.get("/api/search?person=Ampere&person=Sato");
    assertError(mixed, 400);
    assertTrue(mixed.response().body().contains("Ampere"), mixed.response().body());
    RunningApp.Answer twoBrandFilters = running.get("/api/search?person=Ampere&brand=Renault");
    assertError(twoBrandFilters, 400);
    assertEquals(1, running.get("/api/search?person=Sato").json().path("total").asLong());

    assertEquals(201, running.send("POST", "/api/curation/decisions/d1/undo", "", AUTH).status());
    assertEquals(1, running.get("/api/search?person=Ampere").json().path("total").asLong());
    assertEquals(0, running.get("/api/search?brand=Ampere").json().path("total").asLong());
  }

  @Test
  void automaticLinksAreListedWithEvidenceAppliedThroughTheStoreAndUndoable() throws Exception {
    assertEquals(401, running.get("/api/curation/links").status());
    assertError(running.send("GET", "/api/curation/links?windowDays=-1", "", AUTH), 400);
    assertError(running.send("GET", "/api/curation/links?windowDays=x", "", AUTH), 400);
    assertError(
        running.send("POST", "/api/curation/links/apply", "{\"windowDays\":\"9\"}", AUTH), 400);
    assertEquals(401, running.send("POST", "/api/curation/links/apply", "").status());

    JsonNode sato = link(running.send("GET", "/api/curation/links", "", AUTH).json(), "Sato");
    assertEquals("Kenji Sato", sato.path("target").asText());
    assertEquals("proposed", sato.path("state").asText());
    assertEquals("surname", sato.path("form").asText());
    assertEquals(1, sato.path("articles").asInt());
    assertEquals("2025-08-16", sato.path("firstSeen").asText());
    assertEquals("Kenji Sato", sato.path("candidates").get(0).path("name").asText());
    String id = sato.path("id").asText();
    assertTrue(id.startsWith("a-"), id);

    RunningApp.Answer applied =
        running.send("POST", "/api/curation/links/apply", "{\"windowDays\":90}", AUTH);
    assertEquals(200, applied.status(), applied.response().body());
    assertEquals(1, applied.json().path("links").asInt());
    assertEquals(1, applied.json().path("rewritten").asInt());
    assertEquals(3, running.get("/api/search?person=Sato").json().path("total").asLong());
    assertFalse(facet(running.get("/api/search").json(), "person").contains("Sato=1"));
    JsonNode log = running.get("/api/curation/decisions").json();
    assertEquals(List.of(id), names(log.path("automatic"), "id"));
    assertEquals("auto", log.path("automatic").get(0).path("source").asText());
    assertEquals(
        "applied",
        link(running.send("GET", "/api/curation/links", "", AUTH).json(), "Sato")
            .path("state")
            .asText());

    // An editor's undo of the link holds when the links are applied again.
    assertEquals(
        201, running.send("POST", "/api/curation/decisions/" + id + "/undo", "", AUTH).status());
    assertEquals(1, running.get("/api/search?person=Sato").json().path("total").asLong());
    RunningApp.Answer again = running.send("POST", "/api/curation/links/apply", "", AUTH);
    assertEquals(200, again.status(), again.response().body());
    assertEquals(1, again.json().path("undone").asInt());
    assertEquals(0, again.json().path("rewritten").asInt());
    assertEquals(1, running.get("/api/search?person=Sato").json().path("total").asLong());
    assertEquals(
        "undone",
        link(running.send("GET", "/api/curation/links", "", AUTH).json(), "Sato")
            .path("state")
            .asText());
  }

  private static JsonNode link(JsonNode proposal, String value) {
    for (JsonNode link : proposal.path("links")) {
      if (link.path("value").asText().equals(value)) {
        return link;
      }
    }
    throw new AssertionError(value + " not linked: " + proposal);
  }

  private static List<String> ids(JsonNode search) {
    return names(search.path("hits"), "id");
  }

  @Test
  void badDecisionsAreRefusedWithJsonErrors() throws Exception {
    assertEquals(
        401,
        running
            .send(
                "POST",
                "/api/curation/decisions",
                "{\"kind\":\"hide\",\"type\":\"person\",\"value\":\"Ampere\"}")
            .status());
    RunningApp.Answer wrongKey =
        running.send(
            "POST",
            "/api/curation/decisions",
            "{\"kind\":\"hide\",\"type\":\"person\",\"value\":\"Ampere\"}",
            "Authorization",
            "Bearer not-the-key-0123456789");
    assertEquals(403, wrongKey.status());
    assertEquals("forbidden", wrongKey.json().path("error").path("code").asText());
    assertError(decide("{\"kind\":\"delete\",\"type\":\"person\",\"value\":\"A\"}"), 400);
    assertError(decide("{\"kind\":\"merge\",\"type\":\"person\",\"target\":\"A B\"}"), 400);
    assertError(decide("{\"kind\":\"merge\",\"type\":\"author\",\"value\":\"A\"}"), 400);
    assertError(decide("{\"kind\":\"retype\",\"type\":\"person\",\"value\":\"A\"}"), 400);
    assertError(decide("[1]"), 400);
    assertError(decide("not json"), 400);
    assertError(running.send("POST", "/api/curation/decisions/d42/undo", "", AUTH), 404);
    assertEquals(
        201, decide("{\"kind\":\"hide\",\"type\":\"person\",\"value\":\"Ampere\"}").status());
    assertEquals(201, running.send("POST", "/api/curation/decisions/d1/undo", "", AUTH).status());
    assertError(running.send("POST", "/api/curation/decisions/d1/undo", "", AUTH), 409);
    assertError(running.get("/api/curation/entities/author/Jane%20Doe"), 400);
  }

  @Test
  void candidatesNameBareSurnamesWithTheirFullName() throws Exception {
    JsonNode candidates = running.get("/api/curation/candidates").json().path("candidates");
    JsonNode sato = null;
    for (JsonNode candidate : candidates) {
      if (candidate.path("name").asText().equals("Sato")) {
        sato = candidate;
      }
    }
    assertTrue(sato != null, candidates.toString());
    assertEquals("Kenji Sato", sato.path("suggestion").asText());
    assertTrue(sato.path("reasons").toString().contains("surname"));
    assertFalse(sato.has("lowConfidence"), sato.toString());
    assertTrue(candidates.toString().contains("\"Ampere\""));
  }

  @Test
  void candidatesListValuesTheModelTaggedWithLowConfidenceUntilAnEditorDecides() throws Exception {
    TaggedArticle tagged =
        new TagsEntityTagger()
            .tag(
                Fixtures.article(
                    "u1",
                    "Brakwater opens a plant",
                    "Brakwater said the plant opens in May.",
                    "Ana Lima",
                    "2025-08-18T10:00:00Z",
                    "person:Brakwater"));
    // As the real tagger records it: the name model was unsure of Brakwater.
    running.index.write(
        new TaggedArticle(
            tagged.article(),
            tagged.authors(),
            tagged.persons(),
            tagged.brands(),
            tagged.mentions(),
            null,
            Map.of("Brakwater", 0.28)));
    running.index.commit();
    JsonNode unsure = candidate("Brakwater");
    assertTrue(unsure.path("reasons").toString().contains("low_confidence"), unsure.toString());
    assertEquals(1, unsure.path("lowConfidence").asInt(), unsure.toString());

    assertEquals(
        201, decide("{\"kind\":\"hide\",\"type\":\"person\",\"value\":\"Brakwater\"}").status());
    assertEquals(null, candidate("Brakwater"));
  }

  private JsonNode candidate(String name) throws Exception {
    for (JsonNode candidate : running.get("/api/curation/candidates").json().path("candidates")) {
      if (candidate.path("name").asText().equals(name)) {
        return candidate;
      }
    }
    return null;
  }

  private static void assertError(RunningApp.Answer answer, int status) {
    assertEquals(status, answer.status(), answer.response().body());
    assertTrue(answer.json().path("error").has("code"), answer.response().body());
  }
}
