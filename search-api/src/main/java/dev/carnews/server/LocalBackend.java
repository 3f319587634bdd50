package dev.carnews.server;

import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.ReindexService;
import dev.carnews.curation.Curation;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.PersonLinks;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.IndexBackups;
import dev.carnews.index.IndexCheck;
import dev.carnews.index.IndexPointer;
import dev.carnews.index.IndexVersion;
import dev.carnews.index.Reindex;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.Ranking;
import dev.carnews.search.lucene.LuceneNewsArchive;
import dev.carnews.search.lucene.SearchThreads;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service on a local Lucene index: checked before anything is served from it, filled from the
 * sample corpus when empty (unless told not to), written through a group committer. The folder
 * served is {@code --index DIR}, or the one its pointer {@code DIR.current} names after a reindex
 * switched to it; a reindex switches the served index while the service runs ({@link LiveIndex}).
 */
final class LocalBackend implements Backend {

  private static final Logger LOG = LoggerFactory.getLogger(LocalBackend.class);

  /** How long the committer gathers concurrent writes into one commit. */
  private static final Duration COMMIT_GATHER = Duration.ofMillis(2);

  private final SearchThreads threads;

  /** What warms the answer cache on each new reader; null (the default): nothing is done. */
  private volatile AnswerWarmer answerWarmer;

  private final LiveIndex live;
  private final NewsArchive archive;
  private final ArticleWriter writer;
  private final LocalBackups backups;
  private final LocalReindex reindex;

  /**
   * Opens (or creates) the index of {@code home}.
   *
   * @param home the {@code --index} folder
   * @param fullCheck check the whole index structure, not only the file checksums
   * @param sample fill an empty index from the sample corpus
   * @param searchThreads threads one search may spread over
   * @param meaning the embedding model (loaded on first use), or {@code null} for keyword only
   * @param backupRepository where the admin routes put backups, or {@code null} for none
   * @param backupKeep how many backups the repository keeps
   */
  LocalBackend(
      Path home,
      boolean fullCheck,
      boolean sample,
      Ranking ranking,
      int searchThreads,
      Supplier<TextEmbedder> meaning,
      Path backupRepository,
      int backupKeep)
      throws IOException {
    Path folder = IndexPointer.resolve(home);
    if (!folder.equals(home)) {
      LOG.info("Serving {}, which the pointer {} names", folder, IndexPointer.fileOf(home));
      // The pointer names only a complete build: a switch killed before it cleared the marker.
      Reindex.complete(folder);
    }
    // A damaged index is refused here, before anything is served from it.
    IndexCheck.verify(folder, fullCheck);
    Files.createDirectories(folder);
    ArticleIndex articles = ArticleIndex.open(folder);
    // The sample (and the entity models that tag it) load only when the index is empty.
    if (articles.count() == 0) {
      if (sample) {
        articles.recordModels(Main.modelVersions(meaning));
        Main.sampleCorpus(meaning).fillIfEmpty(articles);
      } else {
        LOG.info("Starting with an empty index");
      }
    }
    this.threads = SearchThreads.of(searchThreads);
    LocalReindex.Opener opener =
        (where, index, base) -> {
          LuceneNewsArchive searching =
              new LuceneNewsArchive(
                  index.searchers(), ranking, LuceneNewsArchive.DEFAULT_TIME_BUDGET, threads);
          if (meaning != null) {
            searching.searchingByMeaning(meaning);
          }
          index.warmNewReadersWith(searching::warm);
          ServedIndex served =
              new ServedIndex(
                  where, index, new GroupCommitter(index, COMMIT_GATHER), searching, base);
          // The popular answers of the index being served are made again on each new reader of it
          // before that reader serves; an index being rebuilt beside it serves no one yet.
          index.warmNewReadersWith(
              searcher -> {
                AnswerWarmer warmer = answerWarmer;
                if (warmer != null && serving(served)) {
                  warmer.warm(
                      ServedIndex.served(base, LuceneNewsArchive.versionOf(searcher)),
                      request -> searching.search(searcher, request));
                }
              });
          return served;
        };
    this.live =
        new LiveIndex(opener.open(folder, articles, new dev.carnews.search.IndexVersion(0, 0)));
    this.archive = new SwitchingArchive(live);
    Supplier<EntityTagger> taggers = Main.taggers(meaning);
    AtomicBoolean recorded = new AtomicBoolean();
    // The models are recorded with the first write they tag, not by a service that only reads.
    Supplier<EntityTagger> recording =
        () -> {
          if (recorded.compareAndSet(false, true)) {
            live.current().index.recordModels(Main.modelVersions(meaning));
          }
          return taggers.get();
        };
    this.writer = new ArticleWriter(live.store(), recording);
    this.backups =
        backupRepository == null
            ? null
            : new LocalBackups(live, IndexBackups.at(backupRepository), backupKeep);
    this.reindex =
        new LocalReindex(
            home,
            live,
            taggers,
            Main.modelVersions(meaning),
            opener,
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  @Override
  public Optional<CurationStore> curations() {
    // The index served now: a reindex switches it, and the decisions go with it.
    return Optional.of(
        new CurationStore() {
          @Override
          public Curation current() {
            return live.current().index.curation();
          }

          @Override
          public Changed change(UnaryOperator<Curation> change) throws IOException {
            ArticleIndex.Curated done = live.current().index.curate(change);
            return new Changed(done.curation(), done.rewritten());
          }

          @Override
          public Optional<List<PersonLinks.ArticlePersons>> taggedPersons() throws IOException {
            return Optional.of(live.current().index.taggedPersons());
          }
        });
  }

  @Override
  public Optional<IndexBackupService> backups() {
    return Optional.ofNullable(backups);
  }

  @Override
  public Optional<ReindexService> reindex() {
    return Optional.of(reindex);
  }

  @Override
  public NewsArchive archive() {
    return archive;
  }

  @Override
  public ArticleWriter writer() {
    return writer;
  }

  @Override
  public long localBytes() {
    try {
      return live.read(served -> served.index.sizeInBytes());
    } catch (IOException e) {
      return -1L;
    }
  }

  /** Whether {@code index} is the one serving now (not one being rebuilt, not one retired). */
  private boolean serving(ServedIndex index) {
    return live != null && live.current() == index;
  }

  @Override
  public void warmAnswersWith(AnswerWarmer warmer) {
    this.answerWarmer = Objects.requireNonNull(warmer, "warmer");
  }

  @Override
  public String describe() throws IOException {
    ServedIndex served = live.current();
    return "index "
        + served.folder.toAbsolutePath()
        + ", "
        + archive.count()
        + " articles, schema "
        + served.index.versions().get(IndexVersion.SCHEMA);
  }

  @Override
  public void close() {
    threads.close();
    live.current().close();
  }
}
