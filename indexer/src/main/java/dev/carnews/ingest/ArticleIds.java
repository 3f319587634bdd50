package dev.carnews.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable ids for articles whose source has none: {@code u-} and 16 hex digits of the SHA-256 of the
 * url, else {@code c-} and 16 hex digits of the SHA-256 of title and body. Re-reading the same
 * source gives the same id, so re-indexing it updates instead of duplicating.
 */
public final class ArticleIds {

  private ArticleIds() {}

  /** The id for an article known by its url (trimmed; the fragment is ignored). */
  public static String fromUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url must not be blank");
    }
    String trimmed = url.strip();
    int hash = trimmed.indexOf('#');
    if (hash >= 0) {
      trimmed = trimmed.substring(0, hash);
    }
    return "u-" + sha256Prefix(trimmed);
  }

  /** The id for an article known only by its text. Whitespace differences do not change it. */
  public static String fromContent(String title, String body) {
    String normalized =
        normalize(title == null ? "" : title) + "\n" + normalize(body == null ? "" : body);
    return "c-" + sha256Prefix(normalized);
  }

  /** The url id when there is a url, else the content id. */
  public static String derive(String url, String title, String body) {
    return url == null || url.isBlank() ? fromContent(title, body) : fromUrl(url);
  }

  private static String normalize(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String sha256Prefix(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
