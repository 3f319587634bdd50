package dev.carnews.search;

import java.util.Objects;

/**
 * One value of a facet with the number of matching articles.
 *
 * @param value the display form ({@code "Renault"}, {@code "2025-07"})
 * @param count how many articles match with this value
 */
public record FacetValue(String value, long count) {

  /** Validates the fields. */
  public FacetValue {
    Objects.requireNonNull(value, "value");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }
}
