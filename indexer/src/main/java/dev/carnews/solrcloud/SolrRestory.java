package dev.carnews.solrcloud;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.index.ArticleStore;
import dev.carnews.index.Restory;
import dev.carnews.index.StoryCounts;
import dev.carnews.index.WriteResult;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The stories of a SolrCloud collection: read, and recomputed as {@link Restory} recomputes a local
 * index's. First every article is written again without story fields; then every article is written
 * again, oldest first, through the {@link SolrStories} path of a new write, so each finds its
 * versions among the articles before it. Articles are rendered again from their stored fields and
 * their stored vectors, so search by meaning finds them as before (a collection on a configset
 * older than stored vectors loses them).
 */
public final class SolrRestory {

  /** Documents read per request while walking the collection. */
  private static final int PAGE = 500;

  /** Ids per real-time get: they go in the URL, which Jetty limits to 8 KB. */
  private static final int IDS_PER_GET = 100;

  private SolrRestory() {}

  /** Recomputes the stories of a collection; commits. */
  public static Restory.Result run(
      SolrClient client, String collection, int batchSize, SolrRetries retries) throws IOException {
    record Key(String id, long published) {}
    List<Key> keys = new ArrayList<>();
    List<SolrInputDocument> plain = new ArrayList<>();
    String fields = String.join(",", SolrArticles.STORED) + "," + VECTOR;
    walk(
        client,
        collection,
        fields,
        retries,
        doc -> {
          Object published = doc.getFirstValue(PUBLISHED);
          keys.add(
              new Key(
                  (String) doc.getFirstValue(ID),
                  published == null ? Long.MAX_VALUE : ((Number) published).longValue()));
          plain.add(SolrArticles.toDocument(SolrArticles.fromDocument(doc)));
          if (plain.size() == batchSize) {
            send(client, collection, plain, retries);
            plain.clear();
          }
        });
    if (!plain.isEmpty()) {
      send(client, collection, plain, retries);
    }
    retries.run("commit to " + collection, () -> client.commit(collection, true, true));
    keys.sort(Comparator.comparingLong(Key::published).thenComparing(Key::id));
    SolrArticleStore store =
        new SolrArticleStore(
            client, collection, batchSize, retries, new SolrStories(VersionRule.defaults()));
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", fields);
    for (int from = 0; from < keys.size(); from += IDS_PER_GET) {
      List<String> ids =
          keys.subList(from, Math.min(keys.size(), from + IDS_PER_GET)).stream()
              .map(Key::id)
              .toList();
      Map<String, SolrDocument> byId = new HashMap<>();
      for (SolrDocument doc :
          retries.run(
              "lookup of " + ids.size() + " ids", () -> client.getById(collection, ids, params))) {
        byId.put((String) doc.getFirstValue(ID), doc);
      }
      for (String id : ids) {
        SolrDocument doc = byId.get(id);
        if (doc != null) {
          store.write(SolrArticles.fromDocument(doc), FAIL);
        }
      }
    }
    store.commit();
    return new Restory.Result(keys.size(), read(client, collection, retries).storyCount());
  }

  /** The story of every article of a collection (an article without one: its own). */
  public static StoryCounts read(SolrClient client, String collection, SolrRetries retries)
      throws IOException {
    Map<String, String> stories = new HashMap<>();
    walk(
        client,
        collection,
        ID + "," + STORY,
        retries,
        doc -> {
          String id = (String) doc.getFirstValue(ID);
          Object story = doc.getFirstValue(STORY);
          stories.put(id, story == null ? id : (String) story);
        });
    return StoryCounts.of(stories);
  }

  /** One document read while walking a collection. */
  @FunctionalInterface
  private interface Visit {
    void accept(SolrDocument doc) throws IOException;
  }

  /** Visits every document of the collection in id order, {@code fields} of it, page by page. */
  private static void walk(
      SolrClient client, String collection, String fields, SolrRetries retries, Visit visit)
      throws IOException {
    String mark = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery query = new SolrQuery("*:*");
      query.setRows(PAGE);
      query.setFields(fields);
      query.addSort(ID, SolrQuery.ORDER.asc);
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
      QueryResponse page =
          retries.run("walk of " + collection, () -> client.query(collection, query));
      for (SolrDocument doc : page.getResults()) {
        visit.accept(doc);
      }
      String next = page.getNextCursorMark();
      if (next == null || next.equals(mark)) {
        return;
      }
      mark = next;
    }
  }

  private static void send(
      SolrClient client, String collection, List<SolrInputDocument> docs, SolrRetries retries)
      throws IOException {
    List<SolrInputDocument> batch = List.copyOf(docs);
    retries.run("update of " + batch.size() + " articles", () -> client.add(collection, batch));
  }

  /** A restory writes articles Solr took before: one it refuses now ends the run. */
  private static final ArticleStore.Outcome FAIL =
      new ArticleStore.Outcome() {
        @Override
        public void written(WriteResult result) {}

        @Override
        public void rejected(String id, String reason) {
          throw new IllegalStateException("Solr refused article " + id + ": " + reason);
        }
      };
}
