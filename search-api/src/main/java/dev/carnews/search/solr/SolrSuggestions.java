package dev.carnews.search.solr;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.Suggestion;
import dev.carnews.search.views.NameLexicon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * Completions on SolrCloud: brand, person and author names whose folded form or one of whose words
 * starts with the folded prefix (the archive's names from the entity directory's facet counts),
 * ranked by articles × recency as locally, then the newest headlines with a word starting with the
 * last typed word.
 */
final class SolrSuggestions {

  private final SolrNewsArchive.Reads reads;
  private final Lexicons lexicon;
  private final Newest newest;
  private final Ranking ranking;

  /** The archive's names as last read. */
  @FunctionalInterface
  interface Lexicons {
    NameLexicon get() throws IOException;
  }

  /** The archive's newest publication time, recency's origin. */
  @FunctionalInterface
  interface Newest {
    long getAsLong() throws IOException;
  }

  SolrSuggestions(SolrNewsArchive.Reads reads, Lexicons lexicon, Newest newest, Ranking ranking) {
    this.reads = reads;
    this.lexicon = lexicon;
    this.newest = newest;
    // Suggestions weigh recency with the configured half-life, or a year when recency is off.
    this.ranking = ranking.recency() ? ranking : Ranking.defaults();
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
    List<Suggestion> suggestions = new ArrayList<>(names(typed));
    Set<String> seen = new LinkedHashSet<>();
    suggestions.forEach(s -> seen.add(NameKeys.key(s.text())));
    for (Suggestion title : titles(key, SuggestResponse.MAX_SIZE - suggestions.size())) {
      if (seen.add(NameKeys.key(title.text()))) {
        suggestions.add(title);
      }
    }
    return new SuggestResponse(typed, suggestions);
  }

  /**
   * The archive's names completing the prefix, ranked by articles × recency of the newest, as
   * locally (the same lexicon rules, over Solr's counts).
   */
  private List<Suggestion> names(String typed) throws IOException {
    long newest = this.newest.getAsLong();
    return lexicon.get().suggested(typed, at -> ranking.multiplier(newest, at));
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
