package dev.carnews.search;

import dev.carnews.index.ArticleSchema;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns a reader's words into a Lucene query over title (weight 3) and body (weight 1).
 *
 * <p>Lucene's {@link SimpleQueryParser} never fails on syntax, so no input can cause an error:
 * words are all required (a news reader's search narrows as they type more), {@code "..."} is a
 * phrase, {@code -word} excludes, {@code a | b} is either, {@code word*} a prefix. A query of
 * exclusions only excludes from all articles; a blank query matches all.
 */
final class TextQueries {

  /** Title matches count three times as much as body matches. */
  static final Map<String, Float> WEIGHTS = Map.of(ArticleSchema.TITLE, 3f, ArticleSchema.BODY, 1f);

  private final Analyzer analyzer;

  TextQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query for the words; {@link MatchAllDocsQuery} when blank. */
  Query parse(String q) {
    if (q == null || q.isBlank()) {
      return new MatchAllDocsQuery();
    }
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    // "EV" expands to the phrase "electric vehicle", not to two loose words.
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    Query parsed = parser.parse(q);
    if (parsed == null) {
      return new MatchNoDocsQuery("no searchable words");
    }
    return onlyExclusions(parsed) ? excludeFromAll((BooleanQuery) parsed) : parsed;
  }

  private static boolean onlyExclusions(Query query) {
    return query instanceof BooleanQuery bool
        && !bool.clauses().isEmpty()
        && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
  }

  private static Query excludeFromAll(BooleanQuery exclusions) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    exclusions.clauses().forEach(builder::add);
    return builder.build();
  }
}
