package dev.carnews.search.solr;

import dev.carnews.curation.Curation;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleStore;
import dev.carnews.index.WriteResult;
import dev.carnews.search.ArchiveUnavailableException;
import dev.carnews.solrcloud.SolrArticleStore;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.solrcloud.SolrStories;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The service's writes to SolrCloud, through the indexer's {@link SolrArticleStore} on the
 * service's connection (which may come up after the service): an update returns once the shard
 * leader and its replicas have the article in their update logs (Solr's acknowledgement, so it
 * survives a node's loss); {@link #awaitDurable()} then opens a new searcher (soft commit) so a 2xx
 * also means searchable, and tells {@code visible}. Transient failures (a leader being elected) are
 * retried for up to half a minute; a write that still fails is "unavailable" (503), never a 2xx.
 *
 * <p>Every write and delete keeps the articles in their stories ({@link SolrStories}, one keeper
 * for the collection, so concurrent requests assign stories one after the other as on a local
 * index).
 */
public final class CloudArticleStore implements ArticleStore {

  private final CloudConnection connection;
  private final String collection;
  private final Runnable visible;
  private final SolrRetries retries = new SolrRetries(Duration.ofSeconds(30));
  private final SolrCurationStore curations;
  private final SolrStories stories;

  /**
   * Writes to {@code collection} of the connected cluster, each article with the entities as the
   * editors' curation shows them.
   *
   * @param visible told each time the writes made so far became searchable
   * @param curations the collection's curation, or {@code null} for articles as tagged
   */
  public CloudArticleStore(
      CloudConnection connection,
      String collection,
      Runnable visible,
      SolrCurationStore curations) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.visible = Objects.requireNonNull(visible, "visible");
    this.curations = curations;
    this.stories =
        new SolrStories(
            VersionRule.defaults(),
            () -> curations == null ? Curation.none() : curations.current());
  }

  /**
   * Writes to {@code collection} of the connected cluster, articles as tagged.
   *
   * @param visible told each time the writes made so far became searchable
   */
  public CloudArticleStore(CloudConnection connection, String collection, Runnable visible) {
    this(connection, collection, visible, null);
  }

  /** Writes to {@code collection} of the connected cluster. */
  public CloudArticleStore(CloudConnection connection, String collection) {
    this(connection, collection, () -> {});
  }

  @Override
  public void write(TaggedArticle article, Outcome outcome) throws IOException {
    run("write of an article", store -> store.write(article, outcome));
  }

  @Override
  public void commit() throws IOException {
    run("commit", SolrArticleStore::commit);
    visible.run();
  }

  @Override
  public WriteResult write(TaggedArticle article) throws IOException {
    return call("write of an article", store -> store.write(article));
  }

  @Override
  public boolean delete(String id) throws IOException {
    return call("delete of an article", store -> store.delete(id));
  }

  @Override
  public void awaitDurable() throws IOException {
    run("soft commit", SolrArticleStore::awaitDurable);
    visible.run();
  }

  /** One step on the store of the connection's current client. */
  private interface Step<T> {
    T on(SolrArticleStore store) throws IOException;
  }

  /** A step that answers nothing. */
  private interface Action {
    void on(SolrArticleStore store) throws IOException;
  }

  private void run(String what, Action action) throws IOException {
    call(
        what,
        store -> {
          action.on(store);
          return null;
        });
  }

  /** A store of the connection's current client that writes with this curation. */
  private SolrArticleStore store(Curation curation) throws IOException {
    // Each call sends at once (a batch of one): no write waits in this store between requests.
    return new SolrArticleStore(
        connection.client(), collection, 1, retries, stories, () -> curation);
  }

  /** A step retried while transient; a cluster that still fails is "unavailable" (503). */
  private <T> T call(String what, Step<T> step) throws IOException {
    try {
      if (curations == null) {
        return step.on(store(Curation.none()));
      }
      // A curation change waits for this write, or this write for it.
      return curations.writing(curation -> step.on(store(curation)));
    } catch (SolrRetries.PermanentFailure e) {
      throw e;
    } catch (IOException e) {
      throw new ArchiveUnavailableException("the search cluster did not take the " + what, e);
    }
  }
}
