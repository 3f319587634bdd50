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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
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
 */
public final class SolrReindex {

  /** How far clocks of the cluster's nodes may disagree, covered by every catch-up pass. */
  static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);

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
  private final Consumer<String> progress;
  private final SolrRetries retries = new SolrRetries(Duration.ofMinutes(2));

  /**
   * @param client a client of the cluster
   * @param taggers a tagger per tagging thread (the current models and curation)
   * @param threads tagging threads
   * @param batch articles per page read and per update request
   * @param settle how long after the switch clients may still write to the old collection
   * @param progress told a line of progress now and then
   */
  public SolrReindex(
      CloudSolrClient client,
      Supplier<? extends EntityTagger> taggers,
      int threads,
      int batch,
      Duration settle,
      Consumer<String> progress) {
    if (threads < 1 || batch < 1) {
      throw new IllegalArgumentException("threads and batch must be at least 1");
    }
    this.client = Objects.requireNonNull(client, "client");
    this.taggers = Objects.requireNonNull(taggers, "taggers");
    this.threads = threads;
    this.batch = batch;
    this.settle = Objects.requireNonNull(settle, "settle");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What a reindex did.
   *
   * @param alias the alias switched
   * @param from the collection it pointed to, kept
   * @param to the new collection it points to now
   * @param copied articles copied by the first pass
   * @param copying the time of the first pass, new collection included
   * @param caughtUp articles copied again because they were written during the copy
   * @param deleted articles deleted because they were deleted during the copy
   * @param articles the articles of the new collection when done
   * @param elapsed the time it took
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
      Duration elapsed) {}

  /**
   * Rebuilds the collection behind {@code alias}; when there is no such alias yet, {@code from}
   * names the collection to copy and the alias is created at the end.
   *
   * @throws IllegalArgumentException when the alias and the source do not fit
   */
  public Result run(String alias, String from) throws IOException {
    long start = System.nanoTime();
    Map<String, String> aliases =
        retries
            .run("alias list", () -> new CollectionAdminRequest.ListAliases().process(client))
            .getAliases();
    String source = aliases.get(alias);
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
    DocCollection shape = client.getClusterStateProvider().getCollection(source);
    int shards = shape.getActiveSlices().size();
    int replicas = shape.getActiveSlices().iterator().next().getReplicas().size();
    String target = alias + "_" + SUFFIX.format(Instant.now());
    progress.accept(
        String.format(
            Locale.ROOT,
            "Reindexing %s (%s) into %s, %d shards x %d replicas, on the current configset",
            alias,
            source,
            target,
            shards,
            replicas));
    SolrCollections.uploadConfigset(client);
    SolrCollections.create(client, target, shards, replicas, Duration.ofMinutes(5));

    // The editors' curation goes with the articles: the alias's (its companion stays with the
    // alias), or that of the collection served until now when the alias is new.
    Supplier<Curation> curation =
        SolrCurations.polling(
            new SolrCurations(client, aliases.containsKey(alias) ? alias : source, retries),
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
      long since = System.currentTimeMillis();
      long total = count(source, null);
      long copied = copier.pass(null, Long.MAX_VALUE, total, "copied");
      long caughtUp = 0;
      Duration copying = Duration.ofNanos(System.nanoTime() - start);
      for (int pass = 0; pass < MAX_CATCH_UP_PASSES; pass++) {
        long passStart = System.currentTimeMillis();
        String changed = changedSince(since);
        caughtUp += copier.pass(changed, Long.MAX_VALUE, count(source, changed), "caught up");
        since = passStart;
        // The margin makes every pass copy some articles again: stop on what is really new.
        if (count(source, VERSION + ":[" + (passStart << 20) + " TO *]") < batch) {
          break;
        }
      }
      long deleted = copier.deleteMissing(Long.MAX_VALUE);
      // Before the switch the new collection is complete and searchable.
      retries.run("commit to " + target, () -> client.commit(target, true, true));
      long switchedAt = System.currentTimeMillis();
      retries.run(
          "alias switch", () -> CollectionAdminRequest.createAlias(alias, target).process(client));
      progress.accept(
          "Switched alias " + alias + " to " + target + "; copying late writes to " + source);
      long protect = (switchedAt - CLOCK_MARGIN.toMillis()) << 20;
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
      return new Result(
          alias,
          source,
          target,
          copied,
          copying,
          caughtUp,
          deleted,
          count(target, null),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
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

    /**
     * Copies the articles of the source that match {@code filter} (all when {@code null}), tagged
     * again, except those the target has with a version above {@code protect} (written there
     * directly, after the switch); returns how many it copied.
     */
    long pass(String filter, long protect, long expected, String verb) throws IOException {
      long passStart = System.nanoTime();
      AtomicLong written = new AtomicLong();
      long seen = 0;
      long lastReport = passStart;
      for (SolrDocumentList page : pages(source, filter, storedFields())) {
        List<SolrDocument> docs = new ArrayList<>(page);
        if (protect != Long.MAX_VALUE) {
          Map<String, Long> there = versions(target, docs);
          docs.removeIf(doc -> there.getOrDefault(id(doc), Long.MIN_VALUE) > protect);
        }
        List<Future<TaggedArticle>> tagged = new ArrayList<>(docs.size());
        for (SolrDocument doc : docs) {
          tagged.add(pool.submit(() -> tagger.get().tag(SolrArticles.fromDocument(doc).article())));
        }
        for (int i = 0; i < tagged.size(); i++) {
          TaggedArticle article;
          try {
            article = get(tagged.get(i));
          } catch (TaggingFailed e) {
            // One article the pipeline chokes on is reported and skipped, as in a batch index.
            progress.accept("Skipped article " + id(docs.get(i)) + ": " + e.getMessage());
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
                  progress.accept("Skipped article " + id + ": " + reason);
                }
              });
        }
        seen += page.size();
        long now = System.nanoTime();
        if (now - lastReport > 10_000_000_000L) {
          lastReport = now;
          progress.accept(progressLine(verb, seen, expected, now - passStart));
        }
      }
      store.commit();
      progress.accept(
          progressLine(verb, seen, Math.max(seen, expected), System.nanoTime() - passStart));
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

  private static String progressLine(String verb, long done, long expected, long nanos) {
    double seconds = Math.max(nanos, 1) / 1e9;
    double rate = done / seconds;
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
    fields.add(VERSION);
    return fields;
  }

  /** The pages of a collection in id order, by {@code cursorMark}. */
  private Iterable<SolrDocumentList> pages(String collection, String filter, List<String> fields) {
    return () ->
        new Iterator<>() {
          private String cursor = CursorMarkParams.CURSOR_MARK_START;
          private SolrDocumentList next;
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
              next = response.getResults().isEmpty() ? null : response.getResults();
            }
            return next != null;
          }

          @Override
          public SolrDocumentList next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            SolrDocumentList page = next;
            next = null;
            return page;
          }
        };
  }

  private Iterator<SolrDocument> documents(String collection, List<String> fields) {
    Iterator<SolrDocumentList> pages = pages(collection, null, fields).iterator();
    return new Iterator<>() {
      private Iterator<SolrDocument> page = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && pages.hasNext()) {
          page = pages.next().iterator();
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
