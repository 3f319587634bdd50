package dev.carnews.search.solr;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.Suggestion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * Completions on SolrCloud: brand, person and author names whose folded form or one of whose words
 * starts with the folded prefix (from facet counts, case- and accent-free), most articles first,
 * then the newest headlines with a word starting with the last typed word.
 */
final class SolrSuggestions {

  private static final int MAX_NAME_SUGGESTIONS = 7;
  private final SolrNewsArchive.Reads reads;

  SolrSuggestions(SolrNewsArchive.Reads reads) {
    this.reads = reads;
  }

  SuggestResponse suggest(String prefix) throws IOException {
    String typed = Objects.requireNonNullElse(prefix, "").strip();
    if (typed.isEmpty()) {
      throw new IllegalArgumentException("q is required");
    }
    if (typed.length() > SuggestResponse.MAX_PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "q must be at most " + SuggestResponse.MAX_PREFIX_LENGTH + " characters");
    }
    String key = NameKeys.key(typed);
    List<Suggestion> suggestions = new ArrayList<>(names(typed, key));
    Set<String> seen = new LinkedHashSet<>();
    suggestions.forEach(s -> seen.add(NameKeys.key(s.text())));
    for (Suggestion title : titles(key, SuggestResponse.MAX_SIZE - suggestions.size())) {
      if (seen.add(NameKeys.key(title.text()))) {
        suggestions.add(title);
      }
    }
    return new SuggestResponse(typed, suggestions);
  }

  private List<Suggestion> names(String typed, String key) throws IOException {
    SolrQuery query = new SolrQuery("*:*");
    query.setRows(0);
    query.setFacet(true);
    query.setFacetMinCount(1);
    query.setFacetLimit(50);
    query.set("facet.contains", typed.split("\\s+")[0]);
    query.set("facet.contains.ignoreCase", true);
    query.addFacetField("brand", "person", "author");
    QueryResponse response = reads.query(query);
    List<Suggestion> found = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (FacetField field : response.getFacetFields()) {
      for (FacetField.Count count : field.getValues()) {
        String name = NameKeys.key(count.getName());
        if (startsWithWord(name, key) && seen.add(name)) {
          found.add(new Suggestion(count.getName(), field.getName(), count.getCount(), null, null));
        }
      }
    }
    found.sort(Comparator.comparingLong(Suggestion::count).reversed());
    return found.subList(0, Math.min(found.size(), MAX_NAME_SUGGESTIONS));
  }

  private List<Suggestion> titles(String key, int max) throws IOException {
    if (max <= 0 || key.isBlank()) {
      return List.of();
    }
    String[] words = key.split(" ");
    StringBuilder q = new StringBuilder();
    for (String word : words) {
      q.append(q.length() == 0 ? "" : " AND ").append("title_prefix:").append(quoted(word));
    }
    SolrQuery query = new SolrQuery(q.toString());
    query.setRows(max);
    query.setFields("id,title,published");
    query.addSort(ArticleSchema.PUBLISHED, SolrQuery.ORDER.desc);
    List<Suggestion> titles = new ArrayList<>();
    for (SolrDocument doc : reads.query(query).getResults()) {
      titles.add(
          new Suggestion(
              (String) doc.getFirstValue("title"),
              "title",
              1,
              SolrAnswers.published(doc),
              (String) doc.getFirstValue("id")));
    }
    return titles;
  }

  private static boolean startsWithWord(String name, String key) {
    return name.startsWith(key) || name.contains(" " + key);
  }

  private static String quoted(String word) {
    return SolrSearchParams.quoted(word);
  }
}
