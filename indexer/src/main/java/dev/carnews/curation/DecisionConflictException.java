package dev.carnews.curation;

/** An undo of a decision that is already undone. */
public final class DecisionConflictException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With the message shown to the editor as it is. */
  public DecisionConflictException(String message) {
    super(message);
  }
}
