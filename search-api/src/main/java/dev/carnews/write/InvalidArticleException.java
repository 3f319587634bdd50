package dev.carnews.write;

/** An article the writer cannot take: its message says why, for the client's 400. */
public final class InvalidArticleException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The reason, and the reader's exception. */
  public InvalidArticleException(String message, Throwable cause) {
    super(message, cause);
  }
}
