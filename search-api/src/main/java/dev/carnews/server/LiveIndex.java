package dev.carnews.server;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The local index the service serves now, which a reindex can replace while requests go on.
 * Searches run on the current {@link ServedIndex} under its use lock; writes run under a read lock
 * of {@link #writes}, which the switch takes exclusively, so a write lands either wholly before the
 * switch (in the old index, and replayed into the new one under that lock) or wholly after it (in
 * the new one). While a reindex runs, the id of every write and delete is kept in a journal, for
 * the reindex to replay.
 */
final class LiveIndex {

  /** Held shared by every write, exclusively by the start of a journal and by the switch. */
  private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();

  private volatile ServedIndex current;

  /** The ids written or deleted since a reindex's point in time; null when none runs. */
  private volatile Set<String> journal;

  /** The index the calling thread last wrote to, for {@link Store#awaitDurable()}. */
  private final ThreadLocal<ServedIndex> lastWritten = new ThreadLocal<>();

  LiveIndex(ServedIndex first) {
    this.current = Objects.requireNonNull(first, "first");
  }

  /** The index served now (for what outlives no switch: a description, a size). */
  ServedIndex current() {
    return current;
  }

  /** A use of the served index that may throw. */
  @FunctionalInterface
  interface Use<T> {
    T on(ServedIndex served) throws IOException;
  }

  /**
   * Runs {@code use} on the index served now, which stays open until it returns, even if a switch
   * replaces it meanwhile.
   */
  <T> T read(Use<T> use) throws IOException {
    while (true) {
      ServedIndex served = current;
      if (served.use.readLock().tryLock()) {
        try {
          if (!served.retired) {
            return use.on(served);
          }
        } finally {
          served.use.readLock().unlock();
        }
      }
      // Being retired: a switch has already made another index current.
      Thread.onSpinWait();
    }
  }

  /**
   * Starts keeping the ids of writes, and runs {@code pointInTime} on the served index with no
   * write in flight: everything written before is in what it sees, everything after in the journal.
   */
  <T> T startJournal(Use<T> pointInTime) throws IOException {
    writes.writeLock().lock();
    try {
      journal = ConcurrentHashMap.newKeySet();
      return pointInTime.on(current);
    } finally {
      writes.writeLock().unlock();
    }
  }

  /** Takes the ids journaled so far out of the journal (empty when none runs). */
  Set<String> drainJournal() {
    Set<String> kept = journal;
    if (kept == null) {
      return Set.of();
    }
    Set<String> drained = Set.copyOf(kept);
    kept.removeAll(drained);
    return drained;
  }

  /** Stops keeping ids (the reindex ended, or failed). */
  void stopJournal() {
    journal = null;
  }

  /** What a switch does with writes held: catch up, commit, move the pointer; the new index. */
  @FunctionalInterface
  interface Switch {
    ServedIndex switchFrom(ServedIndex old) throws IOException;
  }

  /**
   * Holds every write while {@code step} brings the new index up to date and makes it the one that
   * serves after a restart, then serves it; returns the old one, which the caller retires.
   */
  ServedIndex switchTo(Switch step) throws IOException {
    writes.writeLock().lock();
    try {
      ServedIndex old = current;
      current = step.switchFrom(old);
      journal = null;
      return old;
    } finally {
      writes.writeLock().unlock();
    }
  }

  /** The writes of the API, to whichever index is served when they arrive. */
  ArticleStore store() {
    return new Store();
  }

  private void journal(String id) {
    Set<String> kept = journal;
    if (kept != null) {
      kept.add(id);
    }
  }

  private final class Store implements ArticleStore {

    @Override
    public void write(TaggedArticle article, Outcome outcome) throws IOException {
      outcome.written(write(article));
    }

    @Override
    public void commit() throws IOException {
      writes.readLock().lock();
      try {
        current.store.commit();
      } finally {
        writes.readLock().unlock();
      }
    }

    @Override
    public WriteResult write(TaggedArticle article) throws IOException {
      writes.readLock().lock();
      try {
        ServedIndex served = current;
        lastWritten.set(served);
        try {
          return served.store.write(article);
        } finally {
          // Even a failed write is replayed: the replay reads what the old index really holds.
          journal(article.article().id());
        }
      } finally {
        writes.readLock().unlock();
      }
    }

    @Override
    public boolean delete(String id) throws IOException {
      writes.readLock().lock();
      try {
        ServedIndex served = current;
        lastWritten.set(served);
        try {
          return served.store.delete(id);
        } finally {
          journal(id);
        }
      } finally {
        writes.readLock().unlock();
      }
    }

    @Override
    public void awaitDurable() throws IOException, InterruptedException {
      ServedIndex served = lastWritten.get();
      lastWritten.remove();
      if (served == null) {
        served = current;
      }
      try {
        served.store.awaitDurable();
      } catch (IOException e) {
        if (served == current) {
          throw e;
        }
        // The switch replayed this thread's writes into the index served now and committed them
        // before serving it: they are durable there, whatever the old committer says now.
      }
    }
  }
}
