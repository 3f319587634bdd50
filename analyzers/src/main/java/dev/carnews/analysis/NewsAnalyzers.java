package dev.carnews.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analyzers of the news index, one static factory per field family. The same analyzer is used
 * at index and query time unless a method says otherwise.
 *
 * <p>Every call returns a new {@link Analyzer}; building one is cheap (the word lists and the
 * synonym map are loaded once per JVM and shared). An analyzer is thread-safe and reuses its token
 * streams per thread, so callers should keep one instance per use (one for the index writer, one
 * for the query parser) rather than create one per document or query, and close it when done.
 */
public final class NewsAnalyzers {

  /** Classpath resource with the car-domain synonyms of {@link #textQuery()}. */
  public static final String CAR_SYNONYMS_RESOURCE = "car-synonyms.txt";

  /** Classpath resource with the words the stemmer must leave alone (brands, models, "news"). */
  public static final String PROTECTED_WORDS_RESOURCE = "protected-words.txt";

  /** Longest prefix that {@link #autocomplete()} indexes; longer words are also kept whole. */
  public static final int AUTOCOMPLETE_MAX_PREFIX = 20;

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

  private static final NormalizeCharMap NAME_PUNCTUATION = namePunctuation();

  private NewsAnalyzers() {}

  /**
   * Title and body text, at index time and as the default query analyzer.
   *
   * <p>{@link StandardTokenizer} words; compounds and model codes split into parts ({@code CX-5},
   * {@code CX5} and {@code cx 5} all give {@code cx}, {@code 5}) with the joined form stacked on
   * them ({@code cx5}, {@code etron}), see {@link CompoundJoinCharFilter}, {@link
   * CompoundSplitFilter} and {@link CompoundCatenateFilter}; English possessives removed ({@code
   * Renault's} → {@code renault}); lower case; accents folded to ASCII ({@code Citroën} → {@code
   * citroen}); plurals reduced by {@link EnglishMinimalStemFilter} ({@code cars} → {@code car}), a
   * light stemmer chosen because it only touches a final "s" and so never turns names into other
   * words (KStem gives {@code haval} → {@code have}, {@code geely} → {@code gee}). Brand and model
   * names that end in "s" are protected by {@link #PROTECTED_WORDS_RESOURCE}; other names lose the
   * "s" on both the index and the query side ({@code François} and {@code francois} → {@code
   * francoi}), so they still match. No stop words: phrases like "the CX-5" stay exact.
   *
   * <p>The stream is a graph only in that a joined token spans its parts; the parts stay one linear
   * chain, so it is indexed as is (positions and offsets valid for phrase queries and the {@code
   * UnifiedHighlighter}) and, at query time, {@code QueryBuilder} sees the graph and matches either
   * spelling, also inside phrases ({@code "the cx5 crossover"} finds "the CX-5 crossover"). With
   * the classic query parser, {@code setAutoGenerateMultiTermSynonymsPhraseQuery(true)} makes the
   * split side of {@code cx5} the phrase {@code "cx 5"} instead of {@code +cx +5}. Text that writes
   * a compound as two words without a digit ({@code e tron}) cannot be told from two words; {@link
   * #textQuery()} covers such names through its synonym list. For queries prefer {@link
   * #textQuery()}, which adds synonyms.
   */
  public static Analyzer text() {
    return new TextAnalyzer(null);
  }

  /**
   * Query-time variant of {@link #text()} that also expands the car-domain synonyms of {@link
   * #CAR_SYNONYMS_RESOURCE} ({@code EV} ↔ {@code electric vehicle}, {@code SUV} ↔ {@code sport
   * utility vehicle}, ...). Never index with it: synonym graphs are correct only at query time.
   *
   * <p>The synonyms run before the joined forms of compounds are added (see {@link
   * CompoundCatenateFilter}), because {@link SynonymGraphFilter} cannot read a graph. For
   * multi-word synonyms the query parser must hand whole phrases to the analyzer: with the classic
   * {@code QueryParser} call {@code setSplitOnWhitespace(false)}; {@code
   * setAutoGenerateMultiTermSynonymsPhraseQuery(true)} then makes "sport utility vehicle" a phrase.
   */
  public static Analyzer textQuery() {
    return new TextAnalyzer(CarSynonyms.MAP);
  }

  /**
   * Like {@link #textQuery()} with other synonym rules, e.g. an editor-maintained file on disk.
   *
   * @param solrSynonyms rules in Solr synonym format, read to the end but not closed
   * @throws IOException if the rules cannot be read
   * @throws IllegalArgumentException if the rules are malformed
   */
  public static Analyzer textQuery(Reader solrSynonyms) throws IOException {
    Objects.requireNonNull(solrSynonyms, "solrSynonyms");
    return new TextAnalyzer(parseSynonyms(solrSynonyms));
  }

