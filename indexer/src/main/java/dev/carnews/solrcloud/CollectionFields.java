package dev.carnews.solrcloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.schema.SchemaResponse;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fields a collection's schema declares, so that documents of a newer release fit a collection
 * created on an older configset: a field the schema does not know (one this release added, such as
 * the model's confidence) is left out with one warning that says how to upgrade, instead of Solr
 * refusing every article that carries it. Read once from the Schema API and again every minute (an
 * alias may be switched to a collection on a newer configset); when the schema cannot be read,
 * nothing is left out and Solr decides.
 *
 * <p>Thread-safe.
 */
final class CollectionFields {

  private static final Logger LOG = LoggerFactory.getLogger(CollectionFields.class);
  private static final long REFRESH_NANOS = 60_000_000_000L;

  private final SolrClient client;
  private final String collection;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private volatile Known known;

  private record Known(Set<String> names, List<String> patterns, long readAt) {

    boolean has(String field) {
      if (names.contains(field)) {
        return true;
      }
      for (String pattern : patterns) {
        if (pattern.startsWith("*") && field.endsWith(pattern.substring(1))
            || pattern.endsWith("*")
                && field.startsWith(pattern.substring(0, pattern.length() - 1))) {
          return true;
        }
      }
      return false;
    }
  }

  CollectionFields(SolrClient client, String collection) {
    this.client = client;
    this.collection = collection;
  }

  /** The documents without the fields the collection's schema does not declare. */
  List<SolrInputDocument> fit(Collection<SolrInputDocument> docs) {
    Known schema = schema();
    List<SolrInputDocument> fitted = new ArrayList<>(docs.size());
    if (schema == null) {
      fitted.addAll(docs);
      return fitted;
    }
    Set<String> dropped = new TreeSet<>();
    for (SolrInputDocument doc : docs) {
      for (String field : new ArrayList<>(doc.getFieldNames())) {
        if (!schema.has(field)) {
          doc.removeField(field);
          dropped.add(field);
        }
      }
      fitted.add(doc);
    }
    if (!dropped.isEmpty() && warned.addAll(dropped)) {
      LOG.warn(
          "Collection {} has no field {} (its configset is older than this release): writing"
              + " without it. `indexer.jar collection-reindex` moves the collection onto the"
              + " current configset.",
          collection,
          dropped);
    }
    return fitted;
  }

  private Known schema() {
    Known current = known;
    if (current != null && System.nanoTime() - current.readAt() < REFRESH_NANOS) {
      return current;
    }
    try {
      Set<String> names = new HashSet<>();
      SchemaResponse.FieldsResponse fields = new SchemaRequest.Fields().process(client, collection);
      for (Map<String, Object> field : fields.getFields()) {
        names.add(String.valueOf(field.get("name")));
      }
      List<String> patterns = new ArrayList<>();
      SchemaResponse.DynamicFieldsResponse dynamic =
          new SchemaRequest.DynamicFields().process(client, collection);
      for (Map<String, Object> field : dynamic.getDynamicFields()) {
        patterns.add(String.valueOf(field.get("name")));
      }
      Known read = new Known(names, patterns, System.nanoTime());
      known = read;
      return read;
    } catch (Exception e) {
      LOG.debug("The schema of {} could not be read; writing documents as they are", collection, e);
      return current;
    }
  }
}
