package dev.carnews.search;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
final class Spelling {

  /** Shortest word worth correcting. */
  static final int MIN_LENGTH = 4;

  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private final Analyzer analyzer;
  private final DirectSpellChecker checker = new DirectSpellChecker();

  Spelling(Analyzer analyzer) {
    this.analyzer = analyzer;
    checker.setMinQueryLength(MIN_LENGTH);
  }

  /** The query with its unknown words corrected, when any word could be corrected. */
  Optional<String> correct(IndexReader reader, String q) throws IOException {
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

  private boolean known(IndexReader reader, String word) throws IOException {
    for (String term : analyzed(word)) {
      if (reader.docFreq(new Term(ArticleSchema.BODY, term)) > 0
          || reader.docFreq(new Term(ArticleSchema.TITLE, term)) > 0) {
        return true;
      }
    }
    return false;
  }

  private Optional<String> suggest(IndexReader reader, String word) throws IOException {
    String folded = NameKeys.key(word);
    SuggestWord best = null;
    for (String field : List.of(ArticleSchema.BODY, ArticleSchema.TITLE)) {
      SuggestWord[] found =
          checker.suggestSimilar(
              new Term(field, folded), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      if (found.length > 0 && (best == null || found[0].score > best.score)) {
        best = found[0];
      }
    }
    return best == null || !LETTERS.matcher(best.string).matches()
        ? Optional.empty()
        : Optional.of(best.string);
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
