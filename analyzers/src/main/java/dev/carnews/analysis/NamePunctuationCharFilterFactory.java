package dev.carnews.analysis;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;

/**
 * Creates the char filter that starts {@link NewsAnalyzers#nameKey()}: typographic apostrophes and
 * dashes made ASCII, so a Solr field type can key names exactly as the service does.
 *
 * <p>SPI name {@value #NAME}; takes no arguments. {@code <charFilter name="namePunctuation"/>}
 */
public final class NamePunctuationCharFilterFactory extends CharFilterFactory {

  /** SPI name. */
  public static final String NAME = "namePunctuation";

  /** Creates the factory; rejects any argument. */
  public NamePunctuationCharFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /** Default constructor for the service loader; not for use. */
  public NamePunctuationCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public Reader create(Reader input) {
    return new MappingCharFilter(NewsAnalyzers.namePunctuationMap(), input);
  }

  @Override
  public Reader normalize(Reader input) {
    return create(input);
  }
}
