package dev.carnews.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The API keys that may write. Keys are held only as SHA-256 hashes and a presented key is compared
 * with every hash in constant time ({@link MessageDigest#isEqual}), so neither memory dumps nor
 * response timing reveal a key. With no key configured, writes are disabled.
 */
public final class ApiKeys {

  /** The environment variable with comma-separated keys. */
  public static final String ENV = "NEWS_API_KEYS";

  /** The shortest key accepted in configuration. */
  public static final int MIN_KEY_LENGTH = 16;

  private static final String BEARER = "Bearer ";

  private final List<byte[]> hashes;

  private ApiKeys(List<byte[]> hashes) {
    this.hashes = List.copyOf(hashes);
  }

  /** No keys: every write is refused. */
  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  /**
   * The given keys (blank entries are ignored).
   *
   * @throws IllegalArgumentException when a key is shorter than {@value #MIN_KEY_LENGTH} characters
   */
  public static ApiKeys of(Collection<String> keys) {
    List<byte[]> hashes = new ArrayList<>();
    for (String key : keys) {
      String trimmed = key.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "an API key must have at least " + MIN_KEY_LENGTH + " characters");
      }
      hashes.add(sha256(trimmed));
    }
    return new ApiKeys(hashes);
  }

  /** The keys of a comma-separated list (the {@value #ENV} variable), none when {@code null}. */
  public static ApiKeys fromCommaSeparated(String value) {
    return value == null ? none() : of(Arrays.asList(value.split(",")));
  }

  /** The keys of a file, one per line; lines starting with {@code #} are comments. */
  public static ApiKeys fromFile(Path file) throws IOException {
    List<String> keys =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.strip().startsWith("#"))
            .toList();
    return of(keys);
  }

  /** These keys and those. */
  public ApiKeys and(ApiKeys other) {
    List<byte[]> all = new ArrayList<>(hashes);
    all.addAll(other.hashes);
    return new ApiKeys(all);
  }

  /** How many keys are configured. */
  public int size() {
    return hashes.size();
  }

  /**
   * Lets the request through when it carries a configured key, else throws the refusal: 401 when
   * the key is missing or malformed, 403 when it is wrong or writes are disabled. Returns the key's
   * name: {@code key-} and the first 8 hex digits of its SHA-256, which tells keys apart in the
   * curation log without revealing them.
   */
  String authorize(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(
          401, "unauthorized", "writes need an API key: Authorization: Bearer <key>");
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "unauthorized", "the Authorization header must be: Bearer <key>");
    }
    if (hashes.isEmpty()) {
      throw new ApiException(
          403, "writes_disabled", "writes are disabled: the server has no API keys configured");
    }
    String key = header.substring(BEARER.length()).strip();
    if (!matches(key)) {
      throw new ApiException(403, "forbidden", "this API key may not write");
    }
    return nameOf(key);
  }

  /** The name of a key: {@code key-} and the first 8 hex digits of its SHA-256. */
  static String nameOf(String key) {
    return "key-" + HexFormat.of().formatHex(sha256(key), 0, 4);
  }

  private boolean matches(String key) {
    byte[] presented = sha256(key);
    boolean match = false;
    for (byte[] hash : hashes) {
      // No early exit: the time taken does not depend on which key matched.
      match |= MessageDigest.isEqual(hash, presented);
    }
    return match;
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + Objects.toString(hashes.size()) + " key(s)]";
  }
}
