package dev.carnews.solrcloud;

import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.STORY;

import dev.carnews.curation.Curation;
import dev.carnews.curation.CurationCodec;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' decisions and automatic links of a SolrCloud collection, and how a change reaches
 * its articles.
 *
 * <p>The curation ({@link CurationCodec} JSON) is one document of a companion collection, {@code
 * <collection>_curation}: one shard with as many replicas as the articles' shards have, on the same
 * configset, created with the first decision. It is never a document of the articles' collection,
 * so no search, count, facet, directory or reindex of the archive can meet it; and it is named
 * after the name served (an alias too), so it stays when an alias is switched to a rebuilt
 * collection. Each write of it names the version it replaces (Solr's optimistic concurrency), so
 * two writers never lose each other's decisions: the one that loses reads again and retries.
 *
 * <p>A change is stored first with the values whose articles it changes marked pending, then those
 * articles are written again from their tagger values ({@code raw_*}) and made searchable, then the
 * mark is cleared. A change interrupted between the two (a process killed) leaves the mark, and the
 * next change rewrites those articles too.
 */
public final class SolrCurations {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCurations.class);

  /** What the companion collection's name adds to the collection's. */
  public static final String SUFFIX = "_curation";

  /** The id of the curation's document. */
  static final String DOC_ID = "curation";

  /** The JSON: a stored-only string field of the news configset (not analyzed, no term limit). */
  private static final String TEXT = ArticleSchema.URL;

  /** The values a change has not finished rewriting, {@code type:key}: a string field. */
  private static final String PENDING = ArticleSchema.TAGS;

  private static final String VERSION = "_version_";

  /** Articles read and sent per request while rewriting. */
  private static final int PAGE = 200;

  /** Changed values per search (two clauses each, under Solr's 1024 boolean clauses). */
  private static final int KEYS_PER_SEARCH = 250;

  /** How long a new companion collection may take to become active. */
  private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);

  /**
   * The curation as stored.
   *
   * @param curation the decisions and links
   * @param version the document's {@code _version_}; {@link #NONE_YET} when there is none
   * @param pending values a change has not finished rewriting
   */
  public record Stored(Curation curation, long version, Set<Curation.TypedKey> pending) {

    /** Copies the pending values. */
    public Stored {
      Objects.requireNonNull(curation, "curation");
      pending = Set.copyOf(pending);
    }
  }

  /** The version of a curation never stored (Solr's "must not exist" version). */
  public static final long NONE_YET = -1L;

  private final CloudSolrClient client;
  private final String collection;
  private final String companion;
  private final SolrRetries retries;
  private final CollectionFields fields;
  private volatile boolean companionSeen;

  /**
   * The curation of {@code collection} (a collection or an alias) of the connected cluster.
   *
   * @param retries how long transient failures are retried
   */
  public SolrCurations(CloudSolrClient client, String collection, SolrRetries retries) {
    this.client = Objects.requireNonNull(client, "client");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.companion = companionOf(collection);
    this.fields = new CollectionFields(this.client, this.collection);
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** The companion collection that keeps the curation of {@code collection}. */
  public static String companionOf(String collection) {
    return collection + SUFFIX;
  }

  /** The companion collection's name. */
  public String companion() {
    return companion;
  }

  /** The curation as stored now (real-time get: the latest write, searchable or not). */
  public Stored read() throws IOException {
    if (!companionSeen) {
      if (!SolrCollections.exists(client, companion)) {
        return new Stored(Curation.none(), NONE_YET, Set.of());
      }
      companionSeen = true;
    }
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", String.join(",", ID, TEXT, PENDING, VERSION));
    SolrDocument doc =
        retries.run(
            "read of the curation in " + companion,
            () -> client.getById(companion, DOC_ID, params));
    if (doc == null) {
      return new Stored(Curation.none(), NONE_YET, Set.of());
    }
    Set<Curation.TypedKey> pending = new LinkedHashSet<>();
    for (String value : SolrArticles.strings(doc, PENDING)) {
      int colon = value.indexOf(':');
      pending.add(
          new Curation.TypedKey(
              EntityType.parse(value.substring(0, colon)), value.substring(colon + 1)));
    }
    return new Stored(
        CurationCodec.decode((String) doc.getFirstValue(TEXT)),
        ((Number) doc.getFirstValue(VERSION)).longValue(),
        pending);
  }

  /**
   * Stores {@code curation} in place of the version {@code replaced} (creating the companion
   * collection first when there is none), durable in the update logs of its replicas.
   *
   * @param pending the values whose articles are not yet rewritten
   * @return the new version, or {@link #NONE_YET} when another writer stored a version since {@code
   *     replaced}: nothing was stored
   */
  public long write(Curation curation, Collection<Curation.TypedKey> pending, long replaced)
      throws IOException {
    if (replaced == NONE_YET) {
      createCompanion();
    }
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, DOC_ID);
    doc.setField(TEXT, CurationCodec.encode(curation));
    for (Curation.TypedKey key : pending) {
      doc.addField(PENDING, key.type().label() + ":" + key.key());
    }
    doc.setField(VERSION, replaced);
    UpdateRequest request = new UpdateRequest();
    request.add(doc);
    request.setParam("versions", "true");
    UpdateResponse answer;
    try {
      answer =
          retries.run(
              "write of the curation to " + companion, () -> request.process(client, companion));
    } catch (SolrRetries.PermanentFailure e) {
      if (e.code() == 409) {
        return NONE_YET;
      }
      throw e;
    }
    Object adds = answer.getResponse().get("adds");
    if (adds instanceof NamedList<?> versions && versions.get(DOC_ID) instanceof Number version) {
      return version.longValue();
    }
    // Without the answer's version (a cloud client may merge shard answers), read it back.
    return read().version();
  }

  /**
   * Writes again, from their tagger values, the articles with one of these values among their
   * tagger's or shown entities, their entities as {@code curation} makes them; keeps their stories
   * and makes them searchable (a soft commit). Searched over all shards, paged by cursor.
   *
   * @param complete gives an article read back what its stored fields lack (its vector, on a
   *     collection whose configset does not store vectors)
   * @return how many articles were written
   */
  public int rewrite(
      Set<Curation.TypedKey> changed, Curation curation, UnaryOperator<TaggedArticle> complete)
      throws IOException {
    if (changed.isEmpty()) {
      return 0;
    }
    List<Curation.TypedKey> keys = new ArrayList<>(changed);
    Set<String> done = new HashSet<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_SEARCH) {
      rewrite(
          keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SEARCH)),
          curation,
          complete,
          done);
    }
    retries.run("soft commit to " + collection, () -> client.commit(collection, true, true, true));
    return done.size();
  }

  private void rewrite(
      List<Curation.TypedKey> keys,
      Curation curation,
      UnaryOperator<TaggedArticle> complete,
      Set<String> done)
      throws IOException {
    SolrQuery query =
        new SolrQuery(
            keys.stream().map(SolrCurations::clauses).collect(Collectors.joining(" OR ")));
    query.set("defType", "lucene");
    query.setFields(
        String.join(",", SolrArticles.STORED)
            + ","
            + String.join(",", SolrArticles.RAW_STORED)
            + ","
            + STORY);
    query.setRows(PAGE);
    query.setSort(ID, SolrQuery.ORDER.asc);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      // A POST: many changed values make a query too long for a URL.
      QueryRequest search = new QueryRequest(query.getCopy(), SolrRequest.METHOD.POST);
      QueryResponse page =
          retries.run(
              "search of curated articles in " + collection,
              () -> search.process(client, collection));
      List<SolrInputDocument> docs = new ArrayList<>();
      for (SolrDocument stored : page.getResults()) {
        if (done.add((String) stored.getFirstValue(ID))) {
          docs.add(document(stored, curation, complete));
        }
      }
      if (!docs.isEmpty()) {
        UpdateRequest update = new UpdateRequest();
        fields.fit(docs).forEach(update::add);
        retries.run(
            "rewrite of " + docs.size() + " curated articles",
            () -> update.process(client, collection));
      }
      String next = page.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return;
      }
      cursor = next;
    }
  }

  /** An article read back, rendered with the curation, in its story as before. */
  private static SolrInputDocument document(
      SolrDocument stored, Curation curation, UnaryOperator<TaggedArticle> complete) {
    TaggedArticle raw = complete.apply(SolrArticles.taggedFromDocument(stored));
    SolrInputDocument doc = SolrArticles.toDocument(raw, curation);
    String story = (String) stored.getFirstValue(STORY);
    if (story == null) {
      return doc;
    }
    // The text is unchanged, so are its band terms: the article stays in its story.
    Article article = raw.article();
    return SolrArticles.withStory(
        doc,
        story,
        MinHashBands.bands(
            StoryText.of(article.id(), article.title(), article.body(), article.published())));
  }

  /** The articles with a value among their tagger's or shown entities. */
  private static String clauses(Curation.TypedKey key) {
    boolean brand = key.type() == EntityType.BRAND;
    String quoted = '"' + key.key().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    return (brand ? RAW_BRAND_KEY : RAW_PERSON_KEY)
        + ":"
        + quoted
        + " OR "
        + (brand ? BRAND_KEY : PERSON_KEY)
        + ":"
        + quoted;
  }

  /**
   * Creates the companion collection when it is not there: one shard, as many replicas as a shard
   * of the articles' collection has, on its configset; waits until they are active.
   */
  private void createCompanion() throws IOException {
    if (companionSeen || SolrCollections.exists(client, companion)) {
      companionSeen = true;
      return;
    }
    List<String> resolved = client.getClusterStateProvider().resolveAlias(collection);
    DocCollection articles =
        client.getClusterStateProvider().getCollection(resolved.get(resolved.size() - 1));
    if (articles == null) {
      throw new IOException("the cluster has no collection " + collection);
    }
    int replicas = Math.max(1, articles.getActiveSlices().iterator().next().getReplicas().size());
    try {
      new SolrRetries(Duration.ZERO)
          .run(
              "creating collection " + companion,
              () ->
                  CollectionAdminRequest.createCollection(
                          companion, articles.getConfigName(), 1, replicas)
                      .process(client));
      LOG.info("Created {} for the curation of {}", companion, collection);
    } catch (IOException e) {
      // Another service may have created it a moment ago.
      if (!SolrCollections.exists(client, companion)) {
        throw e;
      }
    }
    SolrCollections.waitUntilActive(client, companion, replicas, CREATE_TIMEOUT);
    companionSeen = true;
  }

  /**
   * The curation as a writer of articles sees it: read again at most once a {@code every}, on the
   * thread that asks; when a read fails the last one read is kept (and the failure logged).
   *
   * @throws IOException when the first read fails: writing articles without their curation would
   *     undo the editors' decisions in them
   */
  public static Supplier<Curation> polling(SolrCurations curations, Duration every)
      throws IOException {
    Curation first = curations.read().curation();
    long everyNanos = every.toNanos();
    return new Supplier<>() {
      private Curation last = first;
      private long readAt = System.nanoTime();

      @Override
      public synchronized Curation get() {
        if (System.nanoTime() - readAt >= everyNanos) {
          readAt = System.nanoTime();
          try {
            last = curations.read().curation();
          } catch (IOException | RuntimeException e) {
            LOG.warn(
                "Reading the curation of {} failed, keeping the last: {}",
                curations.collection,
                e.toString());
          }
        }
        return last;
      }
    };
  }
}
