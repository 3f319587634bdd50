package dev.carnews.search.solr;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.analysis.NameKeys;
import dev.carnews.search.FacetValue;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.views.ArticleViews;
import dev.carnews.solrcloud.SolrArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * Solr's answer as the service's records: hits with the highlighter's passages (Solr escapes the
 * text and adds only {@code <mark>}, see the configset's {@code hl.encoder=html}) or the escaped
 * lead, and facet lists with the forms of one name (case, accents) merged under the most frequent
 * one, as the local index counts them.
 */
final class SolrAnswers {

  private static final String ELLIPSIS = " … ";

  private SolrAnswers() {}

  /** The page's hits in Solr's order. */
  static List<SearchHit> hits(QueryResponse response) {
    Map<String, Map<String, List<String>>> highlights = response.getHighlighting();
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      String id = (String) doc.getFirstValue(ID);
      String title = (String) doc.getFirstValue(TITLE);
      String body = (String) doc.getFirstValue(BODY);
      Map<String, List<String>> marked = highlights == null ? null : highlights.get(id);
      List<String> authors = SolrArticles.strings(doc, AUTHOR);
      hits.add(
          new SearchHit(
              id,
              (String) doc.getFirstValue(URL),
              title,
              passage(marked, TITLE, ArticleViews.escape(title)),
              authors.isEmpty() ? null : authors.get(0),
              authors,
              published(doc),
              SolrArticles.strings(doc, BRAND),
              SolrArticles.strings(doc, PERSON),
              passage(marked, BODY, ArticleViews.lead(body == null ? "" : body))));
    }
    return hits;
  }

  /** The publication time of a stored document, or {@code null}. */
  static Instant published(SolrDocument doc) {
    Object value = doc.getFirstValue(PUBLISHED);
    return value == null ? null : Instant.ofEpochMilli(((Number) value).longValue());
  }

  /** Brand, author, person (top values, variants merged) and date (every month, in order). */
  static Map<String, List<FacetValue>> facets(QueryResponse response) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String name : SearchRequest.FACET_NAMES) {
      FacetField field = response.getFacetField(name);
      List<FacetValue> values =
          field == null || field.getValues() == null ? List.of() : values(field);
      facets.put(name, name.equals("date") ? values : merged(values));
    }
    return facets;
  }

  private static List<FacetValue> values(FacetField field) {
    List<FacetValue> values = new ArrayList<>();
    for (FacetField.Count count : field.getValues()) {
      if (count.getCount() > 0) {
        values.add(new FacetValue(count.getName(), count.getCount()));
      }
    }
    return values;
  }

  private static List<FacetValue> merged(List<FacetValue> values) {
    Map<String, FacetValue> byKey = new LinkedHashMap<>();
    Map<String, Long> totals = new LinkedHashMap<>();
    for (FacetValue value : values) {
      String key = NameKeys.key(value.value());
      totals.merge(key, value.count(), Long::sum);
      // Values come most frequent first: the first form seen of a name is its shown form.
      byKey.putIfAbsent(key, value);
    }
    List<FacetValue> result = new ArrayList<>();
    byKey.forEach((key, value) -> result.add(new FacetValue(value.value(), totals.get(key))));
    result.sort(
        Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return result.subList(0, Math.min(result.size(), SearchRequest.DEFAULT_FACET_SIZE));
  }

  private static String passage(Map<String, List<String>> marked, String field, String fallback) {
    if (marked == null) {
      return fallback;
    }
    List<String> passages = marked.get(field);
    if (passages == null || passages.isEmpty()) {
      return fallback;
    }
    return ArticleViews.collapsed(String.join(ELLIPSIS, passages));
  }
}
