package dev.carnews.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link TextEmbedder} that remembers the vectors of the last queries it embedded, so a query
 * asked again is not embedded again: embedding a query is most of a search by meaning (4-6 ms of
 * bge-small on one core), and unlike an answer a query's vector stays right when the archive
 * changes. A newsroom's readers ask the same popular queries all day while every write that becomes
 * visible empties the answer cache; the vectors outlive those writes. Passages are never
 * remembered. Thread-safe.
 */
public final class RememberedQueries implements TextEmbedder {

  /** Query vectors kept when the operator does not say: about 7 MB of 384-number vectors. */
  public static final int DEFAULT_ENTRIES = 4096;

  private final TextEmbedder model;
  private final Map<String, float[]> vectors;

  /**
   * Remembers up to {@code entries} query vectors of {@code model}, the least recently used going
   * first.
   *
   * @throws IllegalArgumentException when {@code entries} is below 1
   */
  public RememberedQueries(TextEmbedder model, int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("remember at least one query vector, or none at all");
    }
    this.model = model;
    this.vectors =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > entries;
          }
        };
  }

  /**
   * {@code model} itself when {@code entries} is 0, else a supplier of one {@link
   * RememberedQueries} around it, made (and the model loaded) at the first {@code get()}, as {@code
   * model} loads it.
   *
   * @throws IllegalArgumentException when {@code entries} is negative
   */
  public static Supplier<TextEmbedder> around(Supplier<TextEmbedder> model, int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("query vectors kept must be >= 0, was " + entries);
    }
    if (entries == 0) {
      return model;
    }
    return new Once<>(() -> new RememberedQueries(model.get(), entries));
  }

  @Override
  public float[] query(String text) {
    float[] known = rememberedQuery(text);
    if (known != null) {
      return known;
    }
    float[] vector = model.query(text);
    synchronized (vectors) {
      vectors.put(text, vector.clone());
    }
    return vector;
  }

  /** A copy of the query's vector when it was embedded before and is still remembered. */
  @Override
  public float[] rememberedQuery(String text) {
    float[] known;
    synchronized (vectors) {
      known = vectors.get(text);
    }
    return known == null ? null : known.clone();
  }

  /** How many query vectors are remembered now. */
  public int size() {
    synchronized (vectors) {
      return vectors.size();
    }
  }

  @Override
  public float[] passage(String text) {
    return model.passage(text);
  }

  @Override
  public List<float[]> passages(List<String> texts) {
    return model.passages(texts);
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public String name() {
    return model.name();
  }
}
