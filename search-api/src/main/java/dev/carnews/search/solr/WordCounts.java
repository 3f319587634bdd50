package dev.carnews.search.solr;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.IndexVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;

/**
 * How many articles have a word in their title and in their body, and how many articles there are:
 * what an any-word reading ({@link dev.carnews.search.views.WordReading}) needs to tell common
 * words from rare ones and words in no article from known ones, as the local index reads its terms'
 * document frequencies. One read answers every word not yet known (a {@code facet.query} per word
 * and field, analysed by the field's own analyzer); the answers are kept until the collection's
 * version changes, so a repeated word costs nothing.
 *
 * <p>Thread-safe.
 */
final class WordCounts {

  /** Words kept at most; past it the kept answers are dropped and asked again. */
  private static final int MAX_KEPT = 10_000;

  /** A word's articles by field, and the articles of the collection. */
  record Count(long title, long body, long of) {

    /** The articles of the field with more of them (the body, as a rule), as locally. */
    long most() {
      return Math.max(title, body);
    }
  }

  /** The collection's version, read by the archive at most once a second. */
  @FunctionalInterface
  interface Versions {
    IndexVersion version() throws IOException;
  }

  private final SolrNewsArchive.Reads reads;
  private final Versions versions;
  private final Map<String, Count> kept = new ConcurrentHashMap<>();
  private volatile IndexVersion keptAt;

  WordCounts(SolrNewsArchive.Reads reads, Versions versions) {
    this.reads = reads;
    this.versions = versions;
  }

  /** The counts of each of {@code words}. */
  Map<String, Count> of(List<String> words) throws IOException {
    IndexVersion now = versions.version();
    if (!now.equals(keptAt)) {
      kept.clear();
      keptAt = now;
    }
    Map<String, Count> counts = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String word : words) {
      Count known = kept.get(word);
      if (known != null) {
        counts.put(word, known);
      } else if (!missing.contains(word)) {
        missing.add(word);
      }
    }
    if (missing.isEmpty()) {
      return counts;
    }
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.setFacet(true);
    for (int i = 0; i < missing.size(); i++) {
      query.set("w" + i, missing.get(i));
      query.addFacetQuery("{!field f=" + ArticleSchema.TITLE + " key=t" + i + " v=$w" + i + "}");
      query.addFacetQuery("{!field f=" + ArticleSchema.BODY + " key=b" + i + " v=$w" + i + "}");
    }
    QueryResponse response = reads.query(query);
    long articles = response.getResults().getNumFound();
    Map<String, Integer> answered =
        response.getFacetQuery() == null ? Map.of() : response.getFacetQuery();
    if (kept.size() + missing.size() > MAX_KEPT) {
      kept.clear();
    }
    for (int i = 0; i < missing.size(); i++) {
      Count count =
          new Count(answered.getOrDefault("t" + i, 0), answered.getOrDefault("b" + i, 0), articles);
      counts.put(missing.get(i), count);
      kept.put(missing.get(i), count);
    }
    return counts;
  }
}
