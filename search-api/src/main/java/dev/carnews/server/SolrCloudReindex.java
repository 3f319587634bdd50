package dev.carnews.server;

import dev.carnews.admin.ReindexService;
import dev.carnews.admin.ReindexStatus;
import dev.carnews.entity.EntityTagger;
import dev.carnews.search.solr.CloudConnection;
import dev.carnews.solrcloud.SolrReindex;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin reindex of a service on SolrCloud: the collection alias it serves is rebuilt into a new
 * collection and switched to it, as {@code indexer.jar collection-reindex} does ({@link
 * SolrReindex}), in a background thread of the service, tagging with the service's own models. A
 * service on a plain collection is refused: only an alias can be switched. A run that stopped (the
 * service was killed) is resumed by the next one, from its checkpoint on the alias.
 */
public final class SolrCloudReindex implements ReindexService {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCloudReindex.class);

  /** Articles per page read and per update request. */
  private static final int BATCH = 200;

  /** How long a start waits for the reindex to name its collection, for the first status. */
  private static final long NAMED_WITHIN_SECONDS = 10;

  private final CloudConnection connection;
  private final String alias;
  private final Supplier<? extends EntityTagger> taggers;
  private final int threads;
  private final Duration settle;
  private final Runnable switched;
  private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.idle());

  /**
   * @param connection the service's connection to its cluster
   * @param alias the collection alias the service serves
   * @param taggers a tagger per tagging thread: the service's models
   * @param threads tagging threads (the service's searches keep the other cores)
   * @param settle how long the service's clients may still write to the old collection after the
   *     switch (SolrJ keeps an alias it read for 5 s)
   * @param switched told when the alias names the new collection, so no cached answer outlives it
   */
  public SolrCloudReindex(
      CloudConnection connection,
      String alias,
      Supplier<? extends EntityTagger> taggers,
      int threads,
      Duration settle,
      Runnable switched) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.connection = connection;
    this.alias = alias;
    this.taggers = taggers;
    this.threads = threads;
    this.settle = settle;
    this.switched = switched;
  }

  @Override
  public synchronized ReindexStatus start() throws IOException {
    if (status.get().running()) {
      throw new ReindexBusyException("a reindex is running; follow it with GET /api/admin/reindex");
    }
    String served = served();
    status.set(new ReindexStatus("copying", served, "", Instant.now(), null, 0, 0, 0, 0, -1, null));
    CountDownLatch named = new CountDownLatch(1);
    Thread worker = new Thread(() -> run(named), "reindex");
    worker.setDaemon(true);
    worker.start();
    try {
      // The first status names the collection built (a new one, or the one a rerun resumes).
      named.await(NAMED_WITHIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return status.get();
  }

  @Override
  public ReindexStatus status() {
    return status.get();
  }

  /**
   * The collection the alias names now.
   *
   * @throws ReindexRefusedException when the service serves a collection, not an alias
   */
  private String served() throws IOException {
    Map<String, String> aliases;
    try {
      aliases = new CollectionAdminRequest.ListAliases().process(connection.client()).getAliases();
    } catch (org.apache.solr.client.solrj.SolrServerException | RuntimeException e) {
      throw new dev.carnews.search.ArchiveUnavailableException(
          "the cluster did not list its aliases: " + e.getMessage(), e);
    }
    String served = aliases.get(alias);
    if (served == null) {
      throw new ReindexRefusedException(
          "the service serves the collection "
              + alias
              + ", not an alias: a reindex switches an alias to the new collection. Reindex it"
              + " once into an alias (indexer.jar collection-reindex --from "
              + alias
              + " --alias NAME) and start the service with --collection NAME");
    }
    if (served.contains(",")) {
      throw new ReindexRefusedException(
          "the alias " + alias + " names several collections (" + served + "): give it one");
    }
    return served;
  }

  private void run(CountDownLatch named) {
    long start = System.nanoTime();
    try {
      SolrReindex reindex =
          new SolrReindex(
              connection.client(), taggers, threads, BATCH, settle, new Listener(named));
      SolrReindex.Result result = reindex.run(alias, null);
      switched.run();
      ReindexStatus done =
          update(
              s ->
                  new ReindexStatus(
                      "done",
                      result.from(),
                      result.to(),
                      s.started(),
                      Instant.now(),
                      s.articles(),
                      Math.max(s.copied(), result.copied()),
                      result.caughtUp() + result.deleted(),
                      s.articlesPerSecond(),
                      0,
                      null));
      LOG.info(
          "Reindex done: alias {} names {} ({} articles), {} is kept until you delete it; in {} s",
          alias,
          done.to(),
          result.articles(),
          done.from(),
          (System.nanoTime() - start) / 1_000_000_000L);
    } catch (IOException | RuntimeException e) {
      LOG.error("Reindex of alias {} failed; a rerun resumes it", alias, e);
      update(
          s ->
              new ReindexStatus(
                  "failed",
                  s.from(),
                  s.to(),
                  s.started(),
                  Instant.now(),
                  s.articles(),
                  s.copied(),
                  s.replayed(),
                  s.articlesPerSecond(),
                  0,
                  String.valueOf(e.getMessage())));
    } finally {
      named.countDown();
    }
  }

  /** Follows the reindex into the status. */
  private final class Listener implements SolrReindex.Listener {
    private final CountDownLatch named;
    private volatile String step = "copying";

    Listener(CountDownLatch named) {
      this.named = named;
    }

    @Override
    public void line(String line) {
      LOG.info("Reindex: {}", line.strip());
    }

    @Override
    public void step(String step, String from, String to) {
      this.step = step;
      update(
          s ->
              new ReindexStatus(
                  step,
                  from,
                  to,
                  s.started(),
                  null,
                  s.articles(),
                  s.copied(),
                  s.replayed(),
                  s.articlesPerSecond(),
                  step.equals("copying") ? s.secondsLeft() : 0,
                  null));
      named.countDown();
    }

    @Override
    public void copied(long done, long expected, double perSecond, long secondsLeft) {
      if (!step.equals("copying")) {
        return;
      }
      update(
          s ->
              new ReindexStatus(
                  s.state(),
                  s.from(),
                  s.to(),
                  s.started(),
                  null,
                  expected,
                  done,
                  s.replayed(),
                  perSecond,
                  secondsLeft,
                  null));
    }
  }

  private ReindexStatus update(UnaryOperator<ReindexStatus> change) {
    return status.updateAndGet(change);
  }
}
