package dev.carnews.search;

import java.util.Objects;

/**
 * A person or brand of an article as the API shows it.
 *
 * @param name the canonical display form
 * @param mentions how often the article names it
 * @param salience how central it is to the article, 0..1
 */
public record EntityView(String name, int mentions, double salience) {

  /** Validates the name. */
  public EntityView {
    Objects.requireNonNull(name, "name");
  }
}
