package dev.carnews.search.solr;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.index.WriteResult;
import dev.carnews.search.ArchiveUnavailableException;
import dev.carnews.solrcloud.SolrArticles;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.write.ArticleWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The service's writes to SolrCloud: an update returns once the shard leader and its replicas have
 * the article in their update logs (Solr's acknowledgement, so it survives a node's loss); {@link
 * #awaitDurable()} then opens a new searcher (soft commit) so a 2xx also means searchable.
 * Transient failures (a leader being elected) are retried for up to half a minute; a write that
 * still fails is an error, never a 2xx.
 */
public final class SolrWriteTarget implements ArticleWriter.Target {

  private final CloudConnection connection;
  private final String collection;
  private final SolrRetries retries = new SolrRetries(Duration.ofSeconds(30));

  /** Writes to {@code collection} of the connected cluster. */
  public SolrWriteTarget(CloudConnection connection, String collection) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.collection = Objects.requireNonNull(collection, "collection");
  }

  @Override
  public WriteResult write(TaggedArticle article) throws IOException {
    String id = article.article().id();
    boolean existed = exists(id);
    CloudSolrClient client = connection.client();
    UpdateRequest update = new UpdateRequest();
    update.add(SolrArticles.toDocument(article));
    run("write of an article", () -> update.process(client, collection));
    return new WriteResult(id, !existed);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean existed = exists(id);
    CloudSolrClient client = connection.client();
    run("delete of an article", () -> client.deleteById(collection, id));
    return existed;
  }

  @Override
  public void awaitDurable() throws IOException {
    CloudSolrClient client = connection.client();
    run("soft commit", () -> client.commit(collection, true, true, true));
  }

  private boolean exists(String id) throws IOException {
    CloudSolrClient client = connection.client();
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", ArticleSchema.ID);
    return run("lookup of an article", () -> client.getById(collection, id, params)) != null;
  }

  /** A call retried while transient; a cluster that still fails is "unavailable" (503). */
  private <T> T run(String what, SolrRetries.Call<T> call) throws IOException {
    try {
      return retries.run(what, call);
    } catch (SolrRetries.PermanentFailure e) {
      throw e;
    } catch (IOException e) {
      throw new ArchiveUnavailableException("the search cluster did not take the " + what, e);
    }
  }
}
