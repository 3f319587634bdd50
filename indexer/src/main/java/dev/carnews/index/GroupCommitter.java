package dev.carnews.index;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: a writer that needs its write on disk calls {@link #awaitDurable()} after the write
 * and is released only when an {@link ArticleIndex#commit()} that started after that call has
 * returned. One committer thread serves every waiter, so concurrent writers share one fsync instead
 * of paying one each.
 *
 * <p>A failed commit fails every waiter it covered with the commit's {@link IOException}; a later
 * commit is attempted for the next waiter.
 */
public final class GroupCommitter implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  private final ArticleIndex index;
  private final long gatherNanos;
  private final Thread committer;
  private final Object lock = new Object();

  /** The last ticket handed out; a ticket is covered by a commit that started after it. */
  private long requested;

  /** Every ticket up to this one is durable. */
  private long committed;

  /** Every ticket up to this one that is not durable failed with {@link #failure}. */
  private long failedThrough;

  private IOException failure;
  private boolean closed;

  /**
   * Starts the committer thread.
   *
   * @param index the index to commit
   * @param gather how long the committer waits after the first waiter to gather more writes into
   *     the same commit (zero commits at once)
   */
  public GroupCommitter(ArticleIndex index, Duration gather) {
    this.index = Objects.requireNonNull(index, "index");
    if (gather.isNegative()) {
      throw new IllegalArgumentException("gather must not be negative");
    }
    this.gatherNanos = gather.toNanos();
    this.committer = new Thread(this::run, "group-commit");
    this.committer.setDaemon(true);
    this.committer.start();
  }

  /**
   * Blocks until every write this thread made before the call is committed to disk.
   *
   * @throws IOException when the commit covering the call failed (the writes may be lost)
   * @throws InterruptedException when interrupted while waiting; durability is then unknown
   */
  public void awaitDurable() throws IOException, InterruptedException {
    synchronized (lock) {
      if (closed) {
        throw new IOException("the index is closing");
      }
      long ticket = ++requested;
      lock.notifyAll();
      while (committed < ticket) {
        if (failedThrough >= ticket) {
          throw new IOException("commit failed: " + failure.getMessage(), failure);
        }
        if (closed) {
          throw new IOException("the index closed before the write was committed");
        }
        lock.wait();
      }
    }
  }

  private void run() {
    while (true) {
      long target;
      synchronized (lock) {
        while (!closed && requested <= Math.max(committed, failedThrough)) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (closed) {
          return;
        }
      }
      if (gatherNanos > 0) {
        try {
          Thread.sleep(Duration.ofNanos(gatherNanos).toMillis(), (int) (gatherNanos % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      synchronized (lock) {
        // Every ticket handed out so far was taken after its write: this commit covers them all.
        target = requested;
      }
      IOException failed = null;
      try {
        index.commit();
      } catch (IOException e) {
        failed = e;
      } catch (RuntimeException e) {
        // An IndexWriter closed by a tragic event throws AlreadyClosedException.
        failed = new IOException(e.getMessage(), e);
      }
      synchronized (lock) {
        if (failed == null) {
          committed = target;
        } else {
          LOG.error(
              "Commit failed; {} waiting write(s) are not durable", target - committed, failed);
          failure = failed;
          failedThrough = target;
        }
        lock.notifyAll();
      }
    }
  }

  /** Stops the committer; waiters still waiting fail. Does not close the index. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      committer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
