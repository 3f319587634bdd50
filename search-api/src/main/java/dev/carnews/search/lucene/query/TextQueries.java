package dev.carnews.search.lucene.query;

import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a reader's words into Lucene queries over title (weight 2) and body (weight 1).
 *
 * <p>Lucene's {@link SimpleQueryParser} never fails on syntax, so no input can cause an error:
 * words are all required (a news reader's search narrows as they type more) unless the query is
 * read as any of its words ({@link #firstReading}), {@code "..."} is a phrase, {@code -word}
 * excludes, {@code a | b} is either, {@code word*} a prefix. A query of exclusions only excludes
 * from all articles; a blank query matches all.
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
    /**
     * Any of the words that are not common ({@link #COMMON_SHARE}), ranked by how many of the words
     * an article has and how rare they are; common words only add to the score. When every word is
     * common, {@value #COMMON_WORDS_SHARE} of them, rounded, at least one.
     */
    SOME
  }

  /**
   * Title matches count twice as much as body matches. A headline names what a story is about, but
   * weighed three times it let a headline word outrank stories that are about all the words: on
   * Reuters topics, keyword nDCG@10 0.705 → 0.717 (short queries) and 0.570 → 0.587 (sentences)
   * against three times; the sample's judged queries 0.9516 → 0.9529. At 1.5 Reuters scores higher
   * still (0.730 / 0.590) but the judged sample queries lower (0.9458).
   */
  static final Map<String, Float> WEIGHTS = Map.of(ArticleSchema.TITLE, 2f, ArticleSchema.BODY, 1f);

  /** Shortest word matched fuzzily; shorter words are too often other real words. */
  static final int FUZZY_MIN_LENGTH = 5;

  /**
   * A word in more than this share of the articles is common ("the", "of", "said" in a wire
   * archive): in a {@link Match#SOME} reading it adds to the score of the articles the other words
   * find but finds none by itself, so a sentence does not match every article through its function
   * words (and score them all).
   */
  static final double COMMON_SHARE = 0.5;

  /** The share of words a {@link Match#SOME} search requires when all its words are common. */
  static final double COMMON_WORDS_SHARE = 0.6;

  /**
   * Plain queries of this many words and more are read as any of their words from the start, the
   * articles with more of them ranked first (BM25 sums the words an article has, so having more of
   * them is the ranking signal, not a filter). On Reuters topics typed as a reader would (3-5
   * words) and as sentences: every word first 0.666 / 0.413 nDCG@10, 60% of the words 0.707 /
   * 0.536, any word 0.705 / 0.570. Two words are read so too unless they name something ({@link
   * #namesAThing}); one word is one word.
   */
  public static final int ANY_WORD_FROM = 3;

  /** Any digit: a word with one is a model code or a number ({@code cx5}, {@code id.4}, 2024). */
  private static final Pattern DIGIT = Pattern.compile("\\p{N}");

  /**
   * How a query is read first: any of its words when it is plain and long enough, or two words that
   * name nothing; else all of them.
   */
  public static Match firstReading(String q, EntityLexicon.Reading reading) {
    int words = words(q);
    if (!isPlain(q)) {
      return Match.ALL;
    }
    if (words >= ANY_WORD_FROM || words == 2 && !namesAThing(q, reading)) {
      return Match.SOME;
    }
    return Match.ALL;
  }

  /**
   * Whether a short query names something that every word narrows: a known brand or person ("james
   * baker", "renault ev") or a model code or number ("cx5 review"). Such queries keep every word;
   * two plain words that name nothing ("soybean crop", "wheat tender") are a topic, and reading
   * them as either word (BM25 ranks the articles with both first, as a rule) scores Reuters topics
   * 0.717 → 0.736 nDCG@10 while the judged sample queries keep 0.9529 (read so, "renault ev" fell
   * to 0.621, "cx5 review" to 0.920).
   */
  static boolean namesAThing(String q, EntityLexicon.Reading reading) {
    return !reading.brands().isEmpty() || !reading.persons().isEmpty() || DIGIT.matcher(q).find();
  }

  /**
   * Word distance inside which the whole query counts as a phrase in a title / a body. A headline
   * is a few words, so words near each other there are about one thing; a body is hundreds, and the
   * query's words six apart in it ("exchange" ... "rate") were mostly two things said in one
   * sentence. Only the body's exact phrase counts: on Reuters topics typed as a reader would,
   * keyword nDCG@10 0.762 → 0.775 and hybrid 0.811 → 0.819 (6 topics better, 2 worse; sentences are
   * too long for proximity), the judged sample queries 0.9528 → 0.9538.
   */
  private static final int TITLE_SLOP = 2;

  private static final int BODY_SLOP = 0;

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
    return read(q, Match.ALL);
  }

  /**
   * The query for the words, matched as {@code match} says; {@code reader} tells the common words
   * of a {@link Match#SOME} reading.
   */
  Query parse(String q, Match match, IndexReader reader) throws IOException {
    Query words = read(q, match);
    if (match != Match.SOME) {
      return words;
    }
    Query any = anyOf(words, reader);
    // Two words may be a multi-word synonym ("electric vehicle" finds "EV"): the whole text too.
    // Longer queries go without: its every-word match would outweigh the words, and it scored
    // Reuters topics 0.736 -> 0.750 nDCG@10 but the judged sample queries 0.9529 -> 0.9501.
    return isPlain(q) && words(q) == 2 ? withWholeText(any, q) : any;
  }

  /** The query for the words; a {@link Match#SOME} reading with every word optional. */
  private Query read(String q, Match match) {
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

  /**
   * The words' clauses of {@code parsed} (its optional clauses; exclusions and phrases kept as they
   * are) as a {@link Match#SOME} reading: an article needs one word that is not common, the common
   * words score only alongside; all common, it needs {@value #COMMON_WORDS_SHARE} of them.
   */
  private static Query anyOf(Query parsed, IndexReader reader) throws IOException {
    if (!(parsed instanceof BooleanQuery bool) || isOneWord(bool)) {
      return parsed;
    }
    List<Query> rare = new ArrayList<>();
    List<Query> common = new ArrayList<>();
    List<Query> stop = new ArrayList<>();
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (BooleanClause clause : bool.clauses()) {
      if (clause.getOccur() != BooleanClause.Occur.SHOULD) {
        builder.add(clause);
        continue;
      }
      switch (frequency(clause.getQuery(), reader)) {
        case COMMON -> common.add(blended(clause.getQuery()));
        case RARE -> rare.add(blended(clause.getQuery()));
        case STOP -> stop.add(blended(clause.getQuery()));
        case ABSENT -> {
          // in no article: it can neither find nor rank one
        }
      }
    }
    if (rare.isEmpty() && common.isEmpty()) {
      common.addAll(stop);
    }
    if (rare.isEmpty()) {
      common.forEach(word -> builder.add(word, BooleanClause.Occur.SHOULD));
      builder.setMinimumNumberShouldMatch(
          (int) Math.max(1, Math.round(common.size() * COMMON_WORDS_SHARE)));
      return builder.build();
    }
    if (common.isEmpty()) {
      rare.forEach(word -> builder.add(word, BooleanClause.Occur.SHOULD));
      builder.setMinimumNumberShouldMatch(1);
      return builder.build();
    }
    BooleanQuery.Builder anyRare = new BooleanQuery.Builder();
    rare.forEach(word -> anyRare.add(word, BooleanClause.Occur.SHOULD));
    builder.add(anyRare.build(), BooleanClause.Occur.MUST);
    common.forEach(word -> builder.add(word, BooleanClause.Occur.SHOULD));
    return builder.build();
  }

  /**
   * Whether the optional clauses are one word's fields (title, body) or none, not words: a single
   * word parses to its fields' clauses, and there is nothing to read "any of".
   */
  private static boolean isOneWord(BooleanQuery bool) {
    for (BooleanClause clause : bool.clauses()) {
      if (clause.getOccur() == BooleanClause.Occur.SHOULD) {
        Set<String> fields = new HashSet<>();
        clause
            .getQuery()
            .visit(
                new QueryVisitor() {
                  @Override
                  public boolean acceptField(String field) {
                    fields.add(field);
                    return true;
                  }
                });
        if (fields.size() > 1) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A word's title and body clauses as one BM25F field ({@link CombinedFieldQuery}): the word's
   * frequency in the title (counted twice) and the body is added up before BM25 saturates it, and
   * its rarity is the whole text's, instead of two saturated scores summed. A word said once in a
   * headline and twice in a short body then no longer counts nearly double a word the article
   * repeats, which is what a topic reads as. A clause that is not one plain word on each field (a
   * compound with its parts, a multi-word synonym, a prefix, a fuzzy word) is kept as it is.
   */
  static Query blended(Query word) {
    if (!(word instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() > 0) {
      return word;
    }
    Map<String, Float> fields = new HashMap<>();
    Set<BytesRef> terms = null;
    for (BooleanClause clause : bool.clauses()) {
      if (clause.getOccur() != BooleanClause.Occur.SHOULD) {
        return word;
      }
      Query query = clause.getQuery();
      float weight = 1f;
      if (query instanceof BoostQuery boost) {
        weight = boost.getBoost();
        query = boost.getQuery();
      }
      Set<BytesRef> fieldTerms = new HashSet<>();
      String field;
      if (query instanceof TermQuery term) {
        field = term.getTerm().field();
        fieldTerms.add(term.getTerm().bytes());
      } else if (query instanceof SynonymQuery synonyms) {
        field = synonyms.getField();
        synonyms.getTerms().forEach(t -> fieldTerms.add(t.bytes()));
      } else {
        return word;
      }
      if (weight < 1f || fields.put(field, weight) != null) {
        return word;
      }
      if (terms != null && !terms.equals(fieldTerms)) {
        return word;
      }
      terms = fieldTerms;
    }
    if (terms == null || !fields.keySet().equals(WEIGHTS.keySet())) {
      return word;
    }
    CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder();
    fields.forEach(combined::addField);
    terms.forEach(combined::addTerm);
    return combined.build();
  }

  /** How often a word is in the articles, for a {@link Match#SOME} reading. */
  private enum Frequency {
    /** In no article. */
    ABSENT,
    /** In some articles, not more than {@link #COMMON_SHARE} of them. */
    RARE,
    /** In more than {@link #COMMON_SHARE} of the articles. */
    COMMON,
    /** A function word ({@link #STOP_TERMS}), however rare in the archive. */
    STOP
  }

  /**
   * English function words ("or", "the", "which", Lucene's English stop set) as the text analyzer
   * indexes them. In a {@link Match#SOME} reading with other words they neither find nor rank an
   * article: in a small or young archive such a word is not common enough to tell by its frequency,
   * and "hybrid or diesel fuel cost" then ranked first an article for having "or" twice. A query of
   * function words only is read by them.
   */
  private static final Set<BytesRef> STOP_TERMS = stopTerms();

  private static Set<BytesRef> stopTerms() {
    Set<BytesRef> terms = new HashSet<>();
    try (Analyzer text = NewsAnalyzers.text()) {
      for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
        try (TokenStream tokens = text.tokenStream(ArticleSchema.BODY, new String((char[]) word))) {
          TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
          tokens.reset();
          while (tokens.incrementToken()) {
            terms.add(BytesRef.deepCopyOf(term.getBytesRef()));
          }
          tokens.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(terms);
  }

  /**
   * How often a word's clause is in the articles, by its most frequent term (its body term, as a
   * rule): absent when that is in no article; a clause without terms (a prefix, a fuzzy word) is
   * rare.
   */
  private static Frequency frequency(Query word, IndexReader reader) throws IOException {
    Set<Term> terms = new HashSet<>();
    word.visit(QueryVisitor.termCollector(terms));
    if (terms.isEmpty()) {
      return Frequency.RARE;
    }
    if (terms.stream().allMatch(term -> STOP_TERMS.contains(term.bytes()))) {
      return Frequency.STOP;
    }
    long common = (long) (COMMON_SHARE * reader.numDocs());
    int most = 0;
    for (Term term : terms) {
      most = Math.max(most, reader.docFreq(term));
    }
    if (most == 0) {
      return Frequency.ABSENT;
    }
    return most > common ? Frequency.COMMON : Frequency.RARE;
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
