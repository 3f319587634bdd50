package dev.carnews.preview;

import dev.carnews.search.EntityView;
import java.util.List;

/**
 * The entities of a previewed text.
 *
 * @param entities every mention in title and text, in reading order (title first)
 * @param persons the people of the story, one per real person, most salient first
 * @param brands the marques of the story, most salient first
 * @param authors the byline names (sent by the client or found on byline lines of the text); never
 *     among {@code persons}
 */
public record AnalyzeResponse(
    List<EntityMention> entities,
    List<EntityView> persons,
    List<EntityView> brands,
    List<String> authors) {

  /** Copies the lists. */
  public AnalyzeResponse {
    entities = List.copyOf(entities);
    persons = List.copyOf(persons);
    brands = List.copyOf(brands);
    authors = List.copyOf(authors);
  }
}
