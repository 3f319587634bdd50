package dev.carnews.search;

import dev.carnews.entity.EntityType;
import java.util.Locale;
import java.util.Objects;

/**
 * A page of the entity directory, validated.
 *
 * @param type which entities
 * @param q a name prefix: an entity is listed when its name, or one of its words, starts with it
 *     (case and accents ignored); blank lists every one
 * @param sort {@code count} (most articles first), {@code name} or {@code recent} (latest article
 *     first)
 * @param page the 1-based page
 * @param size entities per page, 1..{@value #MAX_SIZE}
 */
public record EntityListRequest(EntityType type, String q, Sort sort, int page, int size) {

  /** The longest entity name a request may give, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Entities per page when the request does not say. */
  public static final int DEFAULT_SIZE = 20;

  /** The largest page. */
  public static final int MAX_SIZE = 100;

  /** The deepest entry a page may reach. */
  public static final int MAX_WINDOW = 10_000;

  /** Directory orders. */
  public enum Sort {
    /** Most articles first. */
    COUNT,
    /** Alphabetical, case and accents ignored. */
    NAME,
    /** Latest article first. */
    RECENT;

    /** The order a client named ({@code count}, {@code name}, {@code recent}). */
    public static Sort parse(String value) {
      for (Sort sort : values()) {
        if (sort.name().equalsIgnoreCase(value.strip())) {
          return sort;
        }
      }
      throw new IllegalArgumentException("sort must be count, name or recent");
    }

    /** The client's name of the order. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates; the messages are shown to API clients as they are. */
  public EntityListRequest {
    Objects.requireNonNull(type, "type");
    q = Objects.requireNonNullElse(q, "").strip();
    if (q.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("q must be at most " + MAX_NAME_LENGTH + " characters");
    }
    sort = Objects.requireNonNullElse(sort, Sort.COUNT);
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new IllegalArgumentException("page × size must be at most " + MAX_WINDOW);
    }
  }
}
