package dev.carnews.search.lucene.query;

import dev.carnews.embed.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A query's vector, embedded on a thread of its own from the moment a search by meaning starts: the
 * search reads the query, parses it and ranks its words meanwhile, and {@link #get()} waits only
 * for what is left of the embedding. Thread-safe.
 */
public final class QueryVector implements Supplier<float[]> {

  /**
   * Where queries are embedded: daemon threads, one per concurrent search by meaning at most, idle
   * ones ended after a minute.
   */
  private static final ExecutorService MEANING =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "search-by-meaning");
            thread.setDaemon(true);
            return thread;
          });

  private final CompletableFuture<float[]> vector;

  private QueryVector(CompletableFuture<float[]> vector) {
    this.vector = vector;
  }

  /**
   * Starts embedding {@code q} with {@code queries}' query model; a vector {@code queries}
   * remembers is there at once, with no thread.
   */
  public static QueryVector started(TextEmbedder queries, String q) {
    float[] remembered = queries.rememberedQuery(q);
    if (remembered != null) {
      return new QueryVector(CompletableFuture.completedFuture(remembered));
    }
    return new QueryVector(CompletableFuture.supplyAsync(() -> queries.query(q), MEANING));
  }

  /**
   * Whether the query is still being embedded on a thread of its own (not remembered, not done).
   */
  public boolean embedding() {
    return !vector.isDone();
  }

  /** A search that needs the vector. */
  @FunctionalInterface
  public interface VectorSearch<T> {
    T search(float[] vector) throws IOException;
  }

  /** What a search started ahead finds; its failure is thrown here, as if it had searched here. */
  public interface Ahead<T> {
    T get() throws IOException;

    /** Whether {@link #get()} would answer without waiting. */
    boolean isDone();
  }

  /**
   * {@code search} with the vector, started ahead so that it runs beside what the caller does
   * meanwhile: on the embedding's thread as soon as the vector is there, or on a thread of its own
   * when it is there already (remembered).
   */
  public <T> Ahead<T> searchedAhead(VectorSearch<T> search) {
    Function<float[], T> searched =
        known -> {
          try {
            return search.search(known);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    CompletableFuture<T> found =
        vector.isDone() ? vector.thenApplyAsync(searched, MEANING) : vector.thenApply(searched);
    return new Ahead<>() {
      @Override
      public T get() throws IOException {
        try {
          return found.join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof UncheckedIOException io) {
            throw io.getCause();
          }
          throw rethrown(e);
        }
      }

      @Override
      public boolean isDone() {
        return found.isDone();
      }
    };
  }

  /** The vector, once embedded; an embedding that failed throws its exception here. */
  @Override
  public float[] get() {
    try {
      return vector.join();
    } catch (CompletionException e) {
      throw rethrown(e);
    }
  }

  /** What a task on another thread failed with, to throw on the caller's thread. */
  private static RuntimeException rethrown(CompletionException e) {
    if (e.getCause() instanceof RuntimeException failed) {
      return failed;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return e;
  }
}
