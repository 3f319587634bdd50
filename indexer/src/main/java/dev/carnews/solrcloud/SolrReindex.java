package dev.carnews.solrcloud;

import dev.carnews.curation.Curation;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.CollectionAdminResponse;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Rebuilds a collection behind a collection alias while readers and writers keep using the alias: a
 * new collection on the current configset, every article copied into it from the live one's stored
 * fields and tagged again with the current taggers (entities, vectors, stories), the articles
 * written meanwhile copied again and the ones deleted meanwhile deleted, then the alias switched to
 * the new collection (CREATEALIAS, atomic in ZooKeeper). The old collection is kept.
 *
 * <p>Articles written meanwhile are found by Solr's {@code _version_}, which every update stamps
 * with its node's clock in milliseconds shifted left by 20 bits: a catch-up pass copies the
 * articles whose version is newer than its previous pass's start less {@link #CLOCK_MARGIN}. The
 * passes repeat until one finds fewer than a batch; then the alias switches, and after {@code
 * settle} (clients keep the alias they read for a few seconds, SolrJ 5 s by default) late passes
 * copy what was still written to the old collection until it has been quiet for a whole {@code
 * settle}, leaving alone any article the new collection got after the switch.
 *
 * <p>A run can stop anywhere (killed, or failed) without harm to the served collection, which it
 * only reads until the switch. Its state is kept as properties of the alias ({@code
 * carnews.reindex.*}, in ZooKeeper): the new collection, the first pass's {@code cursorMark} after
 * the last page copied and committed (recorded every few seconds), the start of the last catch-up
 * pass, and the time of the switch. The next run of the same alias resumes from there: it goes on
 * copying into the same collection, or, when the alias was switched already, copies the late
 * writes. A collection that can no longer be resumed (the alias was pointed elsewhere meanwhile) is
 * deleted and the reindex starts again. A test may hold a run for good at a step with the system
 * property {@value #HOLD}, to kill it there.
 */
public final class SolrReindex {

  /** How far clocks of the cluster's nodes may disagree, covered by every catch-up pass. */
  public static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

  /**
   * The test hook: the step at which a reindex stops for good, to be killed there: {@code copying}
   * (half the first pass copied and checkpointed), {@code switching} (just before the alias
   * switch), {@code switched} (just after it).
   */
  public static final String HOLD = "carnews.reindex.hold";

  /** How often the first pass records its checkpoint at most. */
  private static final long CHECKPOINT_NANOS = 5_000_000_000L;

  private static final String VERSION = "_version_";
  private static final int MAX_CATCH_UP_PASSES = 5;
  private static final int MAX_LATE_PASSES = 10;
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final CloudSolrClient client;
  private final Supplier<? extends EntityTagger> taggers;
  private final int threads;
  private final int batch;
  private final Duration settle;
  private final Listener listener;
  private final SolrRetries retries = new SolrRetries(Duration.ofMinutes(2));

  /**
   * @param client a client of the cluster
   * @param taggers a tagger per tagging thread (the current models and curation)
   * @param threads tagging threads
   * @param batch articles per page read and per update request
   * @param settle how long after the switch clients may still write to the old collection
   * @param listener told the steps, the progress of each page, and lines of progress
   */
  public SolrReindex(
      CloudSolrClient client,
      Supplier<? extends EntityTagger> taggers,
      int threads,
      int batch,
      Duration settle,
      Listener listener) {
    if (threads < 1 || batch < 1) {
      throw new IllegalArgumentException("threads and batch must be at least 1");
    }
    this.client = Objects.requireNonNull(client, "client");
    this.taggers = Objects.requireNonNull(taggers, "taggers");
    this.threads = threads;
    this.batch = batch;
    this.settle = Objects.requireNonNull(settle, "settle");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** What a reindex tells while it runs. */
  @FunctionalInterface
  public interface Listener {

    /** A line of progress for the operator. */
    void line(String line);

    /**
     * The step it reached: {@code copying} (the first pass), {@code catching-up} (the articles
     * written meanwhile), {@code switching} (the alias switch, then the late writes copied).
     */
    default void step(String step, String from, String to) {}

    /** How far the pass running is, after each page: its articles per second, the time left. */
    default void copied(long done, long expected, double perSecond, long secondsLeft) {}
  }

  /**
   * What a reindex did.
   *
   * @param alias the alias switched
   * @param from the collection it pointed to, kept
   * @param to the new collection it points to now
   * @param copied articles copied by the first pass (of this run, when it resumed one)
   * @param copying the time of the first pass, new collection included
   * @param caughtUp articles copied again because they were written during the copy
   * @param deleted articles deleted because they were deleted during the copy
   * @param articles the articles of the new collection when done
   * @param elapsed the time it took
   * @param resumed whether it resumed a reindex an earlier run left unfinished
   */
  public record Result(
      String alias,
      String from,
      String to,
      long copied,
      Duration copying,
      long caughtUp,
      long deleted,
      long articles,
      Duration elapsed,
      boolean resumed) {}

  /**
   * Rebuilds the collection behind {@code alias}; when there is no such alias yet, {@code from}
   * names the collection to copy, and the alias is created at once to point to it. A reindex of the
   * alias that stopped before it ended (killed, or failed) is resumed: its collection is reused and
   * the copy goes on from its last checkpoint; one that can no longer be resumed is deleted and the
   * reindex starts again.
   *
   * @throws IllegalArgumentException when the alias and the source do not fit
   */
  public Result run(String alias, String from) throws IOException {
    long start = System.nanoTime();
    CollectionAdminResponse listed =
        retries.run("alias list", () -> new CollectionAdminRequest.ListAliases().process(client));
    String source = listed.getAliases().get(alias);
    if (source == null && from == null) {
      if (SolrCollections.exists(client, alias)) {
        throw new IllegalArgumentException(
            alias
                + " is a collection, not an alias: reindex it with --from "
                + alias
                + " --alias ANOTHER_NAME, then point the service at the alias");
      }
      throw new IllegalArgumentException(
          "no alias " + alias + ": give --from COLLECTION to create it");
    }
    if (source != null && from != null && !source.equals(from)) {
      throw new IllegalArgumentException(
          "alias " + alias + " points to " + source + ", not " + from);
    }
    source = source != null ? source : from;
    if (source.contains(",")) {
      throw new IllegalArgumentException(
          "alias " + alias + " points to several collections (" + source + ")");
    }
    if (!SolrCollections.exists(client, source)) {
      throw new IllegalArgumentException("no collection " + source);
    }
    if (!listed.getAliases().containsKey(alias)) {
      // The alias names the served collection first: a run that stops is resumed through it.
      String served = source;
      retries.run(
          "alias " + alias,
          () -> CollectionAdminRequest.createAlias(alias, served).process(client));
      listener.line("Created alias " + alias + " -> " + source);
    }
    Map<String, Map<String, String>> properties = listed.getAliasProperties();
    Checkpoint left = Checkpoint.read(properties == null ? null : properties.get(alias));
    Checkpoint checkpoint = left == null ? null : resumable(alias, source, left);
    boolean resumed = checkpoint != null;
    if (checkpoint == null) {
      DocCollection shape = client.getClusterStateProvider().getCollection(source);
      int shards = shape.getActiveSlices().size();
      int replicas = shape.getActiveSlices().iterator().next().getReplicas().size();
      String target = alias + "_" + SUFFIX.format(Instant.now());
      listener.line(
          String.format(
              Locale.ROOT,
              "Reindexing %s (%s) into %s, %d shards x %d replicas, on the current configset",
              alias,
              source,
              target,
              shards,
              replicas));
      // Recorded before the collection exists: a run killed while creating it is resumed too.
      checkpoint =
          new Checkpoint(
              source, target, System.currentTimeMillis(), CursorMarkParams.CURSOR_MARK_START, 0, 0);
      save(alias, checkpoint);
      listener.step("copying", source, target);
      SolrCollections.uploadConfigset(client);
      SolrCollections.create(client, target, shards, replicas, Duration.ofMinutes(5));
    } else {
      listener.step(
          checkpoint.switching() > 0 ? "switching" : "copying", checkpoint.from(), checkpoint.to());
      int expected =
          client.getClusterStateProvider().getCollection(checkpoint.from()).getReplicas().size();
      SolrCollections.waitUntilActive(client, checkpoint.to(), expected, Duration.ofMinutes(5));
    }
    source = checkpoint.from();
    String target = checkpoint.to();

    // The editors' curation goes with the articles: the alias's (its companion stays with the
    // alias), or that of the collection served until now when the alias is new.
    Supplier<Curation> curation =
        SolrCurations.polling(
            new SolrCurations(
                client, listed.getAliases().containsKey(alias) ? alias : source, retries),
            Duration.ofSeconds(1));
    SolrArticleStore store =
        new SolrArticleStore(
            client,
            target,
            batch,
            retries,
            new SolrStories(VersionRule.defaults(), curation),
            curation);
    ExecutorService pool = Executors.newFixedThreadPool(threads, new NamedThreads());
    ThreadLocal<EntityTagger> tagger = ThreadLocal.withInitial(taggers::get);
    try {
      Copier copier = new Copier(source, target, store, pool, tagger);
      long copied = 0;
      long caughtUp = 0;
      long deleted = 0;
      if (checkpoint.switching() == 0) {
        if (!checkpoint.cursor().isEmpty()) {
          checkpoint = copier.firstPass(alias, checkpoint, count(source, null));
          copied = copier.lastWritten;
          save(alias, checkpoint);
        }
      }
      Duration copying = Duration.ofNanos(System.nanoTime() - start);
      if (checkpoint.switching() == 0) {
        // Written whole: one segment per shard searches fastest, its vector graph included (the
        // writes made meanwhile are caught up after it).
        Duration merging = SolrCollections.merge(client, target, 1);
        listener.line(
            String.format(
                Locale.ROOT,
                "Merged %s into one segment per shard in %.1f s",
                target,
                merging.toMillis() / 1000.0));
        listener.step("catching-up", source, target);
        for (int pass = 0; pass < MAX_CATCH_UP_PASSES; pass++) {
          long passStart = System.currentTimeMillis();
          String changed = changedSince(checkpoint.since());
          caughtUp += copier.pass(changed, Long.MAX_VALUE, count(source, changed), "caught up");
          checkpoint = checkpoint.since(passStart);
          save(alias, checkpoint);
          // The margin makes every pass copy some articles again: stop on what is really new.
          if (count(source, VERSION + ":[" + (passStart << 20) + " TO *]") < batch) {
            break;
          }
        }
        deleted += copier.deleteMissing(Long.MAX_VALUE);
        // Before the switch the new collection is complete and searchable.
        retries.run("commit to " + target, () -> client.commit(target, true, true));
        listener.step("switching", source, target);
        checkpoint = checkpoint.switching(System.currentTimeMillis());
        save(alias, checkpoint);
        hold("switching");
        retries.run(
            "alias switch",
            () -> CollectionAdminRequest.createAlias(alias, target).process(client));
        listener.line(
            "Switched alias " + alias + " to " + target + "; copying late writes to " + source);
        hold("switched");
      }
      long protect = (checkpoint.switching() - CLOCK_MARGIN.toMillis()) << 20;
      long since = checkpoint.since();
      // A write in flight at the switch (routed to the old collection, acknowledged seconds later
      // on a busy cluster) lands there after any one pass: copy until the old collection has been
      // quiet for a whole settle time.
      for (int pass = 0; pass < MAX_LATE_PASSES; pass++) {
        sleep(settle);
        // Every write acknowledged so far is searched: a write the leader versioned before the
        // last pass but that a replica showed only later would otherwise look quiet and be lost.
        String old = source;
        retries.run("commit to " + old, () -> client.commit(old, true, true));
        if (pass > 0 && count(source, VERSION + ":[" + (since << 20) + " TO *]") == 0) {
          break;
        }
        long passStart = System.currentTimeMillis();
        String changed = changedSince(since);
        caughtUp += copier.pass(changed, protect, count(source, changed), "caught up");
        deleted += copier.deleteMissing(protect);
        since = passStart;
      }
      // One last pass over the whole clock margin: what a pass saw late is copied now, and what
      // the new collection got after the switch is left alone ({@code protect}).
      String late = changedSince(since);
      caughtUp += copier.pass(late, protect, count(source, late), "caught up");
      retries.run("commit to " + target, () -> client.commit(target, true, true));
      clear(alias);
      return new Result(
          alias,
          source,
          target,
          copied,
          copying,
          caughtUp,
          deleted,
          count(target, null),
          Duration.ofNanos(System.nanoTime() - start),
          resumed);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The reindex {@code left} recorded on the alias, if it can be resumed: its collection is built
   * beside the one the alias serves, or the alias was switched to it already. Otherwise its
   * collection, never served, is deleted and {@code null} returned: the reindex starts again.
   */
  private Checkpoint resumable(String alias, String served, Checkpoint left) throws IOException {
    if (served.equals(left.to()) && SolrCollections.exists(client, left.from())) {
      listener.line(
          "Resuming the reindex of "
              + alias
              + " left by an earlier run: the alias was switched to "
              + left.to()
              + "; copying the late writes of "
              + left.from());
      return left;
    }
    if (served.equals(left.from()) && SolrCollections.exists(client, left.to())) {
      listener.line(
          "Resuming the reindex of "
              + alias
              + " into "
              + left.to()
              + " left by an earlier run: "
              + (left.cursor().isEmpty()
                  ? "its copy is complete; catching up"
                  : String.format(Locale.ROOT, "copying on after %,d articles", left.copied())));
      // Killed after recording the switch but before making it: not switched.
      return left.switching(0);
    }
    if (!served.equals(left.to()) && SolrCollections.exists(client, left.to())) {
      listener.line(
          "Deleting "
              + left.to()
              + ", left unfinished by an earlier reindex of "
              + alias
              + " from "
              + left.from()
              + " (the alias now points to "
              + served
              + "), and starting again");
      retries.run(
          "delete of " + left.to(),
          () -> CollectionAdminRequest.deleteCollection(left.to()).process(client));
    } else {
      listener.line(
          "Starting the reindex of "
              + alias
              + " again: "
              + left.to()
              + " of an earlier run is gone");
    }
    clear(alias);
    return null;
  }

  /** Records a checkpoint on the alias (ALIASPROP: kept in ZooKeeper with the alias). */
  private void save(String alias, Checkpoint checkpoint) throws IOException {
    CollectionAdminRequest.SetAliasProperty request =
        CollectionAdminRequest.setAliasProperty(alias);
    checkpoint.properties().forEach(request::addProperty);
    retries.run("checkpoint on " + alias, () -> request.process(client));
  }

  /** Removes the checkpoint from the alias: the reindex ended. */
  private void clear(String alias) throws IOException {
    CollectionAdminRequest.SetAliasProperty request =
        CollectionAdminRequest.setAliasProperty(alias);
    for (String key : Checkpoint.KEYS) {
      request.addProperty(key, "");
    }
    retries.run("checkpoint on " + alias, () -> request.process(client));
  }

  /** The test hook: stops this reindex for good at {@code step} when {@value #HOLD} says so. */
  private void hold(String step) throws IOException {
    if (step.equals(System.getProperty(HOLD))) {
      listener.line("Reindex held at " + step + " by the test property " + HOLD);
      sleep(Duration.ofDays(365));
    }
  }

  /**
   * A reindex under way, recorded in properties of its alias so that a run that stops (killed, or
   * failed) is resumed by the next one.
   *
   * @param from the collection copied
   * @param to the collection built
   * @param since the articles of {@code from} updated since then (ms) are to be copied again
   * @param cursor the first pass's {@code cursorMark} after its last page copied and committed;
   *     empty once the first pass is complete
   * @param copied the articles the first pass read up to {@code cursor}
   * @param switching when the alias switch was asked for (ms), 0 before
   */
  record Checkpoint(
      String from, String to, long since, String cursor, long copied, long switching) {

    static final List<String> KEYS =
        List.of("from", "to", "since", "cursor", "copied", "switching").stream()
            .map(key -> "carnews.reindex." + key)
            .toList();

    /** The checkpoint of these alias properties, {@code null} when they hold none. */
    static Checkpoint read(Map<String, String> properties) {
      if (properties == null) {
        return null;
      }
      String from = properties.getOrDefault(KEYS.get(0), "");
      String to = properties.getOrDefault(KEYS.get(1), "");
      if (from.isEmpty() || to.isEmpty()) {
        return null;
      }
      try {
        return new Checkpoint(
            from,
            to,
            Long.parseLong(properties.getOrDefault(KEYS.get(2), "0")),
            cursorOf(properties.getOrDefault(KEYS.get(3), "")),
            Long.parseLong(properties.getOrDefault(KEYS.get(4), "0")),
            Long.parseLong(properties.getOrDefault(KEYS.get(5), "0")));
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static String cursorOf(String property) {
      return property.equals("-") ? "" : property;
    }

    Map<String, String> properties() {
      // An empty value removes a property: the complete first pass is written as "-".
      return Map.of(
          KEYS.get(0),
          from,
          KEYS.get(1),
          to,
          KEYS.get(2),
          Long.toString(since),
          KEYS.get(3),
          cursor.isEmpty() ? "-" : cursor,
          KEYS.get(4),
          Long.toString(copied),
          KEYS.get(5),
          Long.toString(switching));
    }

    Checkpoint since(long millis) {
      return new Checkpoint(from, to, millis, cursor, copied, switching);
    }

    Checkpoint copiedTo(String next, long read) {
      return new Checkpoint(from, to, since, next, read, switching);
    }

    Checkpoint switching(long millis) {
      return new Checkpoint(from, to, since, cursor, copied, millis);
    }
  }

  /** The filter of the articles updated since {@code millis} (less the clocks' margin). */
  private static String changedSince(long millis) {
    return VERSION + ":[" + ((millis - CLOCK_MARGIN.toMillis()) << 20) + " TO *]";
  }

  private long count(String collection, String filter) throws IOException {
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    if (filter != null) {
      query.addFilterQuery(filter);
    }
    return retries
        .run("count of " + collection, () -> client.query(collection, query))
        .getResults()
        .getNumFound();
  }

  /** Copies pages of articles from the source into the target store. */
  private final class Copier {
    private final String source;
    private final String target;
    private final SolrArticleStore store;
    private final ExecutorService pool;
    private final ThreadLocal<EntityTagger> tagger;

    Copier(
        String source,
        String target,
        SolrArticleStore store,
        ExecutorService pool,
        ThreadLocal<EntityTagger> tagger) {
      this.source = source;
      this.target = target;
      this.store = store;
      this.pool = pool;
      this.tagger = tagger;
    }

    /** Articles written by the last {@link #firstPass}. */
    long lastWritten;

    /**
     * An article read from the source, tagged again with the current models; a tagger that makes no
     * vector ({@code --no-vectors}) keeps the one the source stored, so the copy is still found by
     * meaning.
     */
    private TaggedArticle retagged(TaggedArticle stored) {
      TaggedArticle tagged = tagger.get().tag(stored.article());
      return tagged.hasVector() || !stored.hasVector()
          ? tagged
          : tagged.withVector(stored.vector());
    }

    /**
     * Copies every article of the source from the checkpoint's cursor on, recording a new
     * checkpoint on the alias now and then (the target committed first); returns the checkpoint
     * with the first pass complete.
     */
    Checkpoint firstPass(String alias, Checkpoint from, long expected) throws IOException {
      Checkpoint[] at = {from};
      long[] lastSaved = {System.nanoTime()};
      boolean[] held = {false};
      lastWritten =
          pass(
              null,
              from.cursor(),
              from.copied(),
              Long.MAX_VALUE,
              expected,
              "copied",
              (next, seen) -> {
                boolean hold =
                    !held[0] && seen * 2 >= expected && "copying".equals(System.getProperty(HOLD));
                if (hold || System.nanoTime() - lastSaved[0] > CHECKPOINT_NANOS) {
                  store.commit();
                  at[0] = at[0].copiedTo(next, seen);
                  save(alias, at[0]);
                  lastSaved[0] = System.nanoTime();
                }
                if (hold) {
                  held[0] = true;
                  hold("copying");
                }
              });
      return at[0].copiedTo("", Math.max(expected, at[0].copied()));
    }

    long pass(String filter, long protect, long expected, String verb) throws IOException {
      return pass(
          filter,
          CursorMarkParams.CURSOR_MARK_START,
          0,
          protect,
          expected,
          verb,
          (next, seen) -> {});
    }

    /**
     * Copies the articles of the source that match {@code filter} (all when {@code null}) from
     * {@code cursor} on, tagged again, except those the target has with a version above {@code
     * protect} (written there directly, after the switch) and above the source's own; tells {@code
     * pageDone} after each page; returns how many it copied.
     */
    long pass(
        String filter,
        String cursor,
        long alreadySeen,
        long protect,
        long expected,
        String verb,
        PageDone pageDone)
        throws IOException {
      long passStart = System.nanoTime();
      AtomicLong written = new AtomicLong();
      long seen = alreadySeen;
      long lastReport = passStart;
      for (Page page : pages(source, filter, storedFields(), cursor)) {
        List<SolrDocument> docs = new ArrayList<>(page.docs());
        if (protect != Long.MAX_VALUE) {
          Map<String, Long> versions = versions(target, docs);
          // Left alone: what the target got after the switch (less the clock margin) and that is
          // newer than the source's version. A copy the reindex made shortly before the switch is
          // also above the margin, but a client that still wrote to the source updated it since.
          docs.removeIf(
              doc -> {
                long there = versions.getOrDefault(id(doc), Long.MIN_VALUE);
                return there > protect && there > version(doc);
              });
        }
        List<Future<TaggedArticle>> tagged = new ArrayList<>(docs.size());
        for (SolrDocument doc : docs) {
          tagged.add(pool.submit(() -> retagged(SolrArticles.fromDocument(doc))));
        }
        for (int i = 0; i < tagged.size(); i++) {
          TaggedArticle article;
          try {
            article = get(tagged.get(i));
          } catch (TaggingFailed e) {
            // One article the pipeline chokes on is reported and skipped, as in a batch index.
            listener.line("Skipped article " + id(docs.get(i)) + ": " + e.getMessage());
            continue;
          }
          store.write(
              article,
              new ArticleStore.Outcome() {
                @Override
                public void written(WriteResult result) {
                  written.incrementAndGet();
                }

                @Override
                public void rejected(String id, String reason) {
                  listener.line("Skipped article " + id + ": " + reason);
                }
              });
        }
        seen += page.docs().size();
        long now = System.nanoTime();
        double rate = (seen - alreadySeen) / (Math.max(now - passStart, 1) / 1e9);
        long left = Math.max(0, expected - seen);
        listener.copied(
            seen, Math.max(seen, expected), rate, rate <= 0 ? -1 : Math.round(left / rate));
        pageDone.done(page.next(), seen);
        if (now - lastReport > 10_000_000_000L) {
          lastReport = now;
          listener.line(progressLine(verb, seen - alreadySeen, seen, expected, now - passStart));
        }
      }
      store.commit();
      listener.line(
          progressLine(
              verb,
              seen - alreadySeen,
              seen,
              Math.max(seen, expected),
              System.nanoTime() - passStart));
      return written.get();
    }

    /**
     * Deletes from the target the articles the source no longer has, except those the target got
     * with a version above {@code protect}; returns how many. Both are walked in id order.
     */
    long deleteMissing(long protect) throws IOException {
      List<String> fields = List.of(ArticleSchema.ID, VERSION);
      Iterator<SolrDocument> there = documents(target, fields);
      Iterator<SolrDocument> here = documents(source, fields);
      SolrDocument inSource = here.hasNext() ? here.next() : null;
      long deleted = 0;
      while (there.hasNext()) {
        SolrDocument doc = there.next();
        String id = id(doc);
        while (inSource != null && id(inSource).compareTo(id) < 0) {
          inSource = here.hasNext() ? here.next() : null;
        }
        boolean missing = inSource == null || !id(inSource).equals(id);
        if (missing && version(doc) <= protect && store.delete(id)) {
          deleted++;
        }
      }
      if (deleted > 0) {
        store.awaitDurable();
      }
      return deleted;
    }

    private Map<String, Long> versions(String collection, List<SolrDocument> docs)
        throws IOException {
      ModifiableSolrParams params = new ModifiableSolrParams();
      params.set("fl", ArticleSchema.ID + "," + VERSION);
      List<String> ids = docs.stream().map(SolrReindex::id).toList();
      Map<String, Long> result = new HashMap<>();
      if (ids.isEmpty()) {
        return result;
      }
      for (SolrDocument doc :
          retries.run("lookup in " + collection, () -> client.getById(collection, ids, params))) {
        result.put(id(doc), version(doc));
      }
      return result;
    }
  }

  private static String progressLine(
      String verb, long thisRun, long done, long expected, long nanos) {
    double seconds = Math.max(nanos, 1) / 1e9;
    double rate = thisRun / seconds;
    long left = Math.max(0, expected - done);
    String eta = left == 0 ? "0 s" : rate <= 0 ? "?" : formatDuration(Math.round(left / rate));
    return String.format(
        Locale.ROOT,
        "  %s %,d of %,d articles (%.1f/s), about %s left",
        verb,
        done,
        expected,
        rate,
        eta);
  }

  private static String formatDuration(long seconds) {
    return seconds < 120
        ? seconds + " s"
        : seconds < 7200 ? (seconds / 60) + " min" : (seconds / 3600) + " h";
  }

  private static List<String> storedFields() {
    List<String> fields = new ArrayList<>(SolrArticles.STORED);
    fields.add(ArticleSchema.VECTOR);
    fields.add(VERSION);
    return fields;
  }

  /** A page of articles and the {@code cursorMark} after it. */
  private record Page(SolrDocumentList docs, String next) {}

  /** Told after each page of a pass, once its articles are sent to the target. */
  @FunctionalInterface
  private interface PageDone {
    void done(String next, long seen) throws IOException;
  }

  /** The pages of a collection in id order, by {@code cursorMark}, from {@code start} on. */
  private Iterable<Page> pages(
      String collection, String filter, List<String> fields, String start) {
    return () ->
        new Iterator<>() {
          private String cursor = start;
          private Page next;
          private boolean done;

          @Override
          public boolean hasNext() {
            if (next == null && !done) {
              SolrQuery query = new SolrQuery("*:*");
              if (filter != null) {
                query.addFilterQuery(filter);
              }
              query.setFields(fields.toArray(String[]::new));
              query.setRows(batch);
              query.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
              query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
              QueryResponse response;
              try {
                response =
                    retries.run("read of " + collection, () -> client.query(collection, query));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              String after = response.getNextCursorMark();
              done = after.equals(cursor) || response.getResults().isEmpty();
              cursor = after;
              next =
                  response.getResults().isEmpty() ? null : new Page(response.getResults(), after);
            }
            return next != null;
          }

          @Override
          public Page next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Page page = next;
            next = null;
            return page;
          }
        };
  }

  private Iterator<SolrDocument> documents(String collection, List<String> fields) {
    Iterator<Page> pages =
        pages(collection, null, fields, CursorMarkParams.CURSOR_MARK_START).iterator();
    return new Iterator<>() {
      private Iterator<SolrDocument> page = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
          page = pages.next().docs().iterator();
        }
        return page.hasNext();
      }

      @Override
      public SolrDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
  }

  private static String id(SolrDocument doc) {
    return String.valueOf(doc.getFirstValue(ArticleSchema.ID));
  }

  private static long version(SolrDocument doc) {
    Object value = doc.getFirstValue(VERSION);
    return value == null ? 0L : ((Number) value).longValue();
  }

  private static TaggedArticle get(Future<TaggedArticle> tagged) throws IOException {
    try {
      return tagged.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while tagging", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw new TaggingFailed("tagging failed: " + e.getCause());
      }
      throw new IOException("tagging failed: " + e.getCause(), e.getCause());
    }
  }

  /** One article the taggers failed on. */
  private static final class TaggingFailed extends IOException {
    private static final long serialVersionUID = 1L;

    TaggingFailed(String message) {
      super(message);
    }
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Names the tagging threads. */
  private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "reindex-tagger-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    }
  }
}
