package dev.carnews.search.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * How the words of a keyword search must match, decided the same way on both backends so that a
 * query finds the same articles on either: a plain query (no quotes or operators) of {@value
 * #ANY_WORD_FROM} words or more, or of two words that name nothing, matches any of its words (the
 * articles with more of them ranking first, as BM25 sums the words an article has); one word, two
 * that name something and a query with operators need every word. In an any-word reading a word in
 * more than {@link #COMMON_SHARE} of the articles only adds to the score, and when every word is
 * that common, {@link #COMMON_WORDS_SHARE} of them are required.
 *
 * <p>The figures behind each threshold (Reuters topics, the judged sample queries) are in {@code
 * docs/search-by-meaning.md}; the local index applies the same rules to its Lucene queries ({@code
 * TextQueries}), the SolrCloud backend to edismax's.
 */
public final class WordReading {

  /** Plain queries of this many words and more match any of their words. */
  public static final int ANY_WORD_FROM = 3;

  /**
   * Plain queries of this many words and more are sentences: a hybrid search lets their meaning
   * lead the fusion ({@link HybridFusion}).
   */
  public static final int SENTENCE_FROM = 5;

  /**
   * A word in more than this share of the articles is common: it scores but finds nothing alone.
   */
  public static final double COMMON_SHARE = 0.5;

  /** The share of the words an any-word reading requires when every word is common. */
  public static final double COMMON_WORDS_SHARE = 0.6;

  /**
   * The shortest all-letter word that can be a misspelling: two plain words one of which is in no
   * article ("electrik platform") need both, so the spelling correction answers rather than the one
   * known word.
   */
  public static final int UNKNOWN_MIN_LENGTH = 4;

  /** A quoted phrase (maybe unclosed) or a run of other characters. */
  private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"?|[^\\s\"]+");

  private static final Pattern OPERATORS = Pattern.compile("[\"|+*~()\\\\]|(^|\\s)-");
  private static final Pattern DIGIT = Pattern.compile("\\p{N}");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private WordReading() {}

  /**
   * Whether a query is first read as any of its words (else every word): plain, and {@value
   * #ANY_WORD_FROM}+ words or two that name nothing. A hybrid search reads a sentence so too: its
   * words' ranking then adds what most of the words find, which needing every word did not (hybrid
   * nDCG@10 on Reuters sentences 0.733 → 0.761, with {@link HybridFusion}).
   */
  public static boolean anyWord(String q, NameLexicon.Reading named) {
    int words = words(q);
    if (!isPlain(q)) {
      return false;
    }
    return words >= ANY_WORD_FROM || words == 2 && !namesAThing(q, named);
  }

  /** Whether a query is a sentence: plain and {@value #SENTENCE_FROM} words or more. */
  public static boolean isSentence(String q) {
    return isPlain(q) && words(q) >= SENTENCE_FROM;
  }

  /**
   * Whether a word is an English function word ("or", "the", "which": Lucene's English stop set).
   * In an any-word reading with other words it neither finds nor ranks an article: in a small or
   * young archive such a word is not in enough articles to be told common by its count, and "hybrid
   * or diesel fuel cost" then ranked first an article for having "or" twice. A query of function
   * words only is read by them.
   */
  public static boolean isFunctionWord(String word) {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a short query names something every word narrows: a known brand or person, or a model
   * code or number (a digit).
   */
  public static boolean namesAThing(String q, NameLexicon.Reading named) {
    return !named.brands().isEmpty() || !named.persons().isEmpty() || DIGIT.matcher(q).find();
  }

  /** Whether the query is words only: no quotes, exclusions or other operators. */
  public static boolean isPlain(String q) {
    return !OPERATORS.matcher(q).find();
  }

  /** How many words (or quoted phrases) the query has. */
  public static int words(String q) {
    return wordsOf(q).size();
  }

  /** The words (or quoted phrases) of a query, in order. */
  public static List<String> wordsOf(String q) {
    List<String> words = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(q);
    while (tokens.find()) {
      words.add(tokens.group());
    }
    return words;
  }

  /** Whether a word in {@code withWord} of {@code articles} articles is common. */
  public static boolean isCommon(long withWord, long articles) {
    return withWord > (long) (COMMON_SHARE * articles);
  }

  /** How many of {@code common} words an any-word reading of only common words requires. */
  public static int commonRequired(int common) {
    return (int) Math.max(1, Math.round(common * COMMON_WORDS_SHARE));
  }

  /** Whether a word in no article may be a misspelling ({@link #UNKNOWN_MIN_LENGTH}). */
  public static boolean mayBeMisspelt(String word) {
    return LETTERS.matcher(word).matches() && word.length() >= UNKNOWN_MIN_LENGTH;
  }
}
