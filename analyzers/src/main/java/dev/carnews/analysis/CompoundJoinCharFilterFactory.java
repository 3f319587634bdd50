package dev.carnews.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Creates {@link CompoundJoinCharFilter}: keeps {@code CX-5}, {@code e-tron} and {@code ID.4} one
 * token for {@code StandardTokenizer}, ahead of {@code compoundSplit}.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <charFilter name="compoundJoin"/>}
 */
public final class CompoundJoinCharFilterFactory extends CharFilterFactory {

  /** SPI name. */
  public static final String NAME = "compoundJoin";

  /** Creates the factory; rejects any argument. */
  public CompoundJoinCharFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public CompoundJoinCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public Reader create(Reader input) {
    return new CompoundJoinCharFilter(input);
  }

  @Override
  public Reader normalize(Reader input) {
    return create(input);
  }
}
