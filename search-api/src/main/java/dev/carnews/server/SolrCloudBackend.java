package dev.carnews.server;

import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.ReindexService;
import dev.carnews.embed.EmbeddingText;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.Ranking;
import dev.carnews.search.solr.CloudArticleStore;
import dev.carnews.search.solr.CloudConnection;
import dev.carnews.search.solr.SolrCurationStore;
import dev.carnews.search.solr.SolrNewsArchive;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service on a SolrCloud collection: nothing is kept locally but this configuration. A write
 * acknowledged here is durable and searchable in the cluster, and the archive rereads the
 * collection's version at once, so no cached answer outlives it.
 */
final class SolrCloudBackend implements Backend {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCloudBackend.class);

  private final List<String> solrUrls;
  private final String collection;
  private final CloudConnection connection;
  private final SolrNewsArchive archive;
  private final ArticleWriter writer;
  private final SolrCurationStore curations;
  private final Optional<IndexBackupService> backups;
  private final SolrCloudReindex reindex;

  /** Serves {@code collection} of the cluster of these node base URLs; nothing is contacted yet. */
  SolrCloudBackend(
      List<String> solrUrls, String collection, Ranking ranking, Supplier<TextEmbedder> meaning) {
    this(solrUrls, collection, ranking, meaning, null, 1);
  }

  /**
   * Serves {@code collection} (a collection or an alias); with {@code backupLocation}, a folder on
   * the Solr nodes, the admin routes back it up there, keeping the newest {@code backupKeep}.
   */
  SolrCloudBackend(
      List<String> solrUrls,
      String collection,
      Ranking ranking,
      Supplier<TextEmbedder> meaning,
      String backupLocation,
      int backupKeep) {
    this.solrUrls = List.copyOf(solrUrls);
    this.collection = collection;
    this.connection = new CloudConnection(solrUrls);
    this.archive = new SolrNewsArchive(connection, collection, ranking);
    if (meaning != null) {
      archive.searchingByMeaning(meaning);
    }
    // Rewritten articles keep the vector the configset stores; one read back without it (a
    // collection on a configset older than stored vectors) gets it again from the same model.
    UnaryOperator<TaggedArticle> complete =
        meaning == null
            ? UnaryOperator.identity()
            : article ->
                article.hasVector()
                    ? article
                    : article.withVector(
                        meaning.get().passage(EmbeddingText.of(article.article())));
    this.curations = new SolrCurationStore(connection, collection, complete, archive::changed);
    archive.followingCuration(curations::version);
    // A write acknowledged here is searchable: the archive rereads the collection's version.
    Supplier<EntityTagger> taggers = Main.taggers(meaning);
    this.writer =
        new ArticleWriter(
            new CloudArticleStore(connection, collection, archive::changed, curations), taggers);
    // The admin reindex of an alias: half the cores tag, the searches keep the others; writes
    // through a client's cached alias may reach the old collection for 5 s after the switch.
    this.reindex =
        new SolrCloudReindex(
            connection,
            collection,
            taggers,
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            Duration.ofSeconds(15),
            archive::changed);
    this.backups =
        backupLocation == null
            ? Optional.empty()
            : Optional.of(
                new SolrCloudBackups(
                    connection, collection, backupLocation, backupKeep, curations));
  }

  @Override
  public Optional<CurationStore> curations() {
    return Optional.of(curations);
  }

  @Override
  public Optional<IndexBackupService> backups() {
    return backups;
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
    return 0L;
  }

  @Override
  public String describe() {
    return "SolrCloud collection "
        + collection
        + " at "
        + String.join(",", solrUrls)
        + "; "
        + archive.status().detail();
  }

  @Override
  public void close() {
    curations.close();
    try {
      connection.close();
    } catch (IOException e) {
      LOG.error("Closing the Solr client failed", e);
    }
  }
}
