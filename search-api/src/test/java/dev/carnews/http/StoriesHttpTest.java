package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: versions of one article share a story through HTTP writes, searches collapse them,
 * editors see a story's versions, and deleting a story's first article orphans none of the rest.
 * The articles are invented.
 */
class StoriesHttpTest {

  private static final String[] AUTH = WritesTest.AUTH;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PLANT =
      "The carmaker Velora said on Tuesday it would build a battery plant near the river port of"
          + " Drenton, investing 1.2 billion euros and hiring 2,400 workers by 2028. The plant will"
          + " make cells for the small electric hatchback the company plans to launch next year,"
          + " the chief executive told reporters at the site. Local officials welcomed the"
          + " decision, which ends a two-year search for a location. Construction is due to start"
          + " in the spring once the regional council approves the permits, the company said.";

  private static final String ADDED =
      "Shares of Velora rose three percent in afternoon trading after the announcement. Analysts"
          + " said the plant would cut the cost of the company's cells by about a fifth.";

  private RunningApp running;
  private GroupCommitter committer;

  @BeforeEach
  void start() throws Exception {
    running = new RunningApp(this::withWrites);
    put("v1", "Velora to build battery plant in Drenton", PLANT, "2026-03-03T09:00:00Z");
    put(
        "v2",
        "CORRECTED-Velora to build battery plant in Drenton",
        PLANT.replace("2,400", "2,100"),
        "2026-03-03T10:00:00Z");
    put(
        "v3",
        "Velora battery plant in Drenton lifts shares",
        PLANT.replace("2,400", "2,100") + "\n\n" + ADDED,
        "2026-03-03T14:00:00Z");
    for (int week = 1; week <= 3; week++) {
      put(
          "prices-" + week,
          "Velora used-car price index",
          "The used-car price index of Velora dealers stood at "
              + (100 + 7 * week)
              + " points in week "
              + week
              + ", a change of "
              + (week + 1)
              + " points from the week before, the dealers said in their weekly report. Prices"
              + " of compact models moved most, while large saloons were little changed.",
          "2026-0" + (week + 3) + "-01T09:00:00Z");
    }
  }

  @AfterEach
  void stop() throws IOException {
    running.close();
    committer.close();
  }

