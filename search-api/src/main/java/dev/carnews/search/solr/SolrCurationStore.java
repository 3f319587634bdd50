package dev.carnews.search.solr;

import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.RAW_BRAND;
import static dev.carnews.index.ArticleSchema.RAW_PERSON;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.curation.Curation;
import dev.carnews.entity.PersonLinks;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.search.ArchiveUnavailableException;
import dev.carnews.solrcloud.SolrArticles;
import dev.carnews.solrcloud.SolrCurations;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.write.CurationStore;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' curation of a SolrCloud collection ({@link SolrCurations}: one document of the
 * companion collection {@code <collection>_curation}). A change is stored, the articles it changes
 * are written again from their tagger values and made searchable, and only then does {@link
 * #change} return; the archive is then told ({@code visible}), so no cached answer outlives it.
 *
 * <p>Changes of this service apply one at a time, and the service's article writes ({@link
 * CloudArticleStore}) wait while one applies, so none is rendered with a curation about to change.
 * Several services on one collection never lose each other's decisions (each write of the curation
 * names the version it replaces); each reads the stored version once a second and follows a change
 * another made, telling the archive as for its own.
 */
public final class SolrCurationStore implements CurationStore, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCurationStore.class);

  /** How often the stored version is read, to follow another service's changes. */
  static final Duration POLL = Duration.ofSeconds(1);

  /** How many times a change is tried again when other services keep storing theirs first. */
  private static final int MAX_ATTEMPTS = 20;

  /** How many articles one read of {@link #taggedPersons} answers. */
  private static final int PAGE = 500;

  private final CloudConnection connection;
  private final String collection;
  private final UnaryOperator<TaggedArticle> complete;
  private final Runnable visible;

  /** Held by every change, and by whoever must see none happen ({@link #withoutChanges}). */
  private final ReentrantLock deciding = new ReentrantLock();

  /** Changes hold the write lock; article writes the read lock. */
  private final ReentrantReadWriteLock changing = new ReentrantReadWriteLock(true);

  /** Held while the known curation is read and replaced, by polls and by changes. */
  private final ReentrantLock knowing = new ReentrantLock();

  private final ScheduledExecutorService poller;
  private volatile SolrCurations.Stored known;
  private volatile SolrCurations changes;
  private volatile SolrCurations polls;

  /**
   * The curation of {@code collection} (a collection or an alias) of the connected cluster; starts
   * reading it at once, in the background.
   *
   * @param complete gives an article read back from Solr what its stored fields lack before it is
   *     written again (its vector when the collection's configset predates stored vectors):
   *     identity when the service has no embedding model
   * @param visible told when the curation, and the articles it rewrote, changed
   */
  public SolrCurationStore(
      CloudConnection connection,
      String collection,
      UnaryOperator<TaggedArticle> complete,
      Runnable visible) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.complete = Objects.requireNonNull(complete, "complete");
    this.visible = Objects.requireNonNull(visible, "visible");
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "solr-curation-poll");
              thread.setDaemon(true);
              return thread;
            });
    poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The curation the answers follow: the last read or made here ({@link Curation#none()} until the
   * cluster first answered).
   */
  @Override
  public Curation current() {
    SolrCurations.Stored now = known;
    return now == null ? Curation.none() : now.curation();
  }

  /**
   * The stored version of the curation the answers follow ({@link SolrCurations#NONE_YET} when none
   * was read or stored): it changes with every change, here or in another service.
   */
  public long version() {
    SolrCurations.Stored now = known;
    return now == null ? SolrCurations.NONE_YET : now.version();
  }

  @Override
  public Changed change(UnaryOperator<Curation> change) throws IOException {
    deciding.lock();
    changing.writeLock().lock();
    try {
      SolrCurations curations = changes();
      for (int attempt = 1; ; attempt++) {
        SolrCurations.Stored stored = curations.read();
        Curation after = change.apply(stored.curation());
        // Values a change killed half-way left pending are rewritten with this one.
        Set<Curation.TypedKey> values = new LinkedHashSet<>(stored.pending());
        values.addAll(Curation.changed(stored.curation(), after));
        long version = curations.write(after, values, stored.version());
        if (version == SolrCurations.NONE_YET) {
          SolrCurations.Stored now = curations.read();
          if (!now.curation().equals(after)) {
            // Another service stored a change first: start again from it.
            if (attempt >= MAX_ATTEMPTS) {
              throw new ArchiveUnavailableException(
                  "the curation kept changing under this decision; try it again", null);
            }
            continue;
          }
          // This write was taken, and only its answer lost.
          version = now.version();
        }
        int rewritten = curations.rewrite(values, after, complete);
        long cleared = curations.write(after, List.of(), version);
        SolrCurations.Stored result = new SolrCurations.Stored(after, cleared, Set.of());
        if (cleared == SolrCurations.NONE_YET) {
          // Another service stored a change on top of this one meanwhile, and may have rewritten
          // these articles before this service did: they follow the newest curation.
          result = curations.read();
          curations.rewrite(values, result.curation(), complete);
        }
        remember(result);
        visible.run();
        return new Changed(after, rewritten);
      }
    } catch (SolrRetries.PermanentFailure e) {
      throw new IOException("the search cluster refused the curation change: " + e.getMessage(), e);
    } finally {
      changing.writeLock().unlock();
      deciding.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every article of the collection, read in id order a page at a time ({@code cursorMark}): the
   * tagger's person values are a curated article's {@code raw_person}, else its shown ones, as on a
   * local index.
   */
  @Override
  public Optional<List<PersonLinks.ArticlePersons>> taggedPersons() throws IOException {
    CloudSolrClient client = connection.client();
    SolrRetries reads = new SolrRetries(Duration.ofSeconds(30));
    SolrQuery query = new SolrQuery("*:*");
    query.setFields(ID, PUBLISHED, RAW_PERSON, PERSON, RAW_BRAND, TITLE, BODY);
    query.setRows(PAGE);
    query.setSort(ID, SolrQuery.ORDER.asc);
    List<PersonLinks.ArticlePersons> articles = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    try {
      while (true) {
        query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
        SolrQuery page = query.getCopy();
        QueryResponse answer =
            reads.run("read of the persons of " + collection, () -> client.query(collection, page));
        for (SolrDocument doc : answer.getResults()) {
          boolean curated =
              doc.getFieldValues(RAW_PERSON) != null || doc.getFieldValues(RAW_BRAND) != null;
          Object title = doc.getFirstValue(TITLE);
          Object body = doc.getFirstValue(BODY);
          articles.add(
              new PersonLinks.ArticlePersons(
                  (String) doc.getFirstValue(ID),
                  SolrAnswers.published(doc),
                  SolrArticles.strings(doc, curated ? RAW_PERSON : PERSON),
                  (title == null ? "" : title) + "\n\n" + (body == null ? "" : body)));
        }
        String next = answer.getNextCursorMark();
        if (next == null || next.equals(cursor)) {
          return Optional.of(articles);
        }
        cursor = next;
      }
    } catch (SolrRetries.PermanentFailure e) {
      throw new IOException(
          "the search cluster refused to list the articles: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ArchiveUnavailableException("the search cluster did not answer in time", e);
    }
  }

  /**
   * Runs {@code work} while no change of this service applies (article writes go on): a backup of
   * the articles and then of the curation sees the same decisions.
   */
  public <T> T withoutChanges(Work<T> work) throws IOException {
    deciding.lock();
    try {
      return work.run();
    } finally {
      deciding.unlock();
    }
  }

  /** Work done while no change applies. */
  public interface Work<T> {
    /** Does it. */
    T run() throws IOException;
  }

  /**
   * Runs an article write with the curation it must show: waits while a change applies, and reads
   * the curation first when it was never read (a write never drops the editors' decisions).
   */
  <T> T writing(Write<T> write) throws IOException {
    changing.readLock().lock();
    try {
      SolrCurations.Stored now = known;
      if (now == null) {
        now = changes().read();
        remember(now);
      }
      return write.with(now.curation());
    } finally {
      changing.readLock().unlock();
    }
  }

  /** An article write given the curation. */
  interface Write<T> {
    T with(Curation curation) throws IOException;
  }

  /** Reads the stored version and follows it when it moved (another service's change). */
  private void poll() {
    if (!knowing.tryLock()) {
      return;
    }
    try {
      if (polls == null) {
        polls = new SolrCurations(connection.client(), collection, new SolrRetries(Duration.ZERO));
      }
      SolrCurations.Stored stored = polls.read();
      SolrCurations.Stored before = known;
      known = stored;
      if (before != null && before.version() != stored.version()) {
        LOG.info("The curation of {} changed: {}", collection, stored.curation());
        visible.run();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Reading the curation of {} failed: {}", collection, e.toString());
    } finally {
      knowing.unlock();
    }
  }

  private void remember(SolrCurations.Stored stored) {
    knowing.lock();
    try {
      known = stored;
    } finally {
      knowing.unlock();
    }
  }

  private SolrCurations changes() throws ArchiveUnavailableException {
    SolrCurations made = changes;
    if (made == null) {
      made =
          new SolrCurations(
              connection.client(), collection, new SolrRetries(Duration.ofSeconds(30)));
      changes = made;
    }
    return made;
  }

  /** Stops following the stored version. */
  @Override
  public void close() {
    poller.shutdownNow();
  }
}
