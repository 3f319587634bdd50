package dev.carnews.search;

import dev.carnews.entity.EntityType;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A trending question, validated.
 *
 * @param types which entities may trend (people, brands or both)
 * @param from the window's first day (UTC, inclusive), or {@code null}: {@value #DEFAULT_DAYS} days
 *     before {@code to}
 * @param to the window's last day (UTC, inclusive), or {@code null}: the day of the newest article
 * @param minCount the fewest window articles an entity needs, so one-article flukes do not trend
 * @param size how many entities to list, 1..{@value #MAX_SIZE}
 */
public record TrendingRequest(
    Set<EntityType> types, LocalDate from, LocalDate to, int minCount, int size) {

  /** The earliest day a window may start. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

  /** The latest day a window may end. */
  public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /** The default window, in days, ending with the newest article's day. */
  public static final int DEFAULT_DAYS = 7;

  /** The default minimum window count. */
  public static final int DEFAULT_MIN_COUNT = 3;

  /** Entities listed when the request does not say. */
  public static final int DEFAULT_SIZE = 20;

  /** The longest list. */
  public static final int MAX_SIZE = 100;

  /** Validates; the messages are shown to API clients as they are. */
  public TrendingRequest {
    types = Objects.requireNonNull(types, "types").isEmpty() ? Set.of() : EnumSet.copyOf(types);
    if (types.isEmpty() || types.contains(EntityType.AUTHOR)) {
      throw new IllegalArgumentException("type must be person or brand");
    }
    for (LocalDate day : new LocalDate[] {from, to}) {
      if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
        throw new IllegalArgumentException("from and to must be between 0001-01-01 and 9999-12-31");
      }
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    if (minCount < 1 || minCount > 1_000_000) {
      throw new IllegalArgumentException("min must be 1..1000000");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }
  }
}
