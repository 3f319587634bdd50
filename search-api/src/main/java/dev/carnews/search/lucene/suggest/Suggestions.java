package dev.carnews.search.lucene.suggest;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.TITLE;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.Ranking;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.Suggestion;
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.lucene.index.ReaderCache;
import dev.carnews.search.lucene.query.EntityLexicon;
import dev.carnews.search.lucene.query.RecencyBoost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Completions of a typed prefix: brands, people and authors from the reader's lexicon, ranked by
 * how many articles name them and how recently, then headlines with a word starting with it.
 */
public final class Suggestions {

  private final ReaderCache<EntityLexicon> lexicons;
  private final Ranking ranking;

  public Suggestions(ReaderCache<EntityLexicon> lexicons, Ranking ranking) {
    this.lexicons = lexicons;
    // Suggestions weigh recency with the configured half-life, or a year when recency is off.
    this.ranking = ranking.recency() ? ranking : Ranking.defaults();
  }

  /** See {@link NewsArchive#suggest(String)}. */
  public SuggestResponse suggest(IndexSearcher searcher, String prefix) throws IOException {
    String typed = Objects.requireNonNullElse(prefix, "").strip();
    if (typed.isEmpty()) {
      throw new IllegalArgumentException("q is required");
    }
    if (typed.length() > SuggestResponse.MAX_PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "q must be at most " + SuggestResponse.MAX_PREFIX_LENGTH + " characters");
    }
    RecencyBoost recency = RecencyBoost.of(searcher.getIndexReader(), ranking);
    List<Suggestion> suggestions =
        new ArrayList<>(
            lexicons.get(searcher.getIndexReader()).suggested(typed, recency::multiplier));
    Set<String> seen = new LinkedHashSet<>();
    suggestions.forEach(name -> seen.add(NameKeys.key(name.text())));
    for (Suggestion title :
        titles(searcher, typed, SuggestResponse.MAX_SIZE - suggestions.size())) {
      if (seen.add(NameKeys.key(title.text()))) {
        suggestions.add(title);
      }
    }
    return new SuggestResponse(typed, suggestions);
  }

  /** Headlines with a word starting with the last typed word and containing the others. */
  private static List<Suggestion> titles(IndexSearcher searcher, String typed, int max)
      throws IOException {
    if (max <= 0) {
      return List.of();
    }
    String[] words = EntityLexicon.words(typed).split(" ");
    if (words.length == 0 || words[words.length - 1].isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int i = 0; i < words.length - 1; i++) {
      query.add(new TermQuery(new Term(TITLE, words[i])), BooleanClause.Occur.MUST);
    }
    query.add(new PrefixQuery(new Term(TITLE, words[words.length - 1])), BooleanClause.Occur.MUST);
    TopDocs top = searcher.search(query.build(), max, ArticleSchema.newestFirst());
    StoredFields stored = searcher.storedFields();
    List<Suggestion> titles = new ArrayList<>();
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      Document doc = stored.document(scoreDoc.doc, Set.of(ID, TITLE, PUBLISHED));
      titles.add(new Suggestion(doc.get(TITLE), "title", 1, HitReader.published(doc), doc.get(ID)));
    }
    return titles;
  }
}
