package dev.carnews.search;

import java.util.List;
import java.util.Objects;

/**
 * Completions for a prefix, best first: names (brands, people, authors) ranked by how many articles
 * name them and how recently, then headlines, newest first.
 *
 * @param q the prefix as received (stripped)
 * @param suggestions at most {@link #MAX_SIZE} completions
 */
public record SuggestResponse(String q, List<Suggestion> suggestions) {

  /** Most suggestions per answer. */
  public static final int MAX_SIZE = 10;

  /** Longest accepted prefix, in characters. */
  public static final int MAX_PREFIX_LENGTH = 100;

  /** Validates and copies. */
  public SuggestResponse {
    Objects.requireNonNull(q, "q");
    suggestions = List.copyOf(suggestions);
  }
}
