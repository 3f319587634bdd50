package dev.carnews.search.lucene.query;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Spelling corrections from the index's own words (Lucene's {@link DirectSpellChecker} over the
 * body and title terms), word by word: a word is corrected only when it is all letters, at least
 * {@value #MIN_LENGTH} long and found in no article. Quoted phrases, exclusions ({@code -word}),
 * numbers and model codes ({@code ex30}, {@code cx5}, {@code id.4}) are never touched, and the rest
 * of the query is kept as typed.
 */
public final class Spelling {

  /** Shortest word worth correcting. */
  static final int MIN_LENGTH = 4;

  /** Candidates per field that the checker hands back for ranking. */
  private static final int CANDIDATES = 5;

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  /** Corrections remembered per reader, at most; beyond it new ones are computed, not kept. */
  private static final int MAX_REMEMBERED = 10_000;

  private final Analyzer analyzer;
  private final DirectSpellChecker checker = new DirectSpellChecker();

  /**
   * The closest index word of each unknown word, per open reader: the checker walks the term
   * dictionary with an edit-distance automaton, the dearest part of a search that finds nothing
   * (issue 12), and its answer depends only on the reader and the word.
   */
  private final ReaderCache<Map<String, Optional<String>>> corrections =
      new ReaderCache<>(reader -> new ConcurrentHashMap<>());

  public Spelling(Analyzer analyzer) {
    this.analyzer = analyzer;
    checker.setMinQueryLength(MIN_LENGTH);
  }

  /** The query with its unknown words corrected, when any word could be corrected. */
  public Optional<String> correct(IndexReader reader, String q) throws IOException {
    StringBuilder out = new StringBuilder();
    Matcher tokens = TextQueries.TOKEN.matcher(q);
    int last = 0;
    boolean changed = false;
    while (tokens.find()) {
      out.append(q, last, tokens.start());
      String token = tokens.group();
      String replacement = token;
      if (LETTERS.matcher(token).matches()
          && token.length() >= MIN_LENGTH
          && !known(reader, token)) {
        Optional<String> suggestion = suggest(reader, token);
        if (suggestion.isPresent()) {
          replacement = sameCase(token, suggestion.get());
          changed = true;
        }
      }
      out.append(replacement);
      last = tokens.end();
    }
    out.append(q.substring(last));
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }

  /**
   * Whether a plain word of the query (letters only, at least {@value #MIN_LENGTH} long, outside
   * quotes and exclusions) is found in no article: only then can a close spelling help.
   */
  public boolean hasUnknownWord(IndexReader reader, String q) throws IOException {
    Matcher tokens = TextQueries.TOKEN.matcher(q);
    while (tokens.find()) {
      String token = tokens.group();
      if (LETTERS.matcher(token).matches()
          && token.length() >= MIN_LENGTH
          && !known(reader, token)) {
        return true;
      }
    }
    return false;
  }

  /** How many articles have the word in their body, as the index analyzes it (its first term). */
  long articlesWith(IndexReader reader, String word) throws IOException {
    List<String> terms = analyzed(word);
    return terms.isEmpty() ? 0 : reader.docFreq(new Term(ArticleSchema.BODY, terms.get(0)));
  }

  private boolean known(IndexReader reader, String word) throws IOException {
    for (String term : analyzed(word)) {
      if (reader.docFreq(new Term(ArticleSchema.BODY, term)) > 0
          || reader.docFreq(new Term(ArticleSchema.TITLE, term)) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The closest index word: fewest edits (a swap of neighbours is one), then the most articles
   * ({@code oill} → {@code oil}, not the rare {@code oild}).
   */
  private Optional<String> suggest(IndexReader reader, String word) throws IOException {
    if (reader.getReaderCacheHelper() == null) {
      return closest(reader, word);
    }
    Map<String, Optional<String>> known = corrections.get(reader);
    Optional<String> correction = known.get(word);
    if (correction == null) {
      correction = closest(reader, word);
      if (known.size() < MAX_REMEMBERED) {
        known.put(word, correction);
      }
    }
    return correction;
  }

  private Optional<String> closest(IndexReader reader, String word) throws IOException {
    String folded = NameKeys.key(word);
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    int bestFreq = -1;
    for (String field : List.of(ArticleSchema.BODY, ArticleSchema.TITLE)) {
      for (SuggestWord found :
          checker.suggestSimilar(
              new Term(field, folded), CANDIDATES, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
        if (!LETTERS.matcher(found.string).matches()) {
          continue;
        }
        int edits = edits(folded, found.string);
        if (edits < bestEdits || (edits == bestEdits && found.freq > bestFreq)) {
          best = found.string;
          bestEdits = edits;
          bestFreq = found.freq;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance with adjacent transpositions (optimal string alignment). */
  static int edits(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private List<String> analyzed(String word) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(ArticleSchema.BODY, word)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }

  /** The suggestion in the case style of the typed word: {@code Renualt} → {@code Renault}. */
  private static String sameCase(String typed, String suggestion) {
    if (typed.equals(typed.toUpperCase(Locale.ROOT)) && typed.length() > 1) {
      return suggestion.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(typed.codePointAt(0))) {
      return suggestion.substring(0, 1).toUpperCase(Locale.ROOT) + suggestion.substring(1);
    }
    return suggestion;
  }
}
