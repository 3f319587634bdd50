package dev.carnews.search.lucene.query;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SearchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a reader's words into Lucene queries over title (weight 3) and body (weight 1).
 *
 * <p>Lucene's {@link SimpleQueryParser} never fails on syntax, so no input can cause an error:
 * words are all required (a news reader's search narrows as they type more), {@code "..."} is a
 * phrase, {@code -word} excludes, {@code a | b} is either, {@code word*} a prefix. A query of
 * exclusions only excludes from all articles; a blank query matches all.
 *
 * <p>For plain words (no operators), two more readings are added, because the simple parser
 * analyzes one word at a time: the whole text through the query analyzer per field, so multi-word
 * synonyms match ({@code electric vehicle} also finds "EV"), and {@link #proximity(String)}, the
 * words as a sloppy phrase, which ranks stories that use the words together above scattered ones.
 */
public final class TextQueries {

  /**
   * Queries longer than this many words get neither the whole-text alternative (for multi-word
   * synonyms) nor proximity clauses: a long query is not a phrase, and doubling its clauses would
   * only make it slow (and trip the clause limit).
   */
  static final int MAX_PHRASE_WORDS = 8;

  /** How the words of a query must match. */
  public enum Match {
    /** Every word (the normal search). */
    ALL,
    /** Every word, words of {@value #FUZZY_MIN_LENGTH}+ letters within one or two edits. */
    FUZZY,
    /** Most words: {@value #SOME_SHARE} of them, rounded, at least one. */
    SOME
  }

  /** Title matches count three times as much as body matches. */
  static final Map<String, Float> WEIGHTS = Map.of(ArticleSchema.TITLE, 3f, ArticleSchema.BODY, 1f);

  /** Shortest word matched fuzzily; shorter words are too often other real words. */
  static final int FUZZY_MIN_LENGTH = 5;

  /** The share of words a {@link Match#SOME} search requires. */
  static final double SOME_SHARE = 0.6;

  /**
   * Plain queries of this many words and more are read as most of their words from the start, the
   * articles with more of them ranked first: on Reuters topics typed as a reader would (3-5 words)
   * and as sentences, nDCG@10 0.666 → 0.707 and 0.413 → 0.536 against every word first; one- and
   * two-word queries (names, "battery plant") keep every word.
   */
  public static final int MOST_WORDS_FROM = 3;

  /**
   * In a hybrid search, queries of this many words and more (sentences) need every word on the
   * words' side: most words of a sentence are not in the articles that answer it, so "most words"
   * would only add noise to what the meaning finds (hybrid nDCG@10 on sentences 0.664 → 0.744).
   */
  static final int HYBRID_ALL_WORDS_FROM = 5;

  /** How a query is read first: most of its words when it is plain and long enough, else all. */
  public static Match firstReading(String q, SearchMode mode) {
    int words = words(q);
    if (mode == SearchMode.HYBRID && words >= HYBRID_ALL_WORDS_FROM) {
      return Match.ALL;
    }
    return isPlain(q) && words >= MOST_WORDS_FROM ? Match.SOME : Match.ALL;
  }

  /** Word distance inside which the whole query counts as a phrase in a title / a body. */
  private static final int TITLE_SLOP = 2;

  private static final int BODY_SLOP = 6;

  /** Weight of the proximity reading against the word-by-word reading. */
  private static final float PROXIMITY_BOOST = 0.5f;

  /** A quoted phrase (maybe unclosed) or a run of other characters. */
  static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"?|[^\\s\"]+");

  private static final Pattern OPERATORS = Pattern.compile("[\"|+*~()\\\\]|(^|\\s)-");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private final Analyzer analyzer;

  TextQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query for the words, every word required; {@link MatchAllDocsQuery} when blank. */
  Query parse(String q) {
    return parse(q, Match.ALL);
  }

  /** The query for the words, matched as {@code match} says. */
  Query parse(String q, Match match) {
    if (q == null || q.isBlank()) {
      return new MatchAllDocsQuery();
    }
    String text = match == Match.FUZZY ? fuzzy(q) : q;
    SimpleQueryParser parser = new FuzzyCachingParser(analyzer);
    parser.setDefaultOperator(
        match == Match.SOME ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
    // "EV" expands to the phrase "electric vehicle", not to two loose words.
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    Query parsed = parser.parse(text);
    if (parsed == null) {
      return new MatchNoDocsQuery("no searchable words");
    }
    if (onlyExclusions(parsed)) {
      return excludeFromAll((BooleanQuery) parsed);
    }
    if (match == Match.SOME) {
      return mostOf(parsed);
    }
    if (match == Match.ALL && isPlain(q) && words(q) > 1 && words(q) <= MAX_PHRASE_WORDS) {
      return withWholeText(parsed, q);
    }
    return parsed;
  }

  /**
   * The plain words as sloppy phrases in title and body, to add as an optional clause; empty for a
   * single word or a query with operators.
   */
  Optional<Query> proximity(String q) {
    if (q == null || !isPlain(q) || words(q) < 2 || words(q) > MAX_PHRASE_WORDS) {
      return Optional.empty();
    }
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder phrases = new BooleanQuery.Builder();
    int added = 0;
    for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
      int slop = field.getKey().equals(ArticleSchema.TITLE) ? TITLE_SLOP : BODY_SLOP;
      Query phrase = builder.createPhraseQuery(field.getKey(), q, slop);
      if (phrase != null) {
        phrases.add(
            new BoostQuery(phrase, field.getValue() * PROXIMITY_BOOST), BooleanClause.Occur.SHOULD);
        added++;
      }
    }
    return added == 0 ? Optional.empty() : Optional.of(phrases.build());
  }

  /** Whether the query is words only: no quotes, exclusions or other operators. */
  static boolean isPlain(String q) {
    return !OPERATORS.matcher(q).find();
  }

  /** Whether {@link Match#FUZZY} would change the query. */
  public static boolean hasFuzzyWords(String q) {
    return !fuzzy(q).equals(q);
  }

  /** How many words (or quoted phrases) the query has. */
  public static int words(String q) {
    int count = 0;
    Matcher tokens = TOKEN.matcher(q);
    while (tokens.find()) {
      count++;
    }
    return count;
  }

  /** The query with {@code ~1} (or {@code ~2} from 8 letters) after each long all-letter word. */
  static String fuzzy(String q) {
    StringBuilder out = new StringBuilder();
    Matcher tokens = TOKEN.matcher(q);
    int last = 0;
    while (tokens.find()) {
      out.append(q, last, tokens.end());
      String token = tokens.group();
      if (LETTERS.matcher(token).matches() && token.length() >= FUZZY_MIN_LENGTH) {
        out.append(token.length() >= 8 ? "~2" : "~1");
      }
      last = tokens.end();
    }
    return out.append(q.substring(last)).toString();
  }

  /** Either the words one by one, or the whole text per field (multi-word synonyms). */
  private Query withWholeText(Query wordByWord, String q) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    List<Query> wholes = new ArrayList<>();
    for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
      Query whole = builder.createBooleanQuery(field.getKey(), q, BooleanClause.Occur.MUST);
      if (whole != null) {
        wholes.add(new BoostQuery(whole, field.getValue()));
      }
    }
    if (wholes.isEmpty()) {
      return wordByWord;
    }
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(wordByWord, BooleanClause.Occur.SHOULD);
    wholes.forEach(whole -> either.add(whole, BooleanClause.Occur.SHOULD));
    return either.build();
  }

  private static Query mostOf(Query parsed) {
    if (!(parsed instanceof BooleanQuery bool)) {
      return parsed;
    }
    long optional =
        bool.clauses().stream().filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD).count();
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    bool.clauses().forEach(builder::add);
    builder.setMinimumNumberShouldMatch((int) Math.max(1, Math.round(optional * SOME_SHARE)));
    return builder.build();
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

  /**
   * Lucene's simple query parser whose fuzzy words ({@code word~1}) are rewritten through {@link
   * CachedFuzzyRewrite}; every other query is built as the parser builds it.
   */
  private static final class FuzzyCachingParser extends SimpleQueryParser {

    FuzzyCachingParser(Analyzer analyzer) {
      super(analyzer, WEIGHTS);
    }

    /** As {@link SimpleQueryParser#newFuzzyQuery}, with the cached rewrite. */
    @Override
    protected Query newFuzzyQuery(String text, int fuzziness) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
        BytesRef term = getAnalyzer().normalize(field.getKey(), text);
        Query fuzzy = CachedFuzzyRewrite.fuzzy(new Term(field.getKey(), term), fuzziness);
        if (field.getValue() != 1f) {
          fuzzy = new BoostQuery(fuzzy, field.getValue());
        }
        either.add(fuzzy, BooleanClause.Occur.SHOULD);
      }
      return simplify(either.build());
    }
  }
}
