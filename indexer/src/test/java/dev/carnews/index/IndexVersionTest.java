package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.cli.IndexerCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 26: every index records its schema and model versions; another schema is refused. */
class IndexVersionTest {

  private static Map<String, String> userData(Path folder) throws IOException {
    try (Directory directory = FSDirectory.open(folder)) {
      return SegmentInfos.readLatestCommit(directory).getUserData();
    }
  }

  /** An index as another build left it: no documents, this commit user data. */
  private static void rawIndex(Path folder, Map<String, String> data) throws IOException {
    try (Directory directory = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  @Test
  void aNewIndexRecordsTheSchemaAndTheModelsThatTaggedIt(@TempDir Path folder) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      index.recordModels(Map.of("entities", "sha256:0123", "embedding", "bge-small-en-v15-q"));
    }
    Map<String, String> data = userData(folder);
    assertEquals(Integer.toString(IndexVersion.CURRENT), data.get(IndexVersion.SCHEMA));
    assertEquals("sha256:0123", data.get("carnews.model.entities"));
    assertEquals("bge-small-en-v15-q", data.get("carnews.model.embedding"));
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      assertEquals(data, index.versions(), "a later writer keeps what the index recorded");
    }
  }

  @Test
  void anIndexFromBeforeVersionsIsSchemaOneAndIsStampedSo(@TempDir Path folder) throws IOException {
    rawIndex(folder, Map.of());
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      assertEquals("1", index.versions().get(IndexVersion.SCHEMA));
    }
    assertEquals("1", userData(folder).get(IndexVersion.SCHEMA));
  }

  @Test
  void anIndexOfANewerSchemaIsRefusedAndLeftAsItWas(@TempDir Path folder) throws IOException {
    String newer = Integer.toString(IndexVersion.CURRENT + 1);
    rawIndex(folder, Map.of(IndexVersion.SCHEMA, newer));
    IndexVersion.IncompatibleIndexException refused =
        assertThrows(
            IndexVersion.IncompatibleIndexException.class, () -> ArticleIndex.open(folder));
    assertTrue(refused.getMessage().contains("schema version " + newer), refused.getMessage());
    assertTrue(refused.getMessage().contains("run the release that wrote it"));
    assertEquals(newer, userData(folder).get(IndexVersion.SCHEMA));

    CommandLine cli = IndexerCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    assertEquals(1, cli.execute("restory", "--index", folder.toString()));
    String said = err.toString().strip();
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.startsWith("Refusing the index: "), said);
  }
}
