package dev.carnews.search;

/** A query the searcher refuses as asked (too many terms, say); the message is for the client. */
public class InvalidQueryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A refusal with a message the client can act on. */
  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
