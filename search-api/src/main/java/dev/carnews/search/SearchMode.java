package dev.carnews.search;

import java.util.Locale;

/** How a search finds and ranks articles: by their words, by their meaning, or by both. */
public enum SearchMode {
  /** The words: every word (then any word, corrected or close spellings when none match). */
  KEYWORD,
  /** The meaning alone: the articles nearest to the query in the embedding model's space. */
  SEMANTIC,
  /**
   * Both: the keyword ranking and the nearest articles fused ({@code views.HybridFusion}); the hits
   * and facets are those of the union of the keyword matches and the nearest articles.
   */
  HYBRID;

  /** The name clients use: {@code keyword}, {@code semantic} or {@code hybrid}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode a client named.
   *
   * @throws IllegalArgumentException when it is none of the three
   */
  public static SearchMode parse(String label) {
    for (SearchMode mode : values()) {
      if (mode.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException("mode must be keyword, semantic or hybrid");
  }
}
