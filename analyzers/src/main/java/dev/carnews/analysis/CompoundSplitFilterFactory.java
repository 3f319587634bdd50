package dev.carnews.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Creates {@link CompoundSplitFilter}: splits compounds and model codes ({@code CX-5}, {@code CX5})
 * into parts.
 *
 * <p>With {@code StandardTokenizer}, put the {@code compoundJoin} char filter ({@link
 * CompoundJoinCharFilterFactory}) first, so that {@code CX-5} and {@code ID.4} reach this filter as
 * one token. A whitespace tokenizer needs no char filter: hyphens are joiners here too.
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
