package dev.carnews.curation;

import dev.carnews.entity.EntityType;
import dev.carnews.entity.PersonLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The person links of a linking run, each with its evidence in words. */
  public static List<AutomaticLink> of(PersonLinks.Result result, Duration window) {
    List<AutomaticLink> links = new ArrayList<>();
    for (PersonLinks.Decision link : result.links()) {
      links.add(
          new AutomaticLink(
              EntityType.PERSON,
              link.value(),
              link.target(),
              String.format(
                  Locale.ROOT,
                  "%d articles %s..%s, window %d days: %s",
                  link.articles(),
                  day(link.firstSeen()),
                  day(link.lastSeen()),
                  window.toDays(),
                  link.reason())));
    }
    return links;
  }

  private static String day(Instant when) {
    return when == null ? "?" : when.toString().substring(0, 10);
  }
}