  /**
   * Facet keys of names (people, brands, authors): the whole value as one token, typographic
   * apostrophes and dashes made ASCII ({@code ’} → {@code '}, {@code –} → {@code -}), lower case,
   * accents folded, runs of white space made one space and trimmed. "François Provost", "FRANCOIS
   * PROVOST" and " francois provost " all give {@code francois provost}, so filters ignore case,
   * accents and spacing. {@link NameKeys#key(String)} returns the same string.
   */
  public static Analyzer nameKey() {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(NAME_PUNCTUATION, reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        // Lower case on both sides of folding: folding can give capitals (U+33DD -> "Wb"), and a
        // key must not change when it is keyed again.
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new PatternReplaceFilter(stream, WHITESPACE, " ", true);
        stream = new TrimFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(NAME_PUNCTUATION, reader);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(new LowerCaseFilter(in)));
      }
    };
  }

  /**
   * Index side of prefix suggestions: each word, without possessive, lower-cased and accent-folded,
   * as its edge n-grams of 1 to {@value #AUTOCOMPLETE_MAX_PREFIX} characters plus the whole word
   * ({@code Citroën} → {@code c}, {@code ci}, ... {@code citroen}), so a term query for what the
   * user has typed so far finds the words it begins. Query with {@link #autocompleteQuery()}.
   */
  public static Analyzer autocomplete() {
    return new AutocompleteAnalyzer(true);
  }

  /**
   * Query side of {@link #autocomplete()}: the same words and folding, without n-grams, so the
   * typed prefix {@code citr} is the single term {@code citr}.
   */
  public static Analyzer autocompleteQuery() {
    return new AutocompleteAnalyzer(false);
  }

  /** The chain of {@link #text()} up to stemming: linear, one token per position. */
  private static TokenStream linearText(Tokenizer source) {
    TokenStream stream = new CompoundSplitFilter(source);
    stream = new EnglishPossessiveFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new SetKeywordMarkerFilter(stream, ProtectedWords.SET);
    return new EnglishMinimalStemFilter(stream);
  }

  private static SynonymMap parseSynonyms(Reader rules) throws IOException {
    // Rules are analyzed by the same linear chain as the text they will meet in the filter.
    try (Analyzer ruleAnalyzer = new TextAnalyzer(null, false)) {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
      parser.parse(rules);
      return parser.build();
    } catch (ParseException e) {
      throw new IllegalArgumentException("Bad synonym rules: " + e.getMessage(), e);
    }
  }

  private static Reader resource(String name) throws IOException {
    InputStream in = NewsAnalyzers.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("Missing classpath resource " + name + " beside NewsAnalyzers");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** The typographic apostrophes and dashes that {@link #nameKey()} makes ASCII. */
  static NormalizeCharMap namePunctuationMap() {
    return NAME_PUNCTUATION;
  }

  /** The words the stemmer leaves alone in {@link #text()}. */
  static CharArraySet protectedWords() {
    return ProtectedWords.SET;
  }

  /** The bundled car synonyms of {@link #textQuery()}. */
  static SynonymMap carSynonyms() {
    return CarSynonyms.MAP;
  }

  private static NormalizeCharMap namePunctuation() {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    for (String apostrophe : new String[] {"\u2018", "\u2019", "\u02BC", "\u2032", "\u00B4", "`"}) {
      map.add(apostrophe, "'");
    }
    for (String dash : new String[] {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}) {
      map.add(dash, "-");
    }
    return map.build();
  }

  /** {@link #text()}, {@link #textQuery()} and the linear chain that analyzes synonym rules. */
  private static final class TextAnalyzer extends Analyzer {
    private final SynonymMap synonyms;
    private final boolean catenate;

    TextAnalyzer(SynonymMap synonyms) {
      this(synonyms, true);
    }

    TextAnalyzer(SynonymMap synonyms, boolean catenate) {
      this.synonyms = synonyms;
      this.catenate = catenate;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new CompoundJoinCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = linearText(source);
      if (synonyms != null) {
        stream = new SynonymGraphFilter(stream, synonyms, false);
      }
      if (catenate) {
        stream = new CompoundCatenateFilter(stream);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  private static final class AutocompleteAnalyzer extends Analyzer {
    private final boolean prefixes;

    AutocompleteAnalyzer(boolean prefixes) {
      this.prefixes = prefixes;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      if (prefixes) {
        stream = new EdgeNGramTokenFilter(stream, 1, AUTOCOMPLETE_MAX_PREFIX, true);
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /** The protected words, loaded on first use. */
  private static final class ProtectedWords {
    static final CharArraySet SET = load();

    private static CharArraySet load() {
      try (Reader reader = resource(PROTECTED_WORDS_RESOURCE)) {
        return CharArraySet.unmodifiableSet(
            WordlistLoader.getWordSet(reader, "#", new CharArraySet(64, false)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The bundled car synonyms, parsed on first use. */
  private static final class CarSynonyms {
    static final SynonymMap MAP = load();

    private static SynonymMap load() {
      try (Reader reader = resource(CAR_SYNONYMS_RESOURCE)) {
        return parseSynonyms(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
