package dev.carnews.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How search hits are ordered. */
public enum SortOrder {
  /** Best match first; a search without words falls back to {@link #NEWEST}. */
  RELEVANCE,
  /** Newest first; articles with unknown dates last. */
  NEWEST,
  /** Oldest first; articles with unknown dates last. */
  OLDEST;

  /** The order named by a request parameter ({@code relevance}, {@code newest}, {@code oldest}). */
  public static SortOrder parse(String value) {
    for (SortOrder order : values()) {
      if (order.name().equalsIgnoreCase(value.strip())) {
        return order;
      }
    }
    throw new IllegalArgumentException("sort must be one of " + names());
  }

  /** The parameter value of this order. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static String names() {
    return Arrays.stream(values()).map(SortOrder::parameter).collect(Collectors.joining(", "));
  }
}
