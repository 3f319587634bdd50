package dev.carnews.search.lucene;

import java.io.Closeable;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads searches may spread over, and when spreading pays. A search alone on the machine
 * matches slices of segments and counts facets on several cores, so it answers sooner; when other
 * searches already keep the cores busy, spreading only adds hand-offs, so it runs on its caller's
 * thread. Thread-safe.
 */
public final class SearchThreads implements Closeable {

  private final int threads;
  private final ExecutorService pool;
  private final AtomicInteger running = new AtomicInteger();

  private SearchThreads(int threads, ExecutorService pool) {
    this.threads = threads;
    this.pool = pool;
  }

  /** One search thread per core. */
  public static int defaultCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Every search on its caller's thread alone. */
  public static SearchThreads sequential() {
    return new SearchThreads(1, null);
  }

  /**
   * A pool of {@code threads} daemon threads named {@code search-N}; one thread means {@link
   * #sequential()}.
   *
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public static SearchThreads of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("search threads must be >= 1, was " + threads);
    }
    if (threads == 1) {
      return sequential();
    }
    AtomicInteger count = new AtomicInteger();
    return new SearchThreads(
        threads,
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "search-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            }));
  }

  /** How many threads a search may use. */
  public int threads() {
    return threads;
  }

  /**
   * Registers a running search until the lease is closed. Its {@link Lease#pool()} is present while
   * the running searches, this one included, number at most half the threads.
   */
  public Lease lease() {
    int now = running.incrementAndGet();
    return new Lease(pool != null && now * 2 <= threads ? pool : null);
  }

  /** Stops the pool's threads once their work is done. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** One running search's share of the threads. */
  public final class Lease implements AutoCloseable {
    private final ExecutorService granted;
    private boolean closed;

    private Lease(ExecutorService granted) {
      this.granted = granted;
    }

    /** The pool to spread this search over, or empty to run it on the caller's thread. */
    public Optional<ExecutorService> pool() {
      return Optional.ofNullable(granted);
    }

    /** Ends the search's registration; closing twice has no further effect. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        running.decrementAndGet();
      }
    }
  }
}
