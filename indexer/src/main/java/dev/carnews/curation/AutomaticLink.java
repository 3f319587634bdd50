package dev.carnews.curation;

import dev.carnews.entity.EntityType;
import java.util.Objects;

/**
 * A link the archive found by itself: a bare name that, around the same time, means exactly one
 * full name ({@code Reagan} to {@code Ronald Reagan}). Applied like a merge unless an editor
 * decided otherwise about the value.
 *
 * @param type the entity type of both names
 * @param value the bare name
 * @param target the full name it means
 * @param evidence why: how many articles, which dates
 */
public record AutomaticLink(EntityType type, String value, String target, String evidence) {

  /** Validates the fields. */
  public AutomaticLink {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(target, "target");
    evidence = evidence == null ? "" : evidence;
  }
}
