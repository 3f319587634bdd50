package dev.carnews.server;

import dev.carnews.admin.IndexBackupService;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.index.IndexBackups;
import dev.carnews.index.IndexCheck;
import dev.carnews.index.IndexVersion;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service on a local Lucene index: checked before anything is served from it, filled from the
 * sample corpus when empty (unless told not to), written through a group committer.
 */
final class LocalBackend implements Backend {

  private static final Logger LOG = LoggerFactory.getLogger(LocalBackend.class);

  /** How long the committer gathers concurrent writes into one commit. */
  private static final Duration COMMIT_GATHER = Duration.ofMillis(2);

  private final Path folder;
  private final ArticleIndex articles;
  private final SearchThreads threads;
  private final GroupCommitter committer;
  private final LuceneNewsArchive archive;
  private final ArticleWriter writer;
  private final LocalBackups backups;

  /**
   * Opens (or creates) the index in {@code folder}.
   *
   * @param fullCheck check the whole index structure, not only the file checksums
   * @param sample fill an empty index from the sample corpus
   * @param searchThreads threads one search may spread over
   * @param meaning the embedding model (loaded on first use), or {@code null} for keyword only
   * @param backupRepository where the admin routes put backups, or {@code null} for none
   * @param backupKeep how many backups the repository keeps
   */
  LocalBackend(
      Path folder,
      boolean fullCheck,
      boolean sample,
      Ranking ranking,
      int searchThreads,
      Supplier<TextEmbedder> meaning,
      Path backupRepository,
      int backupKeep)
      throws IOException {
    this.folder = folder;
    // A damaged index is refused here, before anything is served from it.
    IndexCheck.verify(folder, fullCheck);
    Files.createDirectories(folder);
    this.articles = ArticleIndex.open(folder);
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
    this.archive =
        new LuceneNewsArchive(
            articles.searchers(), ranking, LuceneNewsArchive.DEFAULT_TIME_BUDGET, threads);
    if (meaning != null) {
      archive.searchingByMeaning(meaning);
    }
    this.committer = new GroupCommitter(articles, COMMIT_GATHER);
    Supplier<EntityTagger> taggers = Main.taggers(meaning);
    AtomicBoolean recorded = new AtomicBoolean();
    // The models are recorded with the first write they tag, not by a service that only reads.
    Supplier<EntityTagger> recording =
        () -> {
          if (recorded.compareAndSet(false, true)) {
            articles.recordModels(Main.modelVersions(meaning));
          }
          return taggers.get();
        };
    this.writer = new ArticleWriter(articles, committer, recording);
    this.backups =
        backupRepository == null
            ? null
            : new LocalBackups(articles, IndexBackups.at(backupRepository), backupKeep);
  }

  @Override
  public Optional<CurationStore> curations() {
    return Optional.of(CurationStore.of(articles));
  }

  @Override
  public Optional<IndexBackupService> backups() {
    return Optional.ofNullable(backups);
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
      return articles.sizeInBytes();
    } catch (IOException e) {
      return -1L;
    }
  }

  @Override
  public String describe() throws IOException {
    return "index "
        + folder.toAbsolutePath()
        + ", "
        + archive.count()
        + " articles, schema "
        + articles.versions().get(IndexVersion.SCHEMA);
  }

  @Override
  public void close() {
    threads.close();
    committer.close();
    try {
      articles.close();
    } catch (IOException e) {
      LOG.error("Closing the index failed", e);
    }
  }
}
