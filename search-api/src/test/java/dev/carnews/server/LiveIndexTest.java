package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.GroupCommitter;
import dev.carnews.ingest.Article;
import dev.carnews.search.Fixtures;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Issue 26: the served index switched under the searches and writes of the service. */
class LiveIndexTest {

  private static final TagsEntityTagger TAGGER = new TagsEntityTagger();

  private static ServedIndex served(String name, ArticleIndex index, IndexVersion base) {
    return new ServedIndex(
        Path.of(name),
        index,
        new GroupCommitter(index, Duration.ZERO),
        new LuceneNewsArchive(index),
        base);
  }

  private static Article article(String id) {
    return new Article(
        id, null, "Title " + id, "Body of " + id, List.of(), Instant.EPOCH, null, List.of());
  }

  @Test
  void writesAreJournaledWhileAReindexRunsAndGoToTheNewIndexAfterTheSwitch() throws Exception {
    ServedIndex old = served("old", Fixtures.index(), new IndexVersion(0, 0));
    LiveIndex live = new LiveIndex(old);
    SwitchingArchive archive = new SwitchingArchive(live);
    ArticleStore store = live.store();
    store.write(TAGGER.tag(article("before")));
    store.awaitDurable();
    assertEquals(Set.of(), live.drainJournal(), "no journal while no reindex runs");

    int seen = live.startJournal(served -> served.archive.count());
    store.write(TAGGER.tag(article("during")));
    store.delete("before");
    store.awaitDurable();
    assertEquals(Set.of("during", "before"), live.drainJournal());
    assertEquals(Fixtures.ARTICLES.size() + 1, seen, "the point in time has the earlier write");

    IndexVersion lastOld = archive.version();
    ArticleIndex fresh = ArticleIndex.open(new ByteBuffersDirectory());
    ServedIndex retired = live.switchTo(served -> served("new", fresh, served.next()));
    assertEquals(old, retired);
    IndexVersion firstNew = archive.version();
    assertTrue(
        firstNew.generation() > lastOld.generation(),
        "versions grow across the switch: " + lastOld + " then " + firstNew);

    store.write(TAGGER.tag(article("after")));
    store.awaitDurable();
    assertEquals(1, archive.count(), "the new index serves, with the write after the switch");
    assertTrue(archive.article("after").isPresent());
    assertEquals(Set.of(), live.drainJournal(), "the switch ends the journal");
    retired.retire();
    assertEquals(1, archive.count(), "searches pass the retired index by");
    live.current().close();
  }

  @Test
  void aWriteToTheOldIndexIsAcknowledgedAfterTheSwitchRetiredIt() throws Exception {
    LiveIndex live = new LiveIndex(served("old", Fixtures.index(), new IndexVersion(0, 0)));
    ArticleStore store = live.store();
    live.startJournal(served -> null);
    store.write(TAGGER.tag(article("late")));
    // The switch replays the journal into the new index before serving it; here, by hand.
    ArticleIndex fresh = ArticleIndex.open(new ByteBuffersDirectory());
    ServedIndex old =
        live.switchTo(
            served -> {
              for (String id : live.drainJournal()) {
                fresh.write(TAGGER.tag(article(id)));
              }
              fresh.commit();
              return served("new", fresh, served.next());
            });
    old.retire();
    // The old committer is closed: the write is durable in the index served now.
    store.awaitDurable();
    assertTrue(new SwitchingArchive(live).article("late").isPresent());
    live.current().close();
  }

  @Test
  void aSearchStartedOnTheOldIndexFinishesBeforeItIsClosed() throws Exception {
    LiveIndex live = new LiveIndex(served("old", Fixtures.index(), new IndexVersion(0, 0)));
    ArticleIndex fresh = ArticleIndex.open(new ByteBuffersDirectory());
    int counted =
        live.read(
            served -> {
              ServedIndex old = live.switchTo(s -> served("new", fresh, s.next()));
              Thread retire = new Thread(old::retire, "retire");
              retire.start();
              try {
                retire.join(200);
              } catch (InterruptedException e) {
                throw new IOException(e);
              }
              assertTrue(retire.isAlive(), "retiring waits for the search on the old index");
              return served.archive.count();
            });
    assertEquals(Fixtures.ARTICLES.size(), counted);
    assertEquals(0, new SwitchingArchive(live).count());
    live.current().close();
  }
}
