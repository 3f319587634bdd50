package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carnews.index.IndexPointer;
import dev.carnews.index.Reindex;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 26, faults of a reindex: the service is killed with SIGKILL while a reindex copies, and
 * while it switches (before and after the pointer moves), each at a step made deterministic by the
 * test property {@code carnews.reindex.hold}, with writers writing. Killed while copying, the live
 * index is untouched and served again, and a rerun deletes the unfinished build and completes.
 * Killed while switching, the service comes back on exactly one of the two indexes, the one the
 * pointer names, with every acknowledged write.
 */
class ReindexKillIT {

  private static final int OLD_ARTICLES = 600;
  private static final Duration HELD = Duration.ofMinutes(10);

  @Test
  void killedWhileCopyingTheLiveIndexIsUntouchedAndARerunCompletes(@TempDir Path folder)
      throws Exception {
    Path home = folder.resolve("index");
    ReindexLoad.buildOldIndex(home, OLD_ARTICLES);
    HttpClient client = HttpClient.newHttpClient();
    ReindexLoad load;
    String unfinished;
    try (JarServer server =
        JarServer.startWith(
            List.of("-D" + LocalReindex.HOLD + "=copying"), ReindexLoad.KEY, options(home))) {
      load = new ReindexLoad(server.port()).start(2, 1, OLD_ARTICLES);
      try {
        unfinished = ReindexLoad.startReindex(client, server.port()).get("to").asText();
        assertTrue(server.awaitOutput("Reindex held at copying", HELD), "never held");
        server.kill();
      } finally {
        load.close();
      }
    }
    assertFalse(Files.exists(IndexPointer.fileOf(home)), "no pointer before a switch");
    assertTrue(Reindex.unfinished(folder.resolve(unfinished)), "the build is marked unfinished");
    BackupRestoreIT.assertClean(home);
    try (JarServer again = JarServer.start(ReindexLoad.KEY, options(home))) {
      int port = again.port();
      assertEquals(0, ReindexLoad.renaultArticles(client, port), "the old index is served");
      int checked = load.verify(port);
      ReindexLoad.startReindex(client, port);
      JsonNode done = ReindexLoad.awaitReindex(client, port, new ArrayList<>());
      assertEquals("done", done.get("state").asText(), done.toString());
      assertEquals(OLD_ARTICLES, ReindexLoad.renaultArticles(client, port));
      load.verify(port);
      assertEquals(
          Set.of("index", "index.current", done.get("to").asText()),
          names(folder),
          "the rerun deleted the unfinished build");
      System.out.printf(
          "ReindexKillIT: killed while copying; the old index was served again with all %d"
              + " acknowledged ids; the rerun deleted %s and switched to %s%n",
          checked, unfinished, done.get("to").asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"switching", "switched"})
  void killedWhileSwitchingTheServiceComesBackOnOneIndexWithEveryWrite(
      String step, @TempDir Path folder) throws Exception {
    Path home = folder.resolve("index");
    ReindexLoad.buildOldIndex(home, OLD_ARTICLES);
    HttpClient client = HttpClient.newHttpClient();
    ReindexLoad load;
    String built;
    try (JarServer server =
        JarServer.startWith(
            List.of("-D" + LocalReindex.HOLD + "=" + step), ReindexLoad.KEY, options(home))) {
      load = new ReindexLoad(server.port()).start(2, 1, OLD_ARTICLES);
      try {
        built = ReindexLoad.startReindex(client, server.port()).get("to").asText();
        assertTrue(server.awaitOutput("Reindex held at " + step, HELD), "never held");
        server.kill();
      } finally {
        load.close();
      }
    }
    boolean switched = step.equals("switched");
    assertEquals(switched, Files.exists(IndexPointer.fileOf(home)));
    Path served = IndexPointer.resolve(home);
    assertEquals(switched ? built : "index", served.getFileName().toString());
    BackupRestoreIT.assertClean(served);
    try (JarServer again = JarServer.start(ReindexLoad.KEY, options(home))) {
      int port = again.port();
      assertEquals(
          switched ? OLD_ARTICLES : 0,
          ReindexLoad.renaultArticles(client, port),
          "served from exactly the index the pointer names");
      int checked = load.verify(port);
      assertTrue(load.acknowledgedWrites.get() > 0, "writes were acknowledged before the kill");
      System.out.printf(
          "ReindexKillIT: killed %s; the service came back on %s with all %d acknowledged ids"
              + " (%d acknowledged writes)%n",
          step, served.getFileName(), checked, load.acknowledgedWrites.get());
    }
    if (switched) {
      assertFalse(Reindex.unfinished(served), "the served build is complete");
    }
  }

  private static String[] options(Path home) {
    return new String[] {"--port", "0", "--index", home.toString(), "--no-sample", "--no-vectors"};
  }

  private static Set<String> names(Path folder) throws Exception {
    Set<String> names = new TreeSet<>();
    try (var entries = Files.list(folder)) {
      entries.forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }
}
