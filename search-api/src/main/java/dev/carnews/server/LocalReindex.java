package dev.carnews.server;

import dev.carnews.admin.ReindexService;
import dev.carnews.admin.ReindexStatus;
import dev.carnews.entity.EntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.IndexPointer;
import dev.carnews.index.Reindex;
import dev.carnews.search.IndexVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reindexes the service's local index without stopping it. The new index is built in a sibling of
 * the home folder ({@code --index DIR}), {@code DIR.<time>}:
 *
 * <ol>
 *   <li>with writes held for a moment, a journal of written ids starts and a searcher of the served
 *       index is taken: the point in time the copy reads;
 *   <li>every article that searcher sees is tagged again and written into the new index;
 *   <li>the ids journaled meanwhile are replayed from the served index (written again as it holds
 *       them now, or deleted), until few are left;
 *   <li>with writes held, the last ones are replayed, the new index committed, and the pointer file
 *       {@code DIR.current} moved atomically to name it; then it is served, and the writes go on
 *       into it;
 *   <li>the old index is closed once no request uses it, and kept on disk.
 * </ol>
 *
 * <p>Killed before the pointer moved, the service comes back on the old index, which the reindex
 * only read; killed after, on the new one, which holds every write acknowledged before the switch.
 * An unfinished build is deleted by the next reindex. A test may hold a reindex for good at a step
 * with the system property {@value #HOLD} ({@code copying}, {@code switching}, {@code switched}),
 * to kill the service there.
 */
final class LocalReindex implements ReindexService {

  private static final Logger LOG = LoggerFactory.getLogger(LocalReindex.class);

  /** The test hook: the step at which a reindex stops for good, to be killed there. */
  static final String HOLD = "carnews.reindex.hold";

  /** Rounds of replay before the switch, while many writes keep arriving. */
  private static final int CATCH_UP_ROUNDS = 5;

  /** Journaled writes few enough to replay with writes held. */
  private static final int FEW = 100;

  /** How often a running copy logs its progress at least. */
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Opens a new index as the service serves it: a committer, an archive. */
  @FunctionalInterface
  interface Opener {
    ServedIndex open(Path folder, ArticleIndex index, IndexVersion base) throws IOException;
  }

  private final Path home;
  private final LiveIndex live;
  private final Supplier<EntityTagger> taggers;
  private final Map<String, String> models;
  private final Opener opener;
  private final int threads;
  private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.idle());

  LocalReindex(
      Path home,
      LiveIndex live,
      Supplier<EntityTagger> taggers,
      Map<String, String> models,
      Opener opener,
      int threads) {
    this.home = home.toAbsolutePath().normalize();
    this.live = live;
    this.taggers = taggers;
    this.models = Map.copyOf(models);
    this.opener = opener;
    this.threads = threads;
  }

  @Override
  public synchronized ReindexStatus start() {
    if (status.get().running()) {
      throw new ReindexBusyException("a reindex is running; follow it with GET /api/admin/reindex");
    }
    Path from = live.current().folder;
    Path to = home.resolveSibling(home.getFileName() + "." + STAMP.format(Instant.now()));
    if (Files.exists(to)) {
      throw new ReindexBusyException("a reindex started this second; try again in a second");
    }
    ReindexStatus first =
        new ReindexStatus(
            "copying", name(from), name(to), Instant.now(), null, 0, 0, 0, 0, -1, null);
    status.set(first);
    Thread worker = new Thread(() -> run(from, to), "reindex");
    worker.setDaemon(true);
    worker.start();
    return first;
  }

  @Override
  public ReindexStatus status() {
    return status.get();
  }

  private void run(Path from, Path to) {
    long start = System.nanoTime();
    ArticleIndex target = null;
    boolean switched = false;
    try {
      deleteUnfinished(to);
      Reindex.prepare(to);
      target = ArticleIndex.open(to);
      target.recordModels(models);
      // The editors' decisions and automatic links go with the articles (again at the switch).
      target.curate(none -> live.current().index.curation());
      LOG.info("Reindex: building {} from the stored articles of {}", to, from);
      copy(target);
      // Written whole: one segment searches fastest (the writes that arrive meanwhile are
      // journalled and replayed after it, as during the copy).
      ArticleIndex.Merged merged = target.merge(1);
      LOG.info(
          "Reindex: merged {} segments into {} in {} ms",
          merged.before(),
          merged.after(),
          merged.took().toMillis());
      catchUp(target);
      ArticleIndex built = target;
      update(s -> with(s, "switching"));
      ServedIndex old =
          live.switchTo(
              served -> {
                replay(served, built, live.drainJournal());
                // Decisions made while copying: the new index follows the live one's curation.
                built.curate(copied -> served.index.curation());
                built.commit();
                hold("switching");
                IndexPointer.switchTo(home, to, served.folder);
                try {
                  hold("switched");
                  Reindex.complete(to);
                  return opener.open(to, built, served.next());
                } catch (IOException | RuntimeException e) {
                  // Not served after all: the pointer names the old index again, which has
                  // every write, since none was taken while writes were held.
                  IndexPointer.pointBack(home, served.folder);
                  throw e;
                }
              });
      switched = true;
      LOG.info("Reindex: the service serves {} now; retiring {}", to, old.folder);
      old.retire();
      ReindexStatus done = update(s -> finish(s, "done", null));
      LOG.info(
          "Reindex done: {} articles copied, {} writes replayed, in {} s; {} is kept until you"
              + " remove it",
          done.copied(),
          done.replayed(),
          (System.nanoTime() - start) / 1_000_000_000L,
          from);
    } catch (IOException | RuntimeException | InterruptedException e) {
      live.stopJournal();
      LOG.error("Reindex into {} failed; the service still serves {}", to, from, e);
      if (target != null && !switched) {
        try {
          target.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      update(s -> finish(s, "failed", String.valueOf(e.getMessage())));
    }
  }

  private void copy(ArticleIndex target) throws IOException, InterruptedException {
    IndexSearcher[] pointInTime = new IndexSearcher[1];
    ServedIndex source =
        live.startJournal(
            served -> {
              served.index.refresh();
              pointInTime[0] = served.index.searchers().acquire();
              return served;
            });
    long[] lastLog = {System.nanoTime()};
    // The rate is counted from the first article, not from the start: loading the models the
    // first tagging needs would make the early estimates far too long.
    long[] first = {0L};
    try {
      Reindex.copy(
          pointInTime[0],
          target,
          taggers,
          threads,
          (done, total) -> {
            if (done == 1) {
              first[0] = System.nanoTime();
            }
            double seconds = Math.max(System.nanoTime() - first[0], 1) / 1e9;
            double rate = done == 1 ? 0 : (done - 1) / seconds;
            long left = rate == 0 ? -1 : Math.round((total - done) / rate);
            update(s -> progress(s, total, done, rate, left));
            if (done == total / 2) {
              hold("copying");
            }
            if (System.nanoTime() - lastLog[0] > LOG_EVERY_NANOS || done == total) {
              lastLog[0] = System.nanoTime();
              LOG.info(
                  String.format(
                      Locale.ROOT,
                      "Reindex: copied %,d/%,d articles (%.0f/s), about %d s left",
                      done,
                      total,
                      rate,
                      left));
            }
          });
    } finally {
      source.index.searchers().release(pointInTime[0]);
    }
    target.commit();
  }

  /** Replays the journal while writes go on, until few are left for the switch. */
  private void catchUp(ArticleIndex target) throws IOException {
    update(s -> with(s, "catching-up"));
    for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
      Set<String> ids = live.drainJournal();
      live.read(
          served -> {
            replay(served, target, ids);
            return null;
          });
      LOG.info("Reindex: replayed {} writes that arrived meanwhile", ids.size());
      if (ids.size() < FEW) {
        break;
      }
    }
    target.commit();
  }

  private void replay(ServedIndex served, ArticleIndex target, Set<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    served.index.refresh();
    IndexSearcher searcher = served.index.searchers().acquire();
    try {
      EntityTagger tagger = taggers.get();
      for (String id : ids) {
        Reindex.replay(searcher, target, id, tagger);
      }
    } finally {
      served.index.searchers().release(searcher);
    }
    update(s -> replayed(s, ids.size()));
  }

  /** Deletes the unfinished builds of earlier reindexes of this home (never the served one). */
  private void deleteUnfinished(Path to) throws IOException {
    Path serving = IndexPointer.resolve(home).toAbsolutePath().normalize();
    String prefix = home.getFileName() + ".";
    try (Stream<Path> siblings = Files.list(home.getParent())) {
      for (Path sibling : siblings.toList()) {
        Path folder = sibling.toAbsolutePath().normalize();
        if (folder.getFileName().toString().startsWith(prefix)
            && Files.isDirectory(folder)
            && !folder.equals(serving)
            && !folder.equals(live.current().folder.toAbsolutePath().normalize())
            && !folder.equals(to)
            && Reindex.unfinished(folder)) {
          LOG.info("Reindex: deleting {}, left unfinished by an earlier reindex", folder);
          Reindex.discard(folder);
        }
      }
    }
  }

  /** The test hook: stops this reindex for good at {@code step} when the property says so. */
  private static void hold(String step) {
    if (step.equals(System.getProperty(HOLD))) {
      LOG.warn("Reindex held at {} by the test property {}", step, HOLD);
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while held at " + step, e);
      }
    }
  }

  private ReindexStatus update(java.util.function.UnaryOperator<ReindexStatus> change) {
    return status.updateAndGet(change);
  }

  private static ReindexStatus with(ReindexStatus s, String state) {
    return new ReindexStatus(
        state,
        s.from(),
        s.to(),
        s.started(),
        null,
        s.articles(),
        s.copied(),
        s.replayed(),
        s.articlesPerSecond(),
        state.equals("copying") ? s.secondsLeft() : 0,
        null);
  }

  private static ReindexStatus progress(
      ReindexStatus s, long total, long copied, double rate, long left) {
    return new ReindexStatus(
        s.state(),
        s.from(),
        s.to(),
        s.started(),
        null,
        total,
        copied,
        s.replayed(),
        rate,
        left,
        null);
  }

  private static ReindexStatus replayed(ReindexStatus s, long more) {
    return new ReindexStatus(
        s.state(),
        s.from(),
        s.to(),
        s.started(),
        null,
        s.articles(),
        s.copied(),
        s.replayed() + more,
        s.articlesPerSecond(),
        s.secondsLeft(),
        null);
  }

  private static ReindexStatus finish(ReindexStatus s, String state, String error) {
    return new ReindexStatus(
        state,
        s.from(),
        s.to(),
        s.started(),
        Instant.now(),
        s.articles(),
        s.copied(),
        s.replayed(),
        s.articlesPerSecond(),
        0,
        error);
  }

  private static String name(Path folder) {
    return folder.toAbsolutePath().normalize().getFileName().toString();
  }
}
