package dev.carnews.server;

import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.ReindexService;
import dev.carnews.search.CachingNewsArchive;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.NewsArchive;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.io.IOException;
import java.util.Optional;

/**
 * What the service serves from, local index or SolrCloud collection: the archive to search, the
 * writer of editors' articles, and what to close at shutdown. {@link Main} asks {@link
 * LocalBackend} or {@link SolrCloudBackend} for one and wires everything else the same way for
 * both.
 */
interface Backend extends AutoCloseable {

  /** The archive the API searches (without the answer cache, which main puts in front of it). */
  NewsArchive archive();

  /** The writer of the API's writes: tags with the default models, loaded with the first write. */
  ArticleWriter writer();

  /**
   * The bytes the index takes on this machine, for the metrics: 0 when it is not kept here, -1 when
   * it cannot be read now.
   */
  long localBytes();

  /** The backups of the admin routes, when this backend keeps them. */
  default Optional<IndexBackupService> backups() {
    return Optional.empty();
  }

  /** The reindex of the admin routes, when this backend can rebuild its index beside itself. */
  default Optional<ReindexService> reindex() {
    return Optional.empty();
  }

  /** The editors' curation of the entities, when this backend keeps one. */
  default Optional<CurationStore> curations() {
    return Optional.empty();
  }

  /**
   * Has {@code warmer} answer searches on each new version of the index before it serves (the
   * answer cache's autowarming), when this backend opens its readers itself; otherwise nothing.
   */
  default void warmAnswersWith(AnswerWarmer warmer) {}

  /** Answers searches on a new index version before it serves ({@code CachingNewsArchive#warm}). */
  @FunctionalInterface
  interface AnswerWarmer {
    void warm(IndexVersion version, CachingNewsArchive.AnswerSource source);
  }

  /** What the start-up line says it serves, for example the index folder and its article count. */
  String describe() throws IOException;

  /** Stops writing and releases the index or the cluster connection. */
  @Override
  void close();
}
