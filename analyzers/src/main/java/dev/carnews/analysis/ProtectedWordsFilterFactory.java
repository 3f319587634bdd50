package dev.carnews.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;

/**
 * Marks the bundled {@link NewsAnalyzers#PROTECTED_WORDS_RESOURCE} (brand and model names that end
 * in "s") as keywords so the stemmer after it leaves them alone, as {@link NewsAnalyzers#text()}
 * does. The list travels inside the jar, so a Solr configset needs no copy of it.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <filter name="newsProtectedWords"/>}
 */
public final class ProtectedWordsFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "newsProtectedWords";

  /** Creates the factory; rejects any argument. */
  public ProtectedWordsFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public ProtectedWordsFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new SetKeywordMarkerFilter(input, NewsAnalyzers.protectedWords());
  }
}
