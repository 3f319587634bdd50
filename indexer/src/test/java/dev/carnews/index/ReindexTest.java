package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilding an index from its stored articles: tagged again, oldest first, nothing dropped. */
class ReindexTest {

  /** A "new model": tags a brand for every article that names Kia. */
  private static final EntityTagger NEW_MODEL =
      article ->
          new TaggedArticle(
              article,
              article.authors(),
              List.of(),
              article.body().contains("Kia")
                  ? List.of(new Entity(EntityType.BRAND, "Kia", 1, 1.0))
                  : List.of(),
              List.of());

  private static Article article(String id, String body, int day) {
    return new Article(
        id,
        null,
        "Title of " + id,
        body,
        List.of("Jane Roe"),
        Instant.parse("2025-01-01T00:00:00Z").plusSeconds(86_400L * day),
        "news",
        List.of("tag"));
  }

  private static ArticleIndex oldIndex() throws IOException {
    ArticleIndex old = ArticleIndex.open(new ByteBuffersDirectory());
    // Written newest first, with no brand: the old model's work.
    for (int i = 9; i >= 0; i--) {
      old.write(
          new TaggedArticle(
              article("a" + i, i % 2 == 0 ? "Kia news " + i : "Other news " + i, i),
              List.of("Jane Roe"),
              List.of(),
              List.of(),
              List.of()));
    }
    old.commit();
    return old;
  }

  private static Optional<TaggedArticle> stored(ArticleIndex index, String id) throws IOException {
    index.refresh();
    IndexSearcher searcher = index.searchers().acquire();
    try {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1).scoreDocs;
      return hits.length == 0
          ? Optional.empty()
          : Optional.of(ArticleDocuments.fromStored(searcher.storedFields().document(hits[0].doc)));
    } finally {
      index.searchers().release(searcher);
    }
  }

  @Test
  void copyTagsEveryStoredArticleAgainOldestFirstAndKeepsItsFields() throws Exception {
    try (ArticleIndex old = oldIndex();
        ArticleIndex target = ArticleIndex.open(new ByteBuffersDirectory())) {
      List<Integer> progress = new ArrayList<>();
      IndexSearcher searcher = old.searchers().acquire();
      Reindex.Result result;
      try {
        result =
            Reindex.copy(searcher, target, () -> NEW_MODEL, 2, (done, total) -> progress.add(done));
      } finally {
        old.searchers().release(searcher);
      }
      target.commit();
      assertEquals(new Reindex.Result(10, 0), result);
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), progress);
      assertEquals(10, target.count());
      TaggedArticle kia = stored(target, "a4").orElseThrow();
      assertEquals(List.of("Kia"), kia.brands().stream().map(Entity::name).toList());
      assertEquals(article("a4", "Kia news 4", 4), kia.article());
      assertTrue(stored(target, "a3").orElseThrow().brands().isEmpty());
      assertTrue(stored(old, "a4").orElseThrow().brands().isEmpty(), "the source is only read");
    }
  }

  @Test
  void anArticleTheTaggerFailsOnKeepsItsStoredEntitiesInsteadOfBeingDropped() throws Exception {
    EntityTagger failing =
        article -> {
          if (article.id().equals("a2")) {
            throw new IllegalStateException("the model chokes");
          }
          return NEW_MODEL.tag(article);
        };
    try (ArticleIndex old = oldIndex();
        ArticleIndex target = ArticleIndex.open(new ByteBuffersDirectory())) {
      IndexSearcher searcher = old.searchers().acquire();
      try {
        assertEquals(
            new Reindex.Result(10, 1),
            Reindex.copy(searcher, target, () -> failing, 1, (done, total) -> {}));
      } finally {
        old.searchers().release(searcher);
      }
      assertEquals("Title of a2", stored(target, "a2").orElseThrow().article().title());
    }
  }

  @Test
  void replayWritesWhatTheSourceHoldsNowOrDeletesWhatItNoLongerHas() throws Exception {
    try (ArticleIndex old = oldIndex();
        ArticleIndex target = ArticleIndex.open(new ByteBuffersDirectory())) {
      IndexSearcher before = old.searchers().acquire();
      try {
        Reindex.copy(before, target, () -> NEW_MODEL, 1, (done, total) -> {});
      } finally {
        old.searchers().release(before);
      }
      // Writes after the copy's point in time.
      old.write(NEW_MODEL.tag(article("a1", "Now about Kia", 1)));
      old.delete("a3");
      old.refresh();
      IndexSearcher now = old.searchers().acquire();
      try {
        Reindex.replay(now, target, "a1", NEW_MODEL);
        Reindex.replay(now, target, "a3", NEW_MODEL);
      } finally {
        old.searchers().release(now);
      }
      assertEquals("Now about Kia", stored(target, "a1").orElseThrow().article().body());
      assertEquals(
          List.of("Kia"),
          stored(target, "a1").orElseThrow().brands().stream().map(Entity::name).toList());
      assertTrue(stored(target, "a3").isEmpty());
    }
  }

  @Test
  void aFolderIsPreparedOnlyWhenNewEmptyOrAnUnfinishedReindex(@TempDir Path work)
      throws IOException {
    Path fresh = work.resolve("fresh");
    Reindex.prepare(fresh);
    assertTrue(Reindex.unfinished(fresh));
    Files.writeString(fresh.resolve("_0.cfs"), "half a segment");
    Reindex.prepare(fresh);
    assertFalse(Files.exists(fresh.resolve("_0.cfs")), "an unfinished build starts over");
    Reindex.complete(fresh);
    assertFalse(Reindex.unfinished(fresh));
    Files.writeString(fresh.resolve("segments_1"), "an index");
    assertThrows(IOException.class, () -> Reindex.prepare(fresh));
    assertFalse(Reindex.discard(fresh), "a complete index is never discarded");
    assertTrue(Files.exists(fresh.resolve("segments_1")));
  }
}
