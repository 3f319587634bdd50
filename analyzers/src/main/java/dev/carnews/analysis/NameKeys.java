package dev.carnews.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Keys computed before: the labels of an archive's facets are a bounded set, and every reader a
   * write opens folds all of them again (facet variants, entity directory, name lexicon), which
   * made the first search after a write several times slower than the next (issue 25).
   */
  private static final Map<String, String> REMEMBERED = new ConcurrentHashMap<>();

  /** Names remembered at most; the memory is forgotten at once when it is full. */
  static final int MAX_REMEMBERED = 1 << 19;

  /** Longer names are folded every time (queries, not labels). */
  private static final int MAX_REMEMBERED_LENGTH = 120;

  private NameKeys() {}

  /**
   * The folded key of a display name; the empty string for a blank name.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public static String key(String name) {
    Objects.requireNonNull(name, "name");
    if (name.length() > MAX_REMEMBERED_LENGTH) {
      return fold(name);
    }
    String key = REMEMBERED.get(name);
    if (key == null) {
      key = fold(name);
      if (REMEMBERED.size() >= MAX_REMEMBERED) {
        REMEMBERED.clear();
      }
      REMEMBERED.put(name, key);
    }
    return key;
  }

  private static String fold(String name) {
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
