package dev.carnews.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The folded key of a name: "François Provost", "FRANCOIS PROVOST" and "francois provost" share one
 * key, so filters on people, brands and authors ignore case, accents and spacing.
 *
 * <p>The key is what {@link NewsAnalyzers#nameKey()} produces, computed by running that analyzer,
 * so an index built with the analyzer and a filter built with this method always agree.
 */
public final class NameKeys {

  /** Shared: an analyzer is thread-safe and keeps one token stream per thread. */
  private static final Analyzer ANALYZER = NewsAnalyzers.nameKey();

  private NameKeys() {}

  /**
   * The folded key of a display name; the empty string for a blank name.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public static String key(String name) {
    Objects.requireNonNull(name, "name");
    try (TokenStream stream = ANALYZER.tokenStream("key", name)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      String key = stream.incrementToken() ? term.toString() : "";
      stream.end();
      return key;
    } catch (IOException e) {
      // Reading a String cannot fail; an IOException here is a bug in the analyzer chain.
      throw new UncheckedIOException(e);
    }
  }
}
