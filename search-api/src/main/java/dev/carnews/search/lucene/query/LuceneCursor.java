package dev.carnews.search.lucene.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

/**
 * A position in a result list for deep paging ({@code after=<token>}): the last hit of a page as
 * Lucene's {@code searchAfter} needs it, so the next page costs one page, not the whole window.
 * Tokens are opaque to clients; like {@code searchAfter}, a cursor is exact while the index does
 * not change and may skip or repeat a hit across a refresh.
 *
 * @param sorted {@code true} for the date orders, {@code false} for relevance
 * @param doc the Lucene document number of the last hit
 * @param score its score (relevance order)
 * @param value its sort value (date orders)
 */
public record LuceneCursor(boolean sorted, int doc, float score, long value) {

  private static final String VERSION = "c1";

  /** Validates. */
  public LuceneCursor {
    if (doc < 0) {
      throw new IllegalArgumentException("after is not a valid cursor");
    }
  }

  /**
   * Reads a token from a response's {@code next}.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static LuceneCursor parse(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("after is not a valid cursor", e);
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw new IllegalArgumentException("after is not a valid cursor");
    }
    try {
      return new LuceneCursor(
          "s".equals(parts[1]),
          Integer.parseInt(parts[2]),
          Float.intBitsToFloat(Integer.parseInt(parts[3])),
          Long.parseLong(parts[4]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("after is not a valid cursor", e);
    }
  }

  /** The cursor after a hit. */
  public static LuceneCursor after(ScoreDoc last) {
    if (last instanceof FieldDoc field && field.fields != null && field.fields.length > 0) {
      return new LuceneCursor(true, field.doc, field.score, ((Number) field.fields[0]).longValue());
    }
    return new LuceneCursor(false, last.doc, last.score, 0);
  }

  /** The token clients send back. */
  public String token() {
    String text =
        String.format(
            Locale.ROOT,
            "%s:%s:%d:%d:%d",
            VERSION,
            sorted ? "s" : "r",
            doc,
            Float.floatToRawIntBits(score),
            value);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hit to search after, for Lucene. */
  public ScoreDoc toScoreDoc() {
    return sorted ? new FieldDoc(doc, score, new Object[] {value}) : new ScoreDoc(doc, score);
  }
}
