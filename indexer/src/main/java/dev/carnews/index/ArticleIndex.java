package dev.carnews.index;

import dev.carnews.curation.Curation;
import dev.carnews.curation.CurationCodec;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.PersonLinks;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news index: one {@link Directory}, the single {@link IndexWriter} and a {@link
 * SearcherManager} for near-real-time readers.
 *
 * <p>Thread-safe: any number of threads may call {@link #write}, {@link #delete}, {@link #refresh}
 * and {@link #commit} at once (the {@code IndexWriter} is thread-safe; writes of one id are
 * serialized so {@link WriteResult#created()} stays exact). Writes become visible to searchers
 * after {@link #refresh()} and durable after {@link #commit()}; {@code commit} also refreshes.
 */
public final class ArticleIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);

  private final Directory directory;
  private final IndexWriter writer;

  /** Keeps the commit points that backups are copying from deletion. */
  private final SnapshotDeletionPolicy snapshots;

  private final SearcherManager searchers;

  /** What prepares each new reader before it serves ({@link #warmNewReadersWith}). */
  private final List<ReaderWarmer> warmers = new CopyOnWriteArrayList<>();

  /** How title and body are indexed: as the schema says, or as this older index has them. */
  private final FieldType textType;

  /** Ids written or deleted since the reader last refreshed: (present?, sequence of the write). */
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  private final AtomicLong sequence = new AtomicLong();

  /** Keeps versions in their stories; {@code null} when the index was opened without stories. */
  private final StoryKeeper stories;

  /** Writes since the last refresh after which a write refreshes the reader itself. */
  static final int MAX_PENDING = 10_000;

  private record Pending(boolean present, long seq) {}

  /** The commit user data key of the curation ({@link CurationCodec} JSON). */
  static final String CURATION = "curation";

  /** What the answers make of the tagger's entities; replaced whole by {@link #curate}. */
  private volatile Curation curation;

  /**
   * Article writes hold the read lock while they render and apply a document; a curation change
   * holds the write lock, so every write is either visible to its rewrite or rendered with it.
   */
  private final ReadWriteLock curating = new ReentrantReadWriteLock();

  /**
   * What a curation change did.
   *
   * @param curation the curation now
   * @param rewritten how many articles were rewritten
   */
  public record Curated(Curation curation, int rewritten) {}

  private ArticleIndex(Directory directory, VersionRule rule) throws IOException {
    this.directory = directory;
    boolean exists = DirectoryReader.indexExists(directory);
    Map<String, String> recorded =
        exists ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
    // Refused before a writer touches it: an index of another schema is left as it was.
    IndexVersion.check(where(directory), recorded);
    IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setIndexSort(ArticleSchema.newestFirst());
    config.setRAMBufferSizeMB(64);
    config.setCodec(ArticleSchema.codec());
    this.snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    config.setIndexDeletionPolicy(snapshots);
    this.writer = new IndexWriter(directory, config);
    Map<String, String> stamped = new HashMap<>(recorded);
    stamped.putIfAbsent(
        IndexVersion.SCHEMA,
        Integer.toString(exists ? IndexVersion.UNRECORDED : IndexVersion.CURRENT));
    writer.setLiveCommitData(stamped.entrySet(), !stamped.equals(recorded));
    if (!exists) {
      // A new index is committed empty at once, so the folder always holds a readable index.
      writer.commit();
    }
    String stored = recorded.get(CURATION);
    this.curation = stored == null ? Curation.none() : CurationCodec.decode(stored);
    this.searchers = new SearcherManager(writer, true, false, new WarmingFactory());
    this.searchers.addListener(new PendingCleaner());
    this.textType = textTypeOf(searchers);
    this.stories = rule == null ? null : new StoryKeeper(writer, searchers, this::document, rule);
    if (stories != null) {
      this.searchers.addListener(stories);
    }
  }

  /** The folder of an index on disk, else what the directory says it is, for messages. */
  private static String where(Directory directory) {
    return FilterDirectory.unwrap(directory) instanceof FSDirectory folder
        ? folder.getDirectory().toAbsolutePath().toString()
        : directory.toString();
  }

  /**
   * Records the versions of the models that tag the articles written from now on ({@code entities},
   * {@code embedding}), in the user data of the next commit. A model other than the one recorded is
   * logged: the index then holds articles tagged by both until it is rebuilt.
   */
  public synchronized void recordModels(Map<String, String> models) {
    Map<String, String> live = versionData();
    boolean changed = false;
    for (Map.Entry<String, String> model : models.entrySet()) {
      String before = live.put(IndexVersion.MODEL + model.getKey(), model.getValue());
      if (!model.getValue().equals(before)) {
        changed = true;
        if (before != null) {
          LOG.warn(
              "The index at {} was tagged by {} {}, articles written now by {}: rebuild it for"
                  + " one model",
              where(directory),
              model.getKey(),
              before,
              model.getValue());
        }
      }
    }
    if (changed) {
      writer.setLiveCommitData(live.entrySet(), true);
    }
  }

  /** The schema and model versions the index records (or will with its next commit). */
  public Map<String, String> versions() {
    return IndexVersion.versions(versionData());
  }

  private Map<String, String> versionData() {
    Map<String, String> live = new HashMap<>();
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      data.forEach(entry -> live.put(entry.getKey(), entry.getValue()));
    }
    return live;
  }

  /**
   * {@link ArticleSchema#TEXT_TYPE}, unless the index already has a body indexed without offsets
   * (built before offsets came back): Lucene refuses to change a field's index options.
   */
  private static FieldType textTypeOf(SearcherManager searchers) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      FieldInfo body =
          FieldInfos.getMergedFieldInfos(searcher.getIndexReader()).fieldInfo(ArticleSchema.BODY);
      return body != null
              && body.getIndexOptions() == ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS.indexOptions()
          ? ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS
          : ArticleSchema.TEXT_TYPE;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Opens the index in a folder, creating the folder and an empty index when needed. */
  public static ArticleIndex open(Path folder) throws IOException {
    return open(FSDirectory.open(folder));
  }

  /** Opens the index in a folder, keeping stories with {@code rule} ({@code null}: none). */
  public static ArticleIndex open(Path folder, VersionRule rule) throws IOException {
    return open(FSDirectory.open(folder), rule);
  }

  /**
   * Opens the index in a directory (a {@code ByteBuffersDirectory} in tests), creating an empty
   * index when there is none. The returned index owns the directory and closes it.
   */
  public static ArticleIndex open(Directory directory) throws IOException {
    return open(directory, VersionRule.defaults());
  }

  /**
   * Opens the index in a directory; writes keep stories with {@code rule}, or not at all when it is
   * {@code null} (articles then get no {@code story} and each is its own story: the baseline that
   * the cost of stories is measured against).
   */
  public static ArticleIndex open(Directory directory, VersionRule rule) throws IOException {
    Objects.requireNonNull(directory, "directory");
    try {
      return new ArticleIndex(directory, rule);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Adds the article, or replaces the one with the same id (idempotent). Visible to searchers after
   * {@link #refresh()}, durable after {@link #commit()}.
   */
  public WriteResult write(TaggedArticle article) throws IOException {
    curating.readLock().lock();
    try {
      return writeCurated(article);
    } finally {
      curating.readLock().unlock();
    }
  }

  private WriteResult writeCurated(TaggedArticle article) throws IOException {
    String id = article.article().id();
    Document doc = document(article);
    if (stories == null) {
      boolean existed = apply(id, true, key -> writer.updateDocument(idTerm(key), doc));
      return new WriteResult(id, !existed);
    }
    boolean[] existed = new boolean[1];
    stories.write(
        id,
        article.article().published(),
        doc,
        written ->
            existed[0] = apply(id, true, key -> writer.updateDocument(idTerm(key), written)));
    return new WriteResult(id, !existed[0]);
  }

  /**
   * Deletes the article with this id. Returns whether there was one. Visible after {@link
   * #refresh()}, durable after {@link #commit()}.
   */
  public boolean delete(String id) throws IOException {
    Objects.requireNonNull(id, "id");
    curating.readLock().lock();
    try {
      if (stories == null) {
        return apply(id, false, key -> writer.deleteDocuments(idTerm(key)));
      }
      return stories.delete(id, () -> apply(id, false, key -> writer.deleteDocuments(idTerm(key))));
    } finally {
      curating.readLock().unlock();
    }
  }

  /**
   * The document of an article as the tagger tagged it, with this index's text type and curation.
   */
  Document document(TaggedArticle article) {
    return ArticleDocuments.toDocument(article, textType, curation);
  }

  /**
   * The curation recorded in the commit a reader reads ({@link Curation#none()} when none was): how
   * a reindex carries the editors' decisions and automatic links into the index it builds.
   */
  public static Curation curationOf(DirectoryReader reader) throws IOException {
    String stored = reader.getIndexCommit().getUserData().get(CURATION);
    return stored == null ? Curation.none() : CurationCodec.decode(stored);
  }

  /** The curation every answer and every write now follows. */
  public Curation curation() {
    return curation;
  }

  /**
   * Changes the curation and rewrites, from their tagger values, the articles whose entities it
   * changes (found by a term query on each changed value, raw or shown), keeping their stories;
   * then commits the articles and the curation (in the commit's user data) together, so a decision
   * is durable exactly when the answers it changes are. Article writes wait meanwhile.
   *
   * @param change makes the new curation from the current one; its exceptions go to the caller and
   *     change nothing
   * @throws IOException when rewriting or committing failed: the decision may be lost
   */
  public Curated curate(UnaryOperator<Curation> change) throws IOException {
    curating.writeLock().lock();
    try {
      Curation before = curation;
      Curation after = change.apply(before);
      Set<Curation.TypedKey> changed = Curation.changed(before, after);
      // Every write so far becomes visible, so the rewrite below sees its article.
      refresh();
      curation = after;
      int rewritten;
      try {
        rewritten = rewrite(changed);
        recordCuration(after);
        commit();
      } catch (IOException | RuntimeException e) {
        curation = before;
        throw e;
      }
      return new Curated(after, rewritten);
    } finally {
      curating.writeLock().unlock();
    }
  }

  /** Puts the curation in the next commit's user data; synchronized like {@link #recordModels}. */
  private synchronized void recordCuration(Curation next) {
    Map<String, String> live = versionData();
    live.put(CURATION, CurationCodec.encode(next));
    writer.setLiveCommitData(live.entrySet(), true);
  }

  /** Rewrites every article with one of these values, raw or shown; how many. */
  private int rewrite(Set<Curation.TypedKey> changed) throws IOException {
    if (changed.isEmpty()) {
      return 0;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Curation.TypedKey key : changed) {
      boolean brand = key.type() == EntityType.BRAND;
      query.add(
          new TermQuery(
              new Term(
                  brand ? ArticleSchema.RAW_BRAND_KEY : ArticleSchema.RAW_PERSON_KEY, key.key())),
          BooleanClause.Occur.SHOULD);
      query.add(
          new TermQuery(
              new Term(brand ? ArticleSchema.BRAND_KEY : ArticleSchema.PERSON_KEY, key.key())),
          BooleanClause.Occur.SHOULD);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      int count = searcher.count(query.build());
      if (count == 0) {
        return 0;
      }
      for (ScoreDoc hit : searcher.search(query.build(), count).scoreDocs) {
        Document stored = ArticleDocuments.storedWithVector(searcher, hit.doc);
        TaggedArticle raw = ArticleDocuments.fromStored(stored);
        Document doc = document(raw);
        String story = stored.get(ArticleSchema.STORY);
        if (stories != null && story != null) {
          // The text is unchanged, so is its fingerprint: the article stays in its story.
          Article article = raw.article();
          doc =
              ArticleDocuments.withStory(
                  doc,
                  story,
                  MinHashBands.fingerprint(
                      StoryText.of(
                          article.id(), article.title(), article.body(), article.published())));
        }
        rewrite(raw.article().id(), doc);
      }
      return count;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Writes a document as it is, bypassing stories: {@link Restory} clears story fields with it. */
  void rewrite(String id, Document doc) throws IOException {
    apply(id, true, key -> writer.updateDocument(idTerm(key), doc));
  }

  /** The title and body field type of this index's documents. */
  FieldType textType() {
    return textType;
  }

  /** One change to the writer, by id. */
  @FunctionalInterface
  private interface Change {
    void apply(String id) throws IOException;
  }

  /**
   * Applies a write or delete while holding the id, so "was it there before" is exact under
   * concurrent writers of the same id. Returns whether the article existed before the change.
   */
  private boolean apply(String id, boolean presentAfter, Change change) throws IOException {
    boolean[] existed = new boolean[1];
    IOException[] failure = new IOException[1];
    pending.compute(
        id,
        (key, before) -> {
          try {
            existed[0] = before != null ? before.present() : inSearcher(key);
            change.apply(key);
            return new Pending(presentAfter, sequence.incrementAndGet());
          } catch (IOException e) {
            failure[0] = e;
            return before;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    refreshIfManyPending();
    return existed[0];
  }

  /** Makes every write so far visible to new searchers (near real time, not durable). */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Makes every write so far durable on disk, then visible to searchers. */
  public void commit() throws IOException {
    writer.commit();
    refresh();
  }

  /**
   * What a merge did.
   *
   * @param before the segments before it
   * @param after the segments after it
   * @param took how long it took
   */
  public record Merged(int before, int after, Duration took) {}

  /** The segments of the index as its searchers see it now. */
  public int segments() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Merges the index into at most {@code maxSegments} segments, waits for the merge, then commits
   * it and makes it visible. Each segment is searched on its own, its own nearest-neighbour graph
   * and term dictionary included, so an archive written in one run searches fastest as one segment.
   * The merge rewrites the whole index (about as many bytes again on disk while it runs); searches
   * and writes go on meanwhile, and writes made during it may leave segments of their own.
   */
  public Merged merge(int maxSegments) throws IOException {
    if (maxSegments < 1) {
      throw new IllegalArgumentException("maxSegments must be >= 1, was " + maxSegments);
    }
    commit();
    int before = segments();
    long start = System.nanoTime();
    // Also when the segments are few enough: a segment holding deleted articles is rewritten.
    writer.forceMerge(maxSegments, true);
    commit();
    return new Merged(before, segments(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Backs up the index as it is now into a repository, while writes go on: commits, then copies
   * that commit point under a snapshot, so merges and later commits cannot delete its files
   * meanwhile. Only files no earlier backup holds are copied.
   *
   * @param keep how many backups the repository keeps, the newest
   * @throws UnsupportedOperationException when the index is not in a folder
   */
  public BackupInfo backup(IndexBackups repository, int keep) throws IOException {
    if (!(FilterDirectory.unwrap(directory) instanceof FSDirectory folder)) {
      throw new UnsupportedOperationException("only an index in a folder can be backed up");
    }
    writer.commit();
    IndexCommit commit = snapshots.snapshot();
    try {
      return repository.backup(folder.getDirectory(), commit, keep);
    } finally {
      snapshots.release(commit);
      writer.deleteUnusedFiles();
    }
  }

  /**
   * The reader manager: {@code acquire()} a searcher, search, and {@code release} it in a {@code
   * finally}. Never close it: {@link #close()} does.
   */
  public SearcherManager searchers() {
    return searchers;
  }

  /**
   * Prepares what a reader's searches keep for that reader (facet ordinals, entity directories and
   * the like) on a new reader, before any search sees it.
   */
  @FunctionalInterface
  public interface ReaderWarmer {
    void warm(IndexSearcher searcher) throws IOException;
  }

  /**
   * Has {@code warmer} prepare every reader opened from now on (after a write, a commit or a
   * refresh) before {@link #searchers()} hands it out, as Solr warms a new searcher before it
   * registers it: the refresh takes the time, not the first reader after each write. A refresh, and
   * so a write's acknowledgement, waits for the warmers. A warmer that fails is logged and the
   * reader serves anyway; its searches then build what they need themselves.
   */
  public void warmNewReadersWith(ReaderWarmer warmer) {
    warmers.add(Objects.requireNonNull(warmer, "warmer"));
  }

  /** Opens the searchers of new readers, warmed by every {@link ReaderWarmer} in turn. */
  private final class WarmingFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
        throws IOException {
      IndexSearcher searcher = super.newSearcher(reader, previousReader);
      for (ReaderWarmer warmer : warmers) {
        try {
          warmer.warm(searcher);
        } catch (IOException | RuntimeException e) {
          LOG.warn("Warming a new reader failed; its first searches prepare it instead", e);
        }
      }
      return searcher;
    }
  }

  /**
   * The tagger's person values of every article the current searcher sees, with their dates and
   * texts ({@link ArticleDocuments#taggedPersons}).
   */
  public List<PersonLinks.ArticlePersons> taggedPersons() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return ArticleDocuments.taggedPersons(searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  /** How many articles the current searcher sees. */
  public int count() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /** The size of the index files on disk, in bytes (files being merged away may be missed). */
  public long sizeInBytes() throws IOException {
    long bytes = 0;
    for (String file : directory.listAll()) {
      try {
        bytes += directory.fileLength(file);
      } catch (NoSuchFileException | FileNotFoundException e) {
        // Deleted by a merge between listing and measuring: it no longer counts.
      }
    }
    return bytes;
  }

  /** Commits pending writes and closes the searchers, the writer and the directory. */
  @Override
  public void close() throws IOException {
    try (directory;
        writer;
        searchers) {
      writer.commit();
    }
  }

  /** Bounds the pending-id memory of long batches: a refresh lets the reader answer for them. */
  private void refreshIfManyPending() throws IOException {
    if (pending.size() >= MAX_PENDING) {
      searchers.maybeRefresh();
    }
  }

  private boolean inSearcher(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(idTerm(id))) > 0;
    } finally {
      searchers.release(searcher);
    }
  }

  private static Term idTerm(String id) {
    return new Term(ArticleSchema.ID, id);
  }

  /** Forgets pending ids once a refreshed reader shows them (unless written again meanwhile). */
  private final class PendingCleaner implements ReferenceManager.RefreshListener {
    private Map<String, Pending> snapshot = Map.of();

    @Override
    public void beforeRefresh() {
      snapshot = Map.copyOf(pending);
    }

    @Override
    public void afterRefresh(boolean didRefresh) {
      if (didRefresh) {
        snapshot.forEach(pending::remove);
      }
      snapshot = Map.of();
    }
  }
}
