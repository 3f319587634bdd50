package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two jars together, as the README tells a newcomer: {@code indexer.jar index} on a page-text
 * dump, then {@code search-api.jar --index} on the same folder, then the questions an editor asks.
 */
class IndexThenServeIT {

  private static final Path PAGE =
      Path.of("..", "indexer", "src", "test", "resources", "entity", "volvo-plant-page.txt");

  @TempDir static Path folder;
  private static RunningJar server;

  @BeforeAll
  static void indexThePageAndStart() throws Exception {
    Path index = folder.resolve("index");
    Path indexer = Path.of("..", "indexer", "target", "indexer.jar");
    assertTrue(Files.exists(indexer), "package the indexer first: " + indexer.toAbsolutePath());
    Process run =
        new ProcessBuilder(
                RunningJar.java(),
                "-jar",
                indexer.toString(),
                "index",
                "--index",
                index.toString(),
                PAGE.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(run.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, run.exitValue(), out);
    assertTrue(out.contains("Indexed 1 new and 0 updated articles"), out);
    server = RunningJar.start("--index", index.toString());
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  @Test
  void theIndexedPageIsFoundWithItsEntities() throws Exception {
    RunningJar.Answer answer = server.get("/api/search?q=Ghent");

    assertEquals(200, answer.status());
    assertEquals(1, answer.json().get("total").asInt(), "only the indexed page, no sample corpus");
    JsonNode hit = answer.json().get("hits").get(0);
    assertEquals(
        "Volvo’s Ghent plant to build a second electric model – report", hit.get("title").asText());
    assertEquals("Harriet Olukoya", hit.get("author").asText());
    assertTrue(texts(hit.get("brands")).containsAll(List.of("Volvo", "Polestar", "Geely")));
    List<String> persons = texts(hit.get("persons"));
    assertTrue(
        persons.containsAll(List.of("Sigrún Østergaard", "Tomas van Leeuwen")), persons.toString());
    assertFalse(persons.contains("Harriet Olukoya"));
    assertTrue(hit.get("snippet").asText().contains("<mark>Ghent</mark>"), hit.toString());
    assertTrue(hit.get("published").isNull(), "the page states no date");
  }

  @Test
  void filtersIgnoreCaseAndAccents() throws Exception {
    assertEquals(
        1, server.get("/api/search?person=Sigrun%20Ostergaard").json().get("total").asInt());
    assertEquals(1, server.get("/api/search?brand=volvo").json().get("total").asInt());
    assertEquals(0, server.get("/api/search?brand=Ford").json().get("total").asInt());
  }

  @Test
  void badParametersAnswer400WithTheErrorShape() throws Exception {
    for (String query :
        List.of("size=0", "size=1000", "from=notadate", "page=-1", "sort=sideways")) {
      RunningJar.Answer answer = server.get("/api/search?" + query);
      assertEquals(400, answer.status(), query);
      assertEquals(400, answer.json().get("error").get("status").asInt(), query);
      assertFalse(answer.json().get("error").get("message").asText().isBlank(), query);
    }
  }
}
