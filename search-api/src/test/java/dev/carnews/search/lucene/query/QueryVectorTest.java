package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.embed.RememberedQueries;
import dev.carnews.embed.TextEmbedder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class QueryVectorTest {

  /** A two-number model whose query vector is (0, the query's length); passages (1, 0). */
  private abstract static class FakeModel implements TextEmbedder {
    @Override
    public float[] passage(String text) {
      return new float[] {1, 0};
    }

    @Override
    public float[] query(String text) {
      return new float[] {0, text.length()};
    }

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public String name() {
      return getClass().getSimpleName();
    }
  }

  /** A model that records which thread embedded each query. */
  private static final class ThreadRecordingModel extends FakeModel {
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public float[] query(String text) {
      threads.add(Thread.currentThread().getName());
      return super.query(text);
    }
  }

  @Test
  void aQueryIsEmbeddedOnItsOwnThreadOnceThenRemembered() {
    ThreadRecordingModel model = new ThreadRecordingModel();
    TextEmbedder queries = new RememberedQueries(model, 16);
    float[] first = QueryVector.started(queries, "who builds the cheapest ev").get();
    float[] again = QueryVector.started(queries, "who builds the cheapest ev").get();
    assertArrayEquals(first, again);
    assertEquals(1, model.threads.size());
    assertNotEquals(Thread.currentThread().getName(), model.threads.get(0));
  }

  @Test
  void withoutMemoryEverySearchEmbedsItsQuery() {
    ThreadRecordingModel model = new ThreadRecordingModel();
    QueryVector.started(model, "takeover talks").get();
    QueryVector.started(model, "takeover talks").get();
    assertEquals(2, model.threads.size());
  }

  /** A model whose query waits until the test lets it go, or fails when told to. */
  private static final class HeldModel extends FakeModel {
    final CountDownLatch release = new CountDownLatch(1);
    volatile RuntimeException failure;

    @Override
    public float[] query(String text) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
      return super.query(text);
    }
  }

  @Test
  void theSearchWithTheVectorRunsOnTheEmbeddingsThreadOnceTheVectorIsThere() throws IOException {
    HeldModel model = new HeldModel();
    QueryVector vector = QueryVector.started(model, "battery plant");
    assertTrue(vector.embedding(), "still embedding while the model is held");
    List<String> searchedOn = new CopyOnWriteArrayList<>();
    QueryVector.Ahead<Float> ahead =
        vector.searchedAhead(
            known -> {
              searchedOn.add(Thread.currentThread().getName());
              return known[1];
            });
    assertFalse(ahead.isDone(), "no vector yet, so no search");
    model.release.countDown();
    assertEquals(13f, ahead.get());
    assertTrue(ahead.isDone());
    assertFalse(vector.embedding());
    assertEquals(List.of("search-by-meaning"), searchedOn);
  }

  @Test
  void aRememberedVectorIsSearchedAheadOnAThreadOfItsOwn() throws IOException {
    TextEmbedder queries = new RememberedQueries(new ThreadRecordingModel(), 4);
    QueryVector.started(queries, "takeover talks").get();
    QueryVector remembered = QueryVector.started(queries, "takeover talks");
    assertFalse(remembered.embedding(), "a remembered vector is there at once");
    List<String> searchedOn = new CopyOnWriteArrayList<>();
    float found =
        remembered
            .searchedAhead(
                known -> {
                  searchedOn.add(Thread.currentThread().getName());
                  return known[1];
                })
            .get();
    assertEquals(14f, found);
    assertNotEquals(Thread.currentThread().getName(), searchedOn.get(0));
  }

  @Test
  void failuresOfTheEmbeddingOrTheSearchAreThrownWhereTheAnswerIsTaken() {
    HeldModel failing = new HeldModel();
    failing.failure = new IllegalStateException("model gone");
    QueryVector vector = QueryVector.started(failing, "electric van");
    QueryVector.Ahead<Float> ahead = vector.searchedAhead(known -> known[1]);
    failing.release.countDown();
    IllegalStateException embedding = assertThrows(IllegalStateException.class, ahead::get);
    assertEquals("model gone", embedding.getMessage());

    QueryVector.Ahead<Float> broken =
        QueryVector.started(new ThreadRecordingModel(), "electric van")
            .searchedAhead(
                known -> {
                  throw new IOException("index gone");
                });
    IOException search = assertThrows(IOException.class, broken::get);
    assertEquals("index gone", search.getMessage());
  }
}
