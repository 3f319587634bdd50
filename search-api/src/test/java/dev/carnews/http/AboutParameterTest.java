package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code about} parameter of {@code GET /api/search} over HTTP. */
class AboutParameterTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  @Test
  void aboutNarrowsMentionsToCentralArticles() throws Exception {
    // Kenji Sato is tagged in a2 (fourth, salience 0.25) and a7 (second, salience 0.5).
    assertEquals(2, running.get("/api/search?person=Kenji+Sato").json().get("total").asInt());
    RunningApp.Answer about = running.get("/api/search?about=person:kenji+sato");
    assertEquals(200, about.status());
    assertEquals(1, about.json().get("total").asInt());
    assertEquals("a7", about.json().get("hits").get(0).get("id").asText());
  }

  @Test
  void malformedAboutIsBadParameter() throws Exception {
    RunningApp.Answer answer = running.get("/api/search?about=Renault");
    assertEquals(400, answer.status());
    assertEquals("bad_parameter", answer.json().get("error").get("code").asText());
  }
}
