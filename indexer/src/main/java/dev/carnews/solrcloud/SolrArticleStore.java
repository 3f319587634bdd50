package dev.carnews.solrcloud;

import dev.carnews.curation.Curation;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * A SolrCloud collection as the batch indexer's store: articles are sent in batches (one update
 * request per {@code batchSize} articles, routed to the shard leaders by the cloud client), each
 * batch retried while failures are transient. A batch Solr rejects as bad is sent again one article
 * at a time, so only the articles Solr refuses are skipped, with Solr's reason. New and replaced
 * articles are told apart by a real-time get of the batch's ids before it is sent.
 *
 * <p>Single writes and deletes are sent at once and return when Solr acknowledges them (the shard
 * leader and its replicas have them in their update logs); {@link #awaitDurable()} then opens a new
 * searcher (soft commit), so they are also searchable.
 *
 * <p>With {@link SolrStories} every write is put in its story as on a local index (the versions it
 * re-points are sent right after it, in the same batch); the store then sends its batches in the
 * order the stories were assigned.
 */
public final class SolrArticleStore implements ArticleStore {

  private final SolrClient client;
  private final String collection;
  private final int batchSize;
  private final SolrRetries retries;
  private final SolrStories stories;
  private final Supplier<Curation> curation;
  private final CollectionFields fields;
  private final Object lock = new Object();
  private List<Pending> pending = new ArrayList<>();

  /** A document to send; {@code outcome} is {@code null} for a version re-pointed to its story. */
  private record Pending(String id, SolrInputDocument doc, Outcome outcome) {}

  /**
   * @param client a client of the cluster, e.g. {@link JdkCloudSolrClient}; not closed here
   * @param collection the collection written to
   * @param batchSize articles per update request, at least 1
   * @param retries how long transient failures are retried
   */
  public SolrArticleStore(
      SolrClient client, String collection, int batchSize, SolrRetries retries) {
    this(client, collection, batchSize, retries, new SolrStories(VersionRule.defaults()));
  }

  /**
   * @param client a client of the cluster, e.g. {@link JdkCloudSolrClient}; not closed here
   * @param collection the collection written to
   * @param batchSize articles per update request, at least 1
   * @param retries how long transient failures are retried
   * @param stories the story keeper of the collection (one per collection, shared by the stores
   *     writing to it), or {@code null} to write every article as a story of its own
   */
  public SolrArticleStore(
      SolrClient client,
      String collection,
      int batchSize,
      SolrRetries retries,
      SolrStories stories) {
    this(client, collection, batchSize, retries, stories, Curation::none);
  }

  /**
   * @param client a client of the cluster, e.g. {@link JdkCloudSolrClient}; not closed here
   * @param collection the collection written to
   * @param batchSize articles per update request, at least 1
   * @param retries how long transient failures are retried
   * @param stories the story keeper of the collection (one per collection, shared by the stores
   *     writing to it), or {@code null} to write every article as a story of its own
   * @param curation the collection's curation as it is when an article is written ({@link
   *     SolrCurations#polling}): each article shows its entities as it makes them
   */
  public SolrArticleStore(
      SolrClient client,
      String collection,
      int batchSize,
      SolrRetries retries,
      SolrStories stories,
      Supplier<Curation> curation) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    this.client = Objects.requireNonNull(client, "client");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.fields = new CollectionFields(this.client, this.collection);
    this.batchSize = batchSize;
    this.retries = Objects.requireNonNull(retries, "retries");
    this.stories = stories;
    this.curation = Objects.requireNonNull(curation, "curation");
  }

  @Override
  public void write(TaggedArticle article, Outcome outcome) throws IOException {
    if (stories != null) {
      // The article's own document carries its outcome; versions re-pointed after it none.
      stories.write(new Batch(outcome), article, SolrArticles.toDocument(article, curation.get()));
      return;
    }
    queue(
        new Pending(
            article.article().id(), SolrArticles.toDocument(article, curation.get()), outcome));
  }

  /** Queues one document, and sends the batch when it is full. */
  private void queue(Pending one) throws IOException {
    List<Pending> full = null;
    synchronized (lock) {
      pending.add(one);
      if (pending.size() >= batchSize) {
        full = pending;
        pending = new ArrayList<>();
      }
    }
    if (full != null) {
      send(full);
    }
  }

  @Override
  public void commit() throws IOException {
    if (stories != null) {
      stories.commit(new Batch(null));
      return;
    }
    sendAndCommit();
  }

  private void sendAndCommit() throws IOException {
    List<Pending> rest;
    synchronized (lock) {
      rest = pending;
      pending = new ArrayList<>();
    }
    if (!rest.isEmpty()) {
      send(rest);
    }
    retries.run("commit to " + collection, () -> client.commit(collection, true, true));
  }

  @Override
  public WriteResult write(TaggedArticle article) throws IOException {
    String id = article.article().id();
    boolean existed = exists(id);
    SolrInputDocument doc = SolrArticles.toDocument(article, curation.get());
    if (stories != null) {
      stories.write(new Single(), article, doc);
    } else {
      sendNow(List.of(doc));
    }
    return new WriteResult(id, !existed);
  }

  @Override
  public boolean delete(String id) throws IOException {
    return stories != null ? stories.delete(new Single(), id) : deleteNow(id);
  }

  @Override
  public void awaitDurable() throws IOException {
    if (stories != null) {
      stories.commit(new Single());
    } else {
      softCommit();
    }
  }

  private void sendNow(List<SolrInputDocument> docs) throws IOException {
    retries.run("write of " + docs.size() + " articles", () -> update(docs));
  }

  private boolean deleteNow(String id) throws IOException {
    boolean existed = exists(id);
    retries.run("delete of article " + id, () -> client.deleteById(collection, id));
    return existed;
  }

  private void softCommit() throws IOException {
    retries.run("soft commit to " + collection, () -> client.commit(collection, true, true, true));
  }

  /** The collection as the story keeper reads it; writes are left to the two kinds below. */
  private abstract class Reads implements SolrStories.Target {
    @Override
    public SolrDocumentList search(SolrQuery query) throws IOException {
      return retries
          .run("story search of " + collection, () -> client.query(collection, query))
          .getResults();
    }

    @Override
    public SolrDocumentList get(Collection<String> ids, String fields) throws IOException {
      ModifiableSolrParams params = new ModifiableSolrParams();
      params.set("fl", fields);
      return retries.run(
          "lookup of " + ids.size() + " ids", () -> client.getById(collection, ids, params));
    }

    @Override
    public boolean delete(String id) throws IOException {
      return deleteNow(id);
    }
  }

  /** A batch write: documents are queued, the first one sent is the article with its outcome. */
  private final class Batch extends Reads {
    private Outcome outcome;

    Batch(Outcome outcome) {
      this.outcome = outcome;
    }

    @Override
    public void send(List<SolrInputDocument> docs) throws IOException {
      for (SolrInputDocument doc : docs) {
        queue(new Pending((String) doc.getFieldValue(ArticleSchema.ID), doc, outcome));
        outcome = null;
      }
    }

    @Override
    public void flush() throws IOException {
      sendAndCommit();
    }
  }

  /** A single write: documents are sent at once, made searchable by a soft commit. */
  private final class Single extends Reads {
    @Override
    public void send(List<SolrInputDocument> docs) throws IOException {
      sendNow(docs);
    }

    @Override
    public void flush() throws IOException {
      softCommit();
    }
  }

  private void send(List<Pending> batch) throws IOException {
    Set<String> existing = existing(batch);
    try {
      retries.run(
          "update of " + batch.size() + " articles",
          () -> update(batch.stream().map(Pending::doc).toList()));
      for (Pending one : batch) {
        if (one.outcome() != null) {
          one.outcome().written(new WriteResult(one.id(), !existing.contains(one.id())));
        }
      }
    } catch (SolrRetries.PermanentFailure e) {
      if (e.code() != 400) {
        throw e;
      }
      for (Pending one : batch) {
        try {
          retries.run("update of article " + one.id(), () -> update(List.of(one.doc())));
          if (one.outcome() != null) {
            one.outcome().written(new WriteResult(one.id(), !existing.contains(one.id())));
          }
        } catch (SolrRetries.PermanentFailure refused) {
          if (refused.code() != 400 || one.outcome() == null) {
            // A version Solr took before and refuses when re-pointed: nobody to tell, so fail.
            throw refused;
          }
          one.outcome().rejected(one.id(), "rejected by Solr: " + refused.getCause().getMessage());
        }
      }
    }
  }

  private Object update(List<SolrInputDocument> docs)
      throws org.apache.solr.client.solrj.SolrServerException, IOException {
    UpdateRequest request = new UpdateRequest();
    fields.fit(docs).forEach(request::add);
    return request.process(client, collection);
  }

  /** Whether the collection has the article (real-time get, so an uncommitted one too). */
  private boolean exists(String id) throws IOException {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", ArticleSchema.ID);
    return retries.run("lookup of article " + id, () -> client.getById(collection, id, params))
        != null;
  }

  /** The ids of the batch already in the collection (real-time get, so uncommitted ones too). */
  private Set<String> existing(List<Pending> batch) throws IOException {
    List<String> ids = batch.stream().map(Pending::id).distinct().toList();
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", ArticleSchema.ID);
    Set<String> found = new HashSet<>();
    for (SolrDocument doc :
        retries.run(
            "lookup of " + ids.size() + " ids", () -> client.getById(collection, ids, params))) {
      found.add((String) doc.getFirstValue(ArticleSchema.ID));
    }
    return found;
  }
}
