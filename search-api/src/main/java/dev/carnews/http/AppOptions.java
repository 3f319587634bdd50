package dev.carnews.http;

import dev.carnews.admin.IndexBackupService;
import dev.carnews.admin.ReindexService;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.CurationStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What the app serves beyond public searching, and its limits: the writer and the API keys for the
 * write routes, the backups of the admin routes, the CORS origins, the bound on concurrent
 * searches, the index size for the metrics and how long caches may keep answers. Immutable; {@link
 * #defaults()} is read-only with no CORS origin.
 */
public final class AppOptions {

  /** Concurrent searches before new ones wait. */
  public static final int DEFAULT_CONCURRENT_SEARCHES = 16;

  /** How long a search waits for a slot before it is answered 429. */
  public static final Duration DEFAULT_SEARCH_WAIT = Duration.ofMillis(200);

  /** How long caches may serve a public answer without asking again. */
  public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofSeconds(5);

  private final ArticleWriter writer;
  private final ApiKeys keys;
  private final List<String> corsOrigins;
  private final int concurrentSearches;
  private final Duration searchWait;
  private final LongSupplier indexBytes;
  private final Duration cacheMaxAge;
  private final IndexBackupService backups;
  private final ReindexService reindex;
  private final CurationStore curations;

  private AppOptions(
      ArticleWriter writer,
      ApiKeys keys,
      List<String> corsOrigins,
      int concurrentSearches,
      Duration searchWait,
      LongSupplier indexBytes,
      Duration cacheMaxAge,
      IndexBackupService backups,
      ReindexService reindex,
      CurationStore curations) {
    this.writer = writer;
    this.backups = backups;
    this.reindex = reindex;
    this.curations = curations;
    this.keys = Objects.requireNonNull(keys, "keys");
    this.corsOrigins = List.copyOf(corsOrigins);
    if (concurrentSearches < 1) {
      throw new IllegalArgumentException("concurrent searches must be >= 1");
    }
    this.concurrentSearches = concurrentSearches;
    this.searchWait = Objects.requireNonNull(searchWait, "searchWait");
    this.indexBytes = Objects.requireNonNull(indexBytes, "indexBytes");
    if (cacheMaxAge.isNegative()) {
      throw new IllegalArgumentException("the cache max age must be >= 0");
    }
    this.cacheMaxAge = cacheMaxAge;
  }

  /** Read-only (writes answer 403), no CORS origin, the default search bound. */
  public static AppOptions defaults() {
    return new AppOptions(
        null,
        ApiKeys.none(),
        List.of(),
        DEFAULT_CONCURRENT_SEARCHES,
        DEFAULT_SEARCH_WAIT,
        () -> 0L,
        DEFAULT_CACHE_MAX_AGE,
        null,
        null,
        null);
  }

  /** Serves writes through this writer for requests with one of these keys. */
  public AppOptions withWrites(ArticleWriter newWriter, ApiKeys newKeys) {
    return new AppOptions(
        Objects.requireNonNull(newWriter, "writer"),
        newKeys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        indexBytes,
        cacheMaxAge,
        backups,
        reindex,
        curations);
  }

  /** Allows cross-origin requests from exactly these origins ({@code https://cms.example}). */
  public AppOptions withCorsOrigins(List<String> origins) {
    return new AppOptions(
        writer,
        keys,
        origins,
        concurrentSearches,
        searchWait,
        indexBytes,
        cacheMaxAge,
        backups,
        reindex,
        curations);
  }

  /** At most {@code concurrent} searches at once; others wait up to {@code wait}, then 429. */
  public AppOptions withSearchBound(int concurrent, Duration wait) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrent,
        wait,
        indexBytes,
        cacheMaxAge,
        backups,
        reindex,
        curations);
  }

  /** Where the metrics read the index size on disk from. */
  public AppOptions withIndexSize(LongSupplier bytes) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        bytes,
        cacheMaxAge,
        backups,
        reindex,
        curations);
  }

  /**
   * How long caches may serve a public {@code GET} answer without revalidating it; zero makes them
   * revalidate every time ({@code no-cache}).
   */
  public AppOptions withCacheMaxAge(Duration maxAge) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        indexBytes,
        maxAge,
        backups,
        reindex,
        curations);
  }

  /** Serves the admin backup routes through this service, for requests with a write key. */
  public AppOptions withBackups(IndexBackupService service) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        indexBytes,
        cacheMaxAge,
        Objects.requireNonNull(service, "service"),
        reindex,
        curations);
  }

  /** Serves the admin reindex routes through this service, for requests with a write key. */
  public AppOptions withReindex(ReindexService service) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        indexBytes,
        cacheMaxAge,
        backups,
        Objects.requireNonNull(service, "service"),
        curations);
  }

  /**
   * Serves the curation routes through this store (decisions need a write key; reading them does
   * not), maps entity filters and names of every request through its curation, and curates the
   * answers of {@code POST /api/analyze}.
   */
  public AppOptions withCuration(CurationStore store) {
    return new AppOptions(
        writer,
        keys,
        corsOrigins,
        concurrentSearches,
        searchWait,
        indexBytes,
        cacheMaxAge,
        backups,
        reindex,
        Objects.requireNonNull(store, "store"));
  }

  Optional<CurationStore> curations() {
    return Optional.ofNullable(curations);
  }

  Optional<ArticleWriter> writer() {
    return Optional.ofNullable(writer);
  }

  ApiKeys keys() {
    return keys;
  }

  List<String> corsOrigins() {
    return corsOrigins;
  }

  int concurrentSearches() {
    return concurrentSearches;
  }

  Duration searchWait() {
    return searchWait;
  }

  LongSupplier indexBytes() {
    return indexBytes;
  }

  Duration cacheMaxAge() {
    return cacheMaxAge;
  }

  Optional<IndexBackupService> backups() {
    return Optional.ofNullable(backups);
  }

  Optional<ReindexService> reindex() {
    return Optional.ofNullable(reindex);
  }
}
