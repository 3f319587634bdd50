package dev.carnews.search;

import java.util.List;

/**
 * What changed from one version of a story to the next.
 *
 * @param titleChanged whether the headline changed
 * @param previousTitle the headline before, when it changed, else {@code null}
 * @param paragraphsAdded paragraphs of this version the previous one did not have
 * @param paragraphsRemoved paragraphs of the previous version this one no longer has
 */
public record VersionChanges(
    boolean titleChanged,
    String previousTitle,
    List<String> paragraphsAdded,
    List<String> paragraphsRemoved) {

  /** Copies. */
  public VersionChanges {
    paragraphsAdded = List.copyOf(paragraphsAdded);
    paragraphsRemoved = List.copyOf(paragraphsRemoved);
  }
}
