package dev.carnews.curation;

import dev.carnews.entity.EntityType;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One curation decision, as the log keeps it.
 *
 * @param id its id: {@code d1}, {@code d2}, ... for editors' decisions, {@code a-...} (stable for
 *     the same link) for automatic ones
 * @param kind what it does
 * @param type the type of the value ({@code person} or {@code brand})
 * @param value the entity value it is about, as the tagger writes it ({@code "Reagan"})
 * @param target the entity the value becomes (merge, alias), the new display name (rename), the new
 *     type (retype), the undone decision's id (undo); {@code null} for hide
 * @param who the name of the write key that made it, {@code auto} for automatic links
 * @param when when it was made
 * @param note why, as the editor wrote it (the evidence, for automatic links); may be empty
 * @param source {@link Source#EDITOR} or {@link Source#AUTO}
 */
public record Decision(
    String id,
    DecisionKind kind,
    EntityType type,
    String value,
    String target,
    String who,
    Instant when,
    String note,
    Source source) {

  /** The longest value, target or name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** The longest note, in characters. */
  public static final int MAX_NOTE_LENGTH = 2000;

  /** Who made a decision. */
  public enum Source {
    /** An editor, through the API: always wins over an automatic link of the same value. */
    EDITOR,
    /** The archive-wide linker of bare names to full names. */
    AUTO;

    /** {@code editor} or {@code auto}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The source a label names. */
    public static Source parse(String label) {
      return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** Validates the fields. */
  public Decision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(source, "source");
    note = note == null ? "" : note;
    if (kind != DecisionKind.HIDE && (target == null || target.isBlank())) {
      throw new InvalidDecisionException(kind.label() + " needs a target");
    }
  }

  /** The type as clients name it. */
  public String typeLabel() {
    return type.label();
  }
}
