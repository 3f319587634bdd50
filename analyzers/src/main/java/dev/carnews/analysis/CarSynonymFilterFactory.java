package dev.carnews.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

/**
 * Expands the bundled car synonyms ({@link NewsAnalyzers#CAR_SYNONYMS_RESOURCE}) exactly as {@link
 * NewsAnalyzers#textQuery()} does: the rules are parsed by the news text chain, not by Solr's
 * default whitespace-and-lower-case one, so {@code CX-5} in a rule meets {@code CX-5} in a query.
 * Query time only, like every synonym graph.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <filter name="carSynonyms"/>}
 */
public final class CarSynonymFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "carSynonyms";

  /** Creates the factory; rejects any argument. */
  public CarSynonymFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public CarSynonymFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new SynonymGraphFilter(input, NewsAnalyzers.carSynonyms(), false);
  }
}
