package dev.carnews.ingest;

/**
 * A record that cannot become an {@link Article}: bad JSON, a missing title, a date that is not a
 * date, a field of the wrong type. The message says what is wrong in words a person can act on;
 * batch readers report it as a skip and go on.
 */
public class MalformedArticleException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A malformed record with the reason. */
  public MalformedArticleException(String message) {
    super(message);
  }

  /** A malformed record with the reason and the parser's error. */
  public MalformedArticleException(String message, Throwable cause) {
    super(message, cause);
  }
}
