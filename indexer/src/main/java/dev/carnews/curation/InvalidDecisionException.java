package dev.carnews.curation;

/** A decision an editor cannot make: a missing value, an unknown kind, a cycle of merges. */
public final class InvalidDecisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** With the message shown to the editor as it is. */
  public InvalidDecisionException(String message) {
    super(message);
  }
}
