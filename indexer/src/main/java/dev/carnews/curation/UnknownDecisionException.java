package dev.carnews.curation;

import java.util.NoSuchElementException;

/** An undo names a decision id the curation does not have. */
public final class UnknownDecisionException extends NoSuchElementException {
  private static final long serialVersionUID = 1L;

  /** For the id that was not found. */
  public UnknownDecisionException(String id) {
    super("no decision with id " + id);
  }
}
