package dev.carnews.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RememberedQueriesTest {

  /** A model that records what it was asked to embed; a text's vector is its length and hash. */
  private static final class CountingModel implements TextEmbedder {
    final List<String> queries = new ArrayList<>();
    final List<String> passages = new ArrayList<>();

    @Override
    public float[] passage(String text) {
      passages.add(text);
      return vectorOf(text);
    }

    @Override
    public float[] query(String text) {
      queries.add(text);
      return vectorOf(text);
    }

    static float[] vectorOf(String text) {
      return new float[] {text.length(), text.hashCode()};
    }

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  @Test
  void aQueryAskedAgainIsNotEmbeddedAgain() {
    CountingModel model = new CountingModel();
    RememberedQueries remembered = new RememberedQueries(model, 10);
    assertNull(remembered.rememberedQuery("electric suv range"));
    float[] first = remembered.query("electric suv range");
    float[] again = remembered.query("electric suv range");
    assertArrayEquals(CountingModel.vectorOf("electric suv range"), first);
    assertArrayEquals(first, again);
    assertArrayEquals(first, remembered.rememberedQuery("electric suv range"));
    assertEquals(List.of("electric suv range"), model.queries);
  }

  @Test
  void theLeastRecentlyUsedQueryIsForgottenFirst() {
    CountingModel model = new CountingModel();
    RememberedQueries remembered = new RememberedQueries(model, 2);
    remembered.query("a");
    remembered.query("b");
    remembered.query("a");
    remembered.query("c");
    assertEquals(2, remembered.size());
    assertNull(remembered.rememberedQuery("b"));
    remembered.query("a");
    remembered.query("b");
    assertEquals(List.of("a", "b", "c", "b"), model.queries);
  }

  @Test
  void aCallerChangingItsVectorDoesNotChangeTheRememberedOne() {
    RememberedQueries remembered = new RememberedQueries(new CountingModel(), 4);
    remembered.query("takeover talks")[0] = -1;
    remembered.rememberedQuery("takeover talks")[1] = -1;
    assertArrayEquals(
        CountingModel.vectorOf("takeover talks"), remembered.rememberedQuery("takeover talks"));
  }

  @Test
  void passagesAreAlwaysEmbedded() {
    CountingModel model = new CountingModel();
    RememberedQueries remembered = new RememberedQueries(model, 4);
    remembered.passage("Body.");
    remembered.passage("Body.");
    remembered.passages(List.of("Body."));
    assertEquals(3, model.passages.size());
    assertNull(remembered.rememberedQuery("Body."));
  }

  @Test
  void aroundLoadsTheModelOnceAtTheFirstGetAndSharesOneMemory() {
    int[] loads = {0};
    CountingModel model = new CountingModel();
    Supplier<TextEmbedder> lazy =
        () -> {
          loads[0]++;
          return model;
        };
    Supplier<TextEmbedder> around = RememberedQueries.around(lazy, 8);
    assertEquals(0, loads[0]);
    around.get().query("oil prices");
    around.get().query("oil prices");
    assertSame(around.get(), around.get());
    assertEquals(1, loads[0]);
    assertEquals(List.of("oil prices"), model.queries);
    assertSame(lazy, RememberedQueries.around(lazy, 0));
    assertThrows(IllegalArgumentException.class, () -> RememberedQueries.around(lazy, -1));
  }
}
