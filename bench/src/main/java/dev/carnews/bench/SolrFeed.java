package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Feeds a Solr core the articles of one of our indexes, as that index stores them (id, title, body,
 * date, and the brands, people and authors the tagger found), so both engines search the same text
 * and count the same facet values. Plain JSON updates over the JDK's {@link HttpClient}: SolrJ
 * would bring Jetty 10 onto the service's classpath.
 */
final class SolrFeed {

  private static final int BATCH = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          ArticleSchema.ID,
          ArticleSchema.TITLE,
          ArticleSchema.BODY,
          ArticleSchema.PUBLISHED,
          ArticleSchema.BRAND,
          ArticleSchema.PERSON,
          ArticleSchema.AUTHOR);

  private SolrFeed() {}

  /**
   * Posts every live article of {@code index} to {@code core}, commits, and merges Solr's index
   * into at most as many segments as the service's index has (each engine searches segment by
   * segment: like with like); the article count.
   */
  static long feed(Path index, URI core, HttpClient client)
      throws IOException, InterruptedException {
    long count = 0;
    int segments;
    List<Map<String, Object>> batch = new ArrayList<>(BATCH);
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      segments = Math.max(1, reader.leaves().size());
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          batch.add(solrDocument(stored.document(doc, FIELDS)));
          count++;
          if (batch.size() == BATCH) {
            post(client, core, batch);
            batch.clear();
          }
        }
      }
    }
    if (!batch.isEmpty()) {
      post(client, core, batch);
    }
    send(client, URI.create(core + "/update?commit=true"), "{\"commit\":{}}");
    send(
        client,
        URI.create(core + "/update"),
        "{\"optimize\":{\"maxSegments\":" + segments + ",\"waitSearcher\":true}}");
    return count;
  }

  private static Map<String, Object> solrDocument(Document doc) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", doc.get(ArticleSchema.ID));
    fields.put("title", nonNull(doc.get(ArticleSchema.TITLE)));
    fields.put("body", nonNull(doc.get(ArticleSchema.BODY)));
    IndexableField published = doc.getField(ArticleSchema.PUBLISHED);
    if (published != null && published.numericValue() != null) {
      long millis = published.numericValue().longValue();
      fields.put("published", millis);
      fields.put("month", ArticleSchema.monthOf(Instant.ofEpochMilli(millis)));
    }
    putAll(fields, "brand", doc.getValues(ArticleSchema.BRAND));
    putAll(fields, "person", doc.getValues(ArticleSchema.PERSON));
    putAll(fields, "author", doc.getValues(ArticleSchema.AUTHOR));
    return fields;
  }

  private static void putAll(Map<String, Object> fields, String name, String[] values) {
    if (values.length > 0) {
      fields.put(name, List.of(values));
    }
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }

  private static void post(HttpClient client, URI core, List<Map<String, Object>> batch)
      throws IOException, InterruptedException {
    send(client, URI.create(core + "/update"), JSON.writeValueAsString(batch));
  }

  private static void send(HttpClient client, URI uri, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
