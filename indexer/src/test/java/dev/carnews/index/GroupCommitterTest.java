package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 6: a write is on disk when {@link GroupCommitter#awaitDurable()} returns. */
class GroupCommitterTest {

  private static TaggedArticle tagged(String id) {
    Article article =
        new Article(id, null, "Title " + id, "Body.", List.of(), null, null, List.of());
    return new TaggedArticle(article, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void concurrentWritersAreAllOnDiskWhenReleased(@TempDir Path folder) throws Exception {
    try (ArticleIndex index = ArticleIndex.open(folder);
        GroupCommitter committer = new GroupCommitter(index, Duration.ofMillis(1))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          String id = "a" + i;
          writes.add(
              pool.submit(
                  () -> {
                    index.write(tagged(id));
                    committer.awaitDurable();
                    // What a fresh process would open: the last commit only.
                    try (Directory directory = FSDirectory.open(folder);
                        DirectoryReader committed = DirectoryReader.open(directory)) {
                      if (committed.numDocs() == 0) {
                        throw new AssertionError(id + " was released before a commit");
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> write : writes) {
          write.get();
        }
      } finally {
        pool.shutdownNow();
      }
      try (Directory directory = FSDirectory.open(folder);
          DirectoryReader committed = DirectoryReader.open(directory)) {
        assertEquals(200, committed.numDocs());
      }
    }
  }

  @Test
  void aFailedCommitFailsItsWaitersAndTheNextCommitWorks(@TempDir Path folder) throws Exception {
    FailingSync directory = new FailingSync(FSDirectory.open(folder));
    try (ArticleIndex index = ArticleIndex.open(directory);
        GroupCommitter committer = new GroupCommitter(index, Duration.ZERO)) {
      index.write(tagged("lost"));
      directory.failing = true;
      assertThrows(IOException.class, committer::awaitDurable);
      directory.failing = false;
      index.write(tagged("kept"));
      committer.awaitDurable();
      assertEquals(2, index.count());
    }
  }

  /** A directory whose fsync fails on demand, as a failing disk would. */
  private static final class FailingSync extends FilterDirectory {
    volatile boolean failing;

    FailingSync(Directory in) {
      super(in);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
      if (failing) {
        throw new IOException("simulated fsync failure");
      }
      super.sync(names);
    }
  }
}
