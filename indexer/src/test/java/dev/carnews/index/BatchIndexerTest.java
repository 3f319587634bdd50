package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.curation.DecisionKind;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.ArticleSources;
import dev.carnews.ingest.CountingSink;
import dev.carnews.ingest.ProgressListener;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchIndexerTest {

  @TempDir Path folder;

  /** Tags nothing, so the test is about the batch, not the NLP. */
  private static final EntityTagger PLAIN =
      article -> new TaggedArticle(article, article.authors(), List.of(), List.of(), List.of());

  private void writeInputs() throws IOException {
    Files.writeString(
        folder.resolve("feed.jsonl"),
        """
        {"id": "a1", "title": "Kestrel Motors opens a plant", "body": "The plant builds vans."}
        {"id": "a2", "title": broken json
        {"id": "a3", "title": "Kestrel Motors shows a ute", "body": "The ute has a long tray."}
        {"id": "a4", "body": "no title here"}
        """,
        StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("notes.docx"), "not an article", StandardCharsets.UTF_8);
  }

  private static BatchIndexer.Summary run(ArticleIndex index, EntityTagger tagger, Path folder)
      throws Exception {
    return new BatchIndexer(index, () -> tagger, 2)
        .index(
            ArticleSources.standard(),
            List.of(folder),
            ReadOptions.defaults(),
            ProgressListener.none());
  }

  @Test
  void badInputsAreReportedAndTheBatchGoesOn() throws Exception {
    writeInputs();
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      BatchIndexer.Summary summary = run(index, PLAIN, folder);

      assertEquals(2, summary.read());
      assertEquals(2, summary.created());
      assertEquals(0, summary.updated());
      assertEquals(2, index.count());
      List<String> skipped = summary.skips().stream().map(CountingSink.Skip::location).toList();
      assertTrue(skipped.stream().anyMatch(s -> s.endsWith("feed.jsonl:2")), skipped.toString());
      assertTrue(skipped.stream().anyMatch(s -> s.endsWith("feed.jsonl:4")), skipped.toString());
      assertTrue(skipped.stream().anyMatch(s -> s.endsWith("notes.docx")), skipped.toString());
    }
  }

  @Test
  void reindexingTheSameIdsUpdatesInsteadOfDuplicating() throws Exception {
    writeInputs();
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      run(index, PLAIN, folder);
      BatchIndexer.Summary again = run(index, PLAIN, folder);

      assertEquals(0, again.created());
      assertEquals(2, again.updated());
      assertEquals(2, index.count());
    }
  }

  @Test
  void anArticleTheTaggerFailsOnIsSkippedWithItsId() throws Exception {
    writeInputs();
    EntityTagger failsOnA3 =
        article -> {
          if (article.id().equals("a3")) {
            throw new IllegalStateException("model exploded");
          }
          return PLAIN.tag(article);
        };
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      BatchIndexer.Summary summary = run(index, failsOnA3, folder);

      assertEquals(1, summary.created());
      assertTrue(
          summary.skips().stream()
              .anyMatch(s -> s.location().equals("article a3") && s.reason().contains("exploded")),
          summary.skips().toString());
    }
  }

  @Test
  void threadsMustBePositive() {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> new BatchIndexer(index, () -> PLAIN, 0));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void articlesIndexedAfterADecisionAreShownThroughIt() throws Exception {
    writeInputs();
    EntityTagger kestrel =
        article ->
            new TaggedArticle(
                article,
                article.authors(),
                List.of(),
                List.of(new Entity(EntityType.BRAND, "Kestrel", 1, 0.9)),
                List.of());
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.curate(
          c ->
              c.decide(
                  DecisionKind.ALIAS,
                  EntityType.BRAND,
                  "Kestrel",
                  "Kestrel Motors",
                  "",
                  "key-test",
                  Instant.parse("2026-12-06T00:00:00Z")));
      run(index, kestrel, folder);
      IndexSearcher searcher = index.searchers().acquire();
      try {
        Document a1 =
            searcher
                .storedFields()
                .document(
                    searcher.search(new TermQuery(new Term(ArticleSchema.ID, "a1")), 1)
                        .scoreDocs[0]
                        .doc);
        assertEquals(List.of("Kestrel Motors"), ArticleDocuments.shownFromStored(a1).brandNames());
        assertEquals(List.of("Kestrel"), ArticleDocuments.fromStored(a1).brandNames());
      } finally {
        index.searchers().release(searcher);
      }
    }
  }
}
