package dev.carnews.entity;

import dev.carnews.nlp.NameText;
import java.util.Objects;

/**
 * An entity of one article, after resolution: one per real person or brand.
 *
 * @param type what kind of entity
 * @param name the canonical display form ({@code "François Provost"}, {@code "Mercedes-Benz"})
 * @param mentions how often the article names it (title and body)
 * @param salience how central it is to the article, 0..1 (title and lead count more than a passing
 *     mention)
 */
public record Entity(EntityType type, String name, int mentions, double salience) {

  /** Validates the fields; the name is cleaned as {@link NameText#clean} does. */
  public Entity {
    Objects.requireNonNull(type, "type");
    name = NameText.clean(name);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("entity name must not be blank");
    }
    if (mentions < 0) {
      throw new IllegalArgumentException("mentions must be >= 0");
    }
    if (!(salience >= 0 && salience <= 1)) {
      throw new IllegalArgumentException("salience must be in 0..1, was " + salience);
    }
  }
}
