package dev.carnews.curation;

import java.util.Locale;

/** What a curation decision does to an entity value. */
public enum DecisionKind {
  /** The value is the same entity as the target: its articles count for the target. */
  MERGE,
  /** The value is a spelling or nickname of the target: applied like a merge. */
  ALIAS,
  /** The entity is shown under the target display name. */
  RENAME,
  /** The value is not an entity of its type: it disappears from every answer. */
  HIDE,
  /** The value is an entity of the other type (the target: {@code person} or {@code brand}). */
  RETYPE,
  /** Withdraws the decision whose id is the target; answers return to what they were. */
  UNDO;

  /** The name clients use: {@code merge}, {@code alias}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind a client named; {@code not-an-entity} and {@code not_an_entity} mean {@link #HIDE}.
   *
   * @throws InvalidDecisionException when it names no kind
   */
  public static DecisionKind parse(String label) {
    if (label != null) {
      String wanted = label.strip().toLowerCase(Locale.ROOT).replace('-', '_');
      if (wanted.equals("not_an_entity")) {
        return HIDE;
      }
      for (DecisionKind kind : values()) {
        if (kind.label().equals(wanted)) {
          return kind;
        }
      }
    }
    throw new InvalidDecisionException(
        "kind must be merge, alias, rename, hide (not-an-entity), retype or undo");
  }

  /** Whether the decision maps the value onto the target entity. */
  boolean links() {
    return this == MERGE || this == ALIAS;
  }
}
