package dev.carnews.nlp;

import dev.carnews.entity.Mention;
import java.util.Objects;

/**
 * A person mention with the model's confidence in it.
 *
 * @param mention the mention (offsets into the text given to {@link PersonFinder})
 * @param probability the mean probability of the name's tokens' outcomes, 0..1
 */
public record ScoredMention(Mention mention, double probability) {

  /** Validates the probability. */
  public ScoredMention {
    Objects.requireNonNull(mention, "mention");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
    }
  }
}
