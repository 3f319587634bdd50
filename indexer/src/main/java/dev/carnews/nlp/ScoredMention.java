package dev.carnews.nlp;

import java.util.Objects;

/**
 * A person's name as {@link PersonFinder} found it, with the model's confidence in it.
 *
 * @param text the surface text, whitespace-normalised ({@link NameText#normalize})
 * @param start character offset of the first character in the text given to the finder
 * @param end character offset one past the last character
 * @param probability the mean probability of the name's tokens' outcomes, 0..1
 */
public record ScoredMention(String text, int start, int end, double probability) {

  /** Validates the span and the probability; normalises the text. */
  public ScoredMention {
    text = NameText.normalize(Objects.requireNonNull(text, "text"));
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in 0..1, was " + probability);
    }
  }
}
