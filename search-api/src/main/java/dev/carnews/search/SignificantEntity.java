package dev.carnews.search;

import java.util.Objects;

/**
 * An entity over-represented in a set of articles (a time window, a result set) against a
 * background (the articles before the window, the whole archive).
 *
 * @param type {@code person} or {@code brand}
 * @param name its display name
 * @param count articles of the set naming it
 * @param backgroundCount articles of the background naming it
 * @param score its binomial standard score; higher is more unusual
 */
public record SignificantEntity(
    String type, String name, long count, long backgroundCount, double score) {

  /** Validates. */
  public SignificantEntity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }
}
