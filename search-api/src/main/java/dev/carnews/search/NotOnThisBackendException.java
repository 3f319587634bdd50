package dev.carnews.search;

/**
 * The archive's backend does not offer this view (yet): the client gets a clear 501 instead of a
 * wrong or empty answer, and the other endpoints keep working.
 */
public final class NotOnThisBackendException extends UnsupportedOperationException {

  /** With the reason, shown to clients as it is (never client input). */
  public NotOnThisBackendException(String message) {
    super(message);
  }
}
