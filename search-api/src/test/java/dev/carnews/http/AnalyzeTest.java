package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.preview.AnalyzeRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/analyze} on the real app with the bundled models, on an invented page. */
class AnalyzeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An invented page as a browser saves it: breadcrumbs, title, byline, story, promo, bio. */
  private static final String PAGE =
      String.join(
          "\n\n",
          "1. Home",
          "2. News",
          "Skoda opens a battery plant in Moravia",
          "The new site will supply the Elroq and the Enyaq from next spring.",
          "Hana Vesela",
          "Senior Editor",
          "Skoda chief executive Tomas Lindner opened the battery assembly plant near Brno on"
              + " Tuesday, with production of packs for the Elroq due to start in March.",
          "Mr Lindner said the site would employ 900 people. The plant will also send packs to"
              + " Volkswagen and Cupra factories in Germany and Spain.",
          "Plant manager Ondrej Kral said hiring had begun. Mr Lindner's predecessor had planned"
              + " a smaller site.",
          "Honest Advice, Better Deals, Happy Drivers",
          "Hana Vesela",
          "Senior Editor",
          "Hana Vesela has covered the Czech car industry for ten years.");

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  @Test
  void pageTextGivesResolvedPeopleExactOffsetsAndNoBylineAuthor() throws Exception {
    JsonNode answer = analyze(null, PAGE);

    assertEquals(List.of("Tomas Lindner", "Ondrej Kral"), names(answer.get("persons")));
    assertEquals(List.of("Hana Vesela"), strings(answer.get("authors")));
    List<String> brands = names(answer.get("brands"));
    assertTrue(brands.containsAll(List.of("Škoda", "Volkswagen", "Cupra")), brands.toString());

    int lindner = 0;
    for (JsonNode mention : answer.get("entities")) {
      assertEquals("text", mention.get("field").asText());
      String surface = mention.get("text").asText();
      assertEquals(
          surface, PAGE.substring(mention.get("start").asInt(), mention.get("end").asInt()));
      assertFalse(mention.get("canonical").asText().contains("Vesela"), mention.toString());
      if (mention.get("canonical").asText().equals("Tomas Lindner")) {
        lindner++;
      }
    }
    // "Skoda chief executive Tomas Lindner", "Mr Lindner", "Mr Lindner's"
    assertEquals(3, lindner);
  }

  @Test
  void titleMentionsPointIntoTheTitle() throws Exception {
    String title = "Tomas Lindner opens Skoda battery plant";
    String text = "Skoda boss Tomas Lindner opened the plant on Tuesday. Mr Lindner was pleased.";
    JsonNode answer = analyze(title, text);

    List<String> fields = new ArrayList<>();
    for (JsonNode mention : answer.get("entities")) {
      String field = mention.get("field").asText();
      fields.add(field);
      String source = field.equals("title") ? title : text;
      assertEquals(
          mention.get("text").asText(),
          source.substring(mention.get("start").asInt(), mention.get("end").asInt()));
    }
    assertEquals("title", fields.get(0));
    assertTrue(fields.contains("text"));
    JsonNode person = answer.get("persons").get(0);
    assertEquals("Tomas Lindner", person.get("name").asText());
    assertEquals(3, person.get("mentions").asInt());
  }

  @Test
  void clientBylinesAreAuthorsNotPeople() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", "Petra Novak tested the new Kia EV3 this week. Novak liked the range.");
    body.putArray("authors").add("Petra Novak");
    JsonNode answer = running.post("/api/analyze", body.toString()).json();

    assertEquals(List.of(), names(answer.get("persons")));
    assertEquals(List.of("Petra Novak"), strings(answer.get("authors")));
  }

  @Test
  void missingTextIsBadBody() throws Exception {
    RunningApp.Answer answer = running.post("/api/analyze", "{\"title\": \"Only a title\"}");
    assertEquals(400, answer.status());
    assertEquals("bad_body", answer.json().get("error").get("code").asText());
    assertEquals(400, running.post("/api/analyze", "not json").status());
    assertEquals(400, running.post("/api/analyze", "{\"text\": 42}").status());
  }

  @Test
  void overlongTextIsTooLarge() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", "a".repeat(AnalyzeRequest.MAX_TEXT_LENGTH + 1));
    RunningApp.Answer answer = running.post("/api/analyze", body.toString());
    assertEquals(413, answer.status());
    assertEquals("too_large", answer.json().get("error").get("code").asText());
  }

  private static JsonNode analyze(String title, String text) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    if (title != null) {
      body.put("title", title);
    }
    body.put("text", text);
    RunningApp.Answer answer = running.post("/api/analyze", body.toString());
    assertEquals(200, answer.status(), String.valueOf(answer.json()));
    return answer.json();
  }

  private static List<String> names(JsonNode entities) {
    List<String> names = new ArrayList<>();
    entities.forEach(entity -> names.add(entity.get("name").asText()));
    return names;
  }

  private static List<String> strings(JsonNode values) {
    List<String> result = new ArrayList<>();
    values.forEach(value -> result.add(value.asText()));
    return result;
  }
}
