package dev.carnews.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Creates {@link CompoundCatenateFilter}: adds the joined form ({@code cx5}) of compounds split by
 * {@code compoundSplit} earlier in the chain; may follow a {@code synonymGraph} filter.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <filter name="compoundCatenate"/>}
 */
public final class CompoundCatenateFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "compoundCatenate";

  /** Creates the factory; rejects any argument. */
  public CompoundCatenateFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public CompoundCatenateFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new CompoundCatenateFilter(input);
  }
}
