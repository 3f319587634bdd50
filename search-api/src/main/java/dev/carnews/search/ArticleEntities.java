package dev.carnews.search;

import java.util.List;

/**
 * The entities of one article.
 *
 * @param persons the people, most salient first
 * @param brands the brands, most salient first
 */
public record ArticleEntities(List<EntityView> persons, List<EntityView> brands) {

  /** Copies the lists. */
  public ArticleEntities {
    persons = List.copyOf(persons);
    brands = List.copyOf(brands);
  }
}
