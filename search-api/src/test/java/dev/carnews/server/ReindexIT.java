package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carnews.index.IndexPointer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, reindex without downtime: the jar reindexes its live index while readers search and
 * writers put and delete articles. No request fails, every acknowledged write is in the new index,
 * the new index answers with what only tagging again gives (a brand facet the old tagger did not
 * find), and after a restart the service opens the new index through its pointer, the old one still
 * on disk.
 */
class ReindexIT {

  private static final int OLD_ARTICLES = Integer.getInteger("reindex.articles", 2_000);

  @Test
  void aLiveServiceReindexesUnderLoadWithoutAFailedRequestOrALostWrite(@TempDir Path folder)
      throws Exception {
    Path home = folder.resolve("index");
    ReindexLoad.buildOldIndex(home, OLD_ARTICLES);
    String[] options = {"--port", "0", "--index", home.toString(), "--no-sample", "--no-vectors"};
    HttpClient client = HttpClient.newHttpClient();
    JsonNode done;
    List<JsonNode> seen = new ArrayList<>();
    ReindexLoad load;
    try (JarServer server = JarServer.start(ReindexLoad.KEY, options)) {
      int port = server.port();
      assertEquals(0, ReindexLoad.renaultArticles(client, port), "the old tagger found no brand");
      assertEquals(
          "idle", ReindexLoad.getJson(client, port, "/api/admin/reindex").get("state").asText());
      load = new ReindexLoad(port).start(2, 2, OLD_ARTICLES);
      try {
        JsonNode started = ReindexLoad.startReindex(client, port);
        assertEquals("copying", started.get("state").asText(), started.toString());
        done = ReindexLoad.awaitReindex(client, port, seen);
        // Some more load on the new index, then stop.
        int before = load.acknowledgedWrites.get();
        while (load.acknowledgedWrites.get() < before + 20 && load.failures.isEmpty()) {
          Thread.sleep(50);
        }
      } finally {
        load.close();
      }
      assertEquals("done", done.get("state").asText(), done.toString());
      assertTrue(load.failures.isEmpty(), "failed requests: " + load.failures);
      assertEquals(OLD_ARTICLES, done.get("articles").asLong());
      assertEquals(OLD_ARTICLES, done.get("copied").asLong());
      assertTrue(done.get("replayed").asLong() > 0, "writes arrived during the copy: " + done);
      assertTrue(
          seen.stream()
                  .anyMatch(s -> s.get("secondsLeft").asLong() >= 0 && s.get("copied").asLong() > 0)
              || seen.size() < 2,
          "progress with an estimate while it ran: " + seen);
      int checked = load.verify(port);
      assertEquals(
          OLD_ARTICLES,
          ReindexLoad.renaultArticles(client, port),
          "answers after the switch come from the index tagged again");
      Path served = IndexPointer.resolve(home);
      assertEquals(done.get("to").asText(), served.getFileName().toString());
      assertTrue(Files.isDirectory(home), "the old index is kept");
      System.out.printf(
          "ReindexIT: %d articles reindexed at %.0f articles/s under load (%d reads, %d"
              + " acknowledged writes, 0 failed); %d writes replayed; %d acknowledged ids checked,"
              + " 0 lost%n",
          OLD_ARTICLES,
          done.get("articlesPerSecond").asDouble(),
          load.reads.get(),
          load.acknowledgedWrites.get(),
          done.get("replayed").asLong(),
          checked);
    }
    BackupRestoreIT.assertClean(IndexPointer.resolve(home));
    try (JarServer again = JarServer.start(ReindexLoad.KEY, options)) {
      assertEquals(OLD_ARTICLES, ReindexLoad.renaultArticles(client, again.port()));
      load.verify(again.port());
    }
    Set<String> names = new TreeSet<>();
    try (var entries = Files.list(folder)) {
      entries.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertEquals(Set.of("index", "index.current", done.get("to").asText()), names);
  }
}
