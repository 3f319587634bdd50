package dev.carnews.solrcloud;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
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
 */
public final class SolrArticleStore implements ArticleStore {

  private final SolrClient client;
  private final String collection;
  private final int batchSize;
  private final SolrRetries retries;
  private final Object lock = new Object();
  private List<Pending> pending = new ArrayList<>();

  private record Pending(String id, SolrInputDocument doc, Outcome outcome) {}

  /**
   * @param client a client of the cluster, e.g. {@link JdkCloudSolrClient}; not closed here
   * @param collection the collection written to
   * @param batchSize articles per update request, at least 1
   * @param retries how long transient failures are retried
   */
  public SolrArticleStore(
      SolrClient client, String collection, int batchSize, SolrRetries retries) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    this.client = Objects.requireNonNull(client, "client");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.batchSize = batchSize;
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  @Override
  public void write(TaggedArticle article, Outcome outcome) throws IOException {
    Pending one = new Pending(article.article().id(), SolrArticles.toDocument(article), outcome);
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
    SolrInputDocument doc = SolrArticles.toDocument(article);
    retries.run("write of article " + id, () -> update(List.of(doc)));
    return new WriteResult(id, !existed);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = exists(id);
    retries.run("delete of article " + id, () -> client.deleteById(collection, id));
    return existed;
  }

  @Override
  public void awaitDurable() throws IOException {
    retries.run("soft commit to " + collection, () -> client.commit(collection, true, true, true));
  }

  private void send(List<Pending> batch) throws IOException {
    Set<String> existing = existing(batch);
    try {
      retries.run(
          "update of " + batch.size() + " articles",
          () -> update(batch.stream().map(Pending::doc).toList()));
      for (Pending one : batch) {
        one.outcome().written(new WriteResult(one.id(), !existing.contains(one.id())));
      }
    } catch (SolrRetries.PermanentFailure e) {
      if (e.code() != 400) {
        throw e;
      }
      for (Pending one : batch) {
        try {
          retries.run("update of article " + one.id(), () -> update(List.of(one.doc())));
          one.outcome().written(new WriteResult(one.id(), !existing.contains(one.id())));
        } catch (SolrRetries.PermanentFailure refused) {
          if (refused.code() != 400) {
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
    docs.forEach(request::add);
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
    List<String> ids = batch.stream().map(Pending::id).toList();
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
