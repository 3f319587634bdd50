package dev.carnews.search;

import java.util.List;

/**
 * What a related article has in common with the one it is related to.
 *
 * @param persons people both articles name
 * @param brands brands both articles name
 */
public record SharedEntities(List<String> persons, List<String> brands) {

  /** Copies the lists. */
  public SharedEntities {
    persons = List.copyOf(persons);
    brands = List.copyOf(brands);
  }
}
