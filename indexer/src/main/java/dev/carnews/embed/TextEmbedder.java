package dev.carnews.embed;

import java.util.List;

/**
 * Turns text into a unit vector whose direction stands for its meaning: close vectors, close
 * meanings. Passages (what the index keeps) and queries (what a reader types) may be read
 * differently, as some models are trained with a marker on each. Thread-safe.
 */
public interface TextEmbedder {

  /** The vector of a passage (an article's text), of length {@link #dimensions()}, unit length. */
  float[] passage(String text);

  /** The vectors of several passages, in order; may be faster than one at a time. */
  default List<float[]> passages(List<String> texts) {
    return texts.stream().map(this::passage).toList();
  }

  /** The vector of a query as a reader typed it. */
  float[] query(String text);

  /**
   * The vector of a query this embedder embedded before and still remembers, without embedding it;
   * {@code null} when it does not remember it (or remembers nothing, as by default).
   */
  default float[] rememberedQuery(String text) {
    return null;
  }

  /** How many numbers each vector has. */
  int dimensions();

  /** The model's name and version, as the index records it. */
  String name();
}