  private AppOptions withWrites(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(
            new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(WritesTest.KEY)));
  }

  private void put(String id, String title, String body, String published) throws Exception {
    ObjectNode article = JSON.createObjectNode();
    article.put("title", title).put("body", body).put("published", published);
    int status = running.send("PUT", "/api/articles/" + id, article.toString(), AUTH).status();
    assertEquals(201, status, id);
  }

  private JsonNode story(String articleId) throws Exception {
    return running.get("/api/articles/" + articleId).json().get("story");
  }

  @Test
  void versionsShareTheFirstArticlesStoryAndRecurringReportsDoNot() throws Exception {
    assertEquals("v1", story("v3").get("id").asText());
    assertEquals(3, story("v2").get("versions").asInt());
    assertEquals("prices-2", story("prices-2").get("id").asText());
    assertEquals(1, story("prices-2").get("versions").asInt());
  }

  @Test
  void deletingAStorysFirstArticleKeepsTheOtherVersionsInOneStory() throws Exception {
    assertEquals(200, running.send("DELETE", "/api/articles/v1", "", AUTH).status());
    assertEquals("v2", story("v2").get("id").asText());
    assertEquals("v2", story("v3").get("id").asText());
    assertEquals(2, story("v3").get("versions").asInt());
    assertEquals(404, running.get("/api/stories/v1").status());
    assertEquals(2, running.get("/api/stories/v2").json().get("versions").size());
  }

  @Test
  void storyListsVersionsOldestFirstWithWhatChanged() throws Exception {
    JsonNode versions = running.get("/api/stories/v1").json().get("versions");
    assertEquals(List.of("v1", "v2", "v3"), ids(versions));
    assertFalse(versions.get(0).has("changes"));
    JsonNode corrected = versions.get(1).get("changes");
    assertTrue(corrected.get("titleChanged").asBoolean());
    assertEquals(1, corrected.get("paragraphsAdded").size());
    assertEquals(1, corrected.get("paragraphsRemoved").size());
    JsonNode updated = versions.get(2).get("changes");
    assertEquals(List.of(ADDED), texts(updated.get("paragraphsAdded")));
    assertEquals(0, updated.get("paragraphsRemoved").size());
    assertEquals(404, running.get("/api/stories/no-such-story").status());
  }

  @Test
  void relatedLeavesTheArticlesOwnVersionsOutAndListsThemApart() throws Exception {
    JsonNode related = running.get("/api/articles/v2/related?size=20").json();
    List<String> hits = ids(related.get("hits"));
    assertFalse(hits.contains("v1") || hits.contains("v3"), hits.toString());
    assertEquals(List.of("v1", "v3"), ids(related.get("versions")));
  }

  @Test
  void collapsedSearchShowsOneHitPerStoryWithItsVersions() throws Exception {
    JsonNode all = running.get("/api/search?q=%2Bvelora+%2Bplant").json();
    assertEquals(3, all.get("hits").size());
    assertFalse(all.get("hits").get(0).has("story"), "no story without collapse");
    JsonNode collapsed = running.get("/api/search?q=%2Bvelora+%2Bplant&collapse=story").json();
    assertEquals(1, collapsed.get("hits").size());
    assertEquals("v1", collapsed.get("hits").get(0).get("story").get("id").asText());
    assertEquals(3, collapsed.get("hits").get(0).get("story").get("versions").asInt());
    JsonNode newest =
        running.get("/api/search?q=%2Bvelora+%2Bplant&collapse=story&sort=newest").json();
    assertEquals("v3", newest.get("hits").get(0).get("id").asText());
  }

  @Test
  void collapsedPagesAndCursorsNeverRepeatAStory() throws Exception {
    for (String sort : List.of("newest", "relevance")) {
      String base = "/api/search?q=velora&collapse=story&size=1&sort=" + sort;
      Set<String> byPage = new HashSet<>();
      for (int page = 1; page <= 6; page++) {
        for (JsonNode hit : running.get(base + "&page=" + page).json().get("hits")) {
          assertTrue(byPage.add(hit.get("story").get("id").asText()), sort + " page " + page);
        }
      }
      assertEquals(4, byPage.size(), sort + ": the plant story and three weekly reports");
      Set<String> byCursor = new HashSet<>();
      JsonNode answer = running.get(base).json();
      while (true) {
        for (JsonNode hit : answer.get("hits")) {
          assertTrue(byCursor.add(hit.get("story").get("id").asText()), sort + " " + byCursor);
        }
        if (answer.get("next").isNull()) {
          break;
        }
        String after = URLEncoder.encode(answer.get("next").asText(), StandardCharsets.UTF_8);
        answer = running.get(base + "&after=" + after).json();
      }
      assertEquals(byPage, byCursor, sort);
    }
  }

  @Test
  void unknownCollapseIs400() throws Exception {
    RunningApp.Answer answer = running.get("/api/search?q=velora&collapse=everything");
    assertEquals(400, answer.status());
    assertEquals("bad_parameter", answer.json().get("error").get("code").asText());
  }

  @Test
  void feedsAndEntityScopesValidateCollapseAndSignificantLikeTheSearch() throws Exception {
    String feed = "/api/search.json-feed?q=%2Bvelora+%2Bplant";
    assertEquals(3, running.get(feed).json().get("items").size(), "every version by default");
    JsonNode collapsed = running.get(feed + "&collapse=story").json().get("items");
    assertEquals(1, collapsed.size(), "one item per story: " + collapsed);
    assertEquals(400, running.get(feed + "&collapse=everything").status());
    assertEquals(400, running.get("/api/search.atom?q=velora&collapse=everything").status());
    RunningApp.Answer scope = running.get("/api/entities/brand/Velora?collapse=everything");
    assertEquals(400, scope.status());
    assertEquals("bad_parameter", scope.json().get("error").get("code").asText());
    assertEquals(400, running.get(feed + "&significant=author").status());
    assertEquals(400, running.get("/api/entities/brand/Velora?significant=author").status());
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
