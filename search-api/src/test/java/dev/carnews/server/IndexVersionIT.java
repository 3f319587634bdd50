package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.IndexVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26: the packaged server refuses an index of a newer schema in one line that says what to
 * run, and serves an index from before versions were recorded.
 */
class IndexVersionIT {

  private static void rawIndex(Path folder, Map<String, String> data) throws Exception {
    try (Directory directory = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  @Test
  void anIndexOfANewerSchemaIsRefusedInOneLine(@TempDir Path folder) throws Exception {
    Path index = folder.resolve("index");
    rawIndex(index, Map.of(IndexVersion.SCHEMA, Integer.toString(IndexVersion.CURRENT + 1)));
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> JarServer.start(null, "--port", "0", "--index", index.toString(), "--no-sample"));
    List<String> cannot =
        refused.getMessage().lines().filter(line -> line.startsWith("Cannot start")).toList();
    assertEquals(1, cannot.size(), refused.getMessage());
    assertTrue(cannot.get(0).contains("newer than this build's"), cannot.get(0));
    assertTrue(cannot.get(0).contains("run the release that wrote it"), cannot.get(0));
    assertTrue(
        refused.getMessage().lines().noneMatch(line -> line.startsWith("\tat ")),
        "no stack trace: " + refused.getMessage());
  }

  @Test
  void anIndexFromBeforeVersionsIsServed(@TempDir Path folder) throws Exception {
    Path index = folder.resolve("index");
    rawIndex(index, Map.of());
    try (RunningJar server =
        RunningJar.start("--index", index.toString(), "--no-sample", "--no-vectors")) {
      assertEquals(200, server.get("/api/search?q=toyota").status());
    }
  }
}
