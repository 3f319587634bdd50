package dev.carnews.search.lucene;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The threads searches may spread over, and when spreading pays. A search alone on the machine
 * matches slices of segments and counts facets on several cores, so it answers sooner; when other
 * searches already keep the cores busy (an embedding query takes one of them), or the archive is
 * one large segment, spreading only adds hand-offs, so it runs on its caller's thread. Thread-safe.
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
   * Registers a running search that takes its caller's core, until the lease is closed; see {@link
   * #lease(IndexReader, int)}, with a reader whose work divides.
   */
  public Lease lease() {
    return lease(1, true);
  }

  /**
   * Registers a running search of {@code reader} that takes {@code cores} cores until the lease is
   * closed: one, its caller's, or two for a search that embeds its query on another thread
   * meanwhile. Its {@link Lease#pool()} is present while the cores the running searches take, this
   * one's included, number at most half the threads, and when the reader's work divides ({@link
   * #divides}).
   */
  public Lease lease(IndexReader reader, int cores) {
    return lease(cores, divides(reader));
  }

  /**
   * Whether a search of the reader has parts worth running in parallel: more than one segment, the
   * largest holding at most two thirds of the documents. A segment is matched and its facets
   * counted on one thread; an archive merged into one segment (and the small segments written
   * since) gains nothing from the pool but the hand-off: at 190,000 articles in one segment a
   * keyword search took 2.96 ms (p50) spread against 2.56 ms on its caller's thread.
   */
  public static boolean divides(IndexReader reader) {
    List<LeafReaderContext> leaves = reader.leaves();
    if (leaves.size() < 2) {
      return false;
    }
    long largest = 0;
    for (LeafReaderContext leaf : leaves) {
      largest = Math.max(largest, leaf.reader().maxDoc());
    }
    return largest * 3 <= (long) reader.maxDoc() * 2;
  }

  private Lease lease(int cores, boolean divides) {
    if (cores < 1) {
      throw new IllegalArgumentException("a search takes at least one core, was " + cores);
    }
    int now = running.addAndGet(cores);
    return new Lease(pool != null && divides && now * 2 <= threads ? pool : null, cores);
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
    private final int cores;
    private boolean closed;

    private Lease(ExecutorService granted, int cores) {
      this.granted = granted;
      this.cores = cores;
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
        running.addAndGet(-cores);
      }
    }
  }
}
