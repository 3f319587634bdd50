package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.carnews.embed.RememberedQueries;
import dev.carnews.embed.TextEmbedder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class QueryVectorTest {

  /** A model that records which thread embedded each query. */
  private static final class ThreadRecordingModel implements TextEmbedder {
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public float[] passage(String text) {
      return new float[] {1, 0};
    }

    @Override
    public float[] query(String text) {
      threads.add(Thread.currentThread().getName());
      return new float[] {0, text.length()};
    }

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public String name() {
      return "recording";
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
}
