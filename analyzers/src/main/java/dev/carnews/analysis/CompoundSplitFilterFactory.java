package dev.carnews.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Creates {@link CompoundSplitFilter}: splits compounds and model codes ({@code CX-5}, {@code CX5})
 * into parts.
 *
 * <p>In Solr, put a {@code solr.PatternReplaceCharFilterFactory} first that replaces a hyphen
 * between letters or digits and a dot between a letter and a digit with {@code _} (see {@code
 * NewsAnalyzers}), so that {@code StandardTokenizer} keeps {@code CX-5} and {@code ID.4} one token.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <filter name="compoundSplit"/>}
 */
public final class CompoundSplitFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "compoundSplit";

  /** Creates the factory; rejects any argument. */
  public CompoundSplitFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public CompoundSplitFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new CompoundSplitFilter(input);
  }
}
