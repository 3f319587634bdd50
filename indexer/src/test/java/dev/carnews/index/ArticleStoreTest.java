package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The single writes of the local store: what they report and when they are on disk. */
class ArticleStoreTest {

  private static TaggedArticle tagged(String id) {
    Article article =
        new Article(id, null, "Title " + id, "Body.", List.of(), null, null, List.of());
    return new TaggedArticle(article, List.of(), List.of(), List.of(), List.of());
  }

  /** How many articles a fresh process would see: the last commit only. */
  private static int committed(Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.numDocs();
    }
  }

  @Test
  void aSingleWriteSaysWhetherItCreatedOrReplaced() throws Exception {
    try (Directory directory = new ByteBuffersDirectory();
        ArticleIndex index = ArticleIndex.open(directory)) {
      ArticleStore store = ArticleStore.of(index);
      assertEquals(new WriteResult("a1", true), store.write(tagged("a1")));
      assertEquals(new WriteResult("a1", false), store.write(tagged("a1")));
    }
  }

  @Test
  void aDeleteSaysWhetherTheArticleExisted() throws Exception {
    try (Directory directory = new ByteBuffersDirectory();
        ArticleIndex index = ArticleIndex.open(directory)) {
      ArticleStore store = ArticleStore.of(index);
      store.write(tagged("a1"));
      assertTrue(store.delete("a1"));
      assertFalse(store.delete("a1"));
      assertFalse(store.delete("never-written"));
    }
  }

  @Test
  void awaitDurableCommitsTheWritesAndDeletesWithoutACommitter() throws Exception {
    try (Directory directory = new ByteBuffersDirectory();
        ArticleIndex index = ArticleIndex.open(directory)) {
      ArticleStore store = ArticleStore.of(index);
      store.write(tagged("a1"));
      store.write(tagged("a2"));
      store.awaitDurable();
      assertEquals(2, committed(directory));
      assertEquals(2, index.count(), "searchable too");
      store.delete("a1");
      store.awaitDurable();
      assertEquals(1, committed(directory));
    }
  }

  @Test
  void awaitDurableWaitsForTheGroupCommitter() throws Exception {
    try (Directory directory = new ByteBuffersDirectory();
        ArticleIndex index = ArticleIndex.open(directory);
        GroupCommitter committer = new GroupCommitter(index, Duration.ZERO)) {
      ArticleStore store = ArticleStore.of(index, committer);
      store.write(tagged("a1"));
      store.awaitDurable();
      assertEquals(1, committed(directory));
      assertTrue(store.delete("a1"));
      store.awaitDurable();
      assertEquals(0, committed(directory));
    }
  }

  @Test
  void aBatchWriteIsToldAtOnceAndCommitMakesItDurable() throws Exception {
    try (Directory directory = new ByteBuffersDirectory();
        ArticleIndex index = ArticleIndex.open(directory)) {
      ArticleStore store = ArticleStore.of(index);
      List<WriteResult> told = new ArrayList<>();
      ArticleStore.Outcome outcome =
          new ArticleStore.Outcome() {
            @Override
            public void written(WriteResult result) {
              told.add(result);
            }

            @Override
            public void rejected(String id, String reason) {
              throw new AssertionError("rejected " + id + ": " + reason);
            }
          };
      store.write(tagged("a1"), outcome);
      store.write(tagged("a1"), outcome);
      assertEquals(List.of(new WriteResult("a1", true), new WriteResult("a1", false)), told);
      store.commit();
      assertEquals(1, committed(directory));
    }
  }
}
