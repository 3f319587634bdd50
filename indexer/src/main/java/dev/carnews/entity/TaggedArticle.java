package dev.carnews.entity;

import dev.carnews.ingest.Article;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article with the entities found in it: what the index stores.
 *
 * @param article the article as read
 * @param authors the writers, cleaned from the bylines ({@code "Tom Krisher"})
 * @param persons the people in the story, one per real person, most salient first
 * @param brands the marques in the story, most salient first
 * @param mentions every mention found in the title and body (offsets into {@link #text()}), for
 *     previews; may be empty when read back from the index
 * @param vector the article's meaning as a unit vector, or {@code null}
 * @param personConfidence per person name, the name model's highest probability among its mentions
 *     (0..1): how sure the model was that it is a person; empty when unknown (articles tagged
 *     without the model, or read back from an index written before it was kept)
 */
public record TaggedArticle(
    Article article,
    List<String> authors,
    List<Entity> persons,
    List<Entity> brands,
    List<Mention> mentions,
    float[] vector,
    Map<String, Double> personConfidence) {

  /** Copies the lists; {@code vector} may be {@code null} (the article is not embedded). */
  public TaggedArticle {
    Objects.requireNonNull(article, "article");
    authors = List.copyOf(authors);
    persons = List.copyOf(persons);
    brands = List.copyOf(brands);
    mentions = List.copyOf(mentions);
    personConfidence = Map.copyOf(personConfidence);
  }

  /** An article whose persons' confidences are unknown. */
  public TaggedArticle(
      Article article,
      List<String> authors,
      List<Entity> persons,
      List<Entity> brands,
      List<Mention> mentions,
      float[] vector) {
    this(article, authors, persons, brands, mentions, vector, Map.of());
  }

  /** An article tagged but not embedded. */
  public TaggedArticle(
      Article article,
      List<String> authors,
      List<Entity> persons,
      List<Entity> brands,
      List<Mention> mentions) {
    this(article, authors, persons, brands, mentions, null);
  }

  /** The same article with its meaning as a unit vector ({@code null}: none). */
  public TaggedArticle withVector(float[] meaning) {
    return new TaggedArticle(
        article, authors, persons, brands, mentions, meaning, personConfidence);
  }

  /** Whether the article carries a vector. */
  public boolean hasVector() {
    return vector != null;
  }

  /** The text that mention offsets point into: the title, a blank line, then the body. */
  public String text() {
    return textOf(article);
  }

  /** The text the tagger reads for an article: the title, a blank line, then the body. */
  public static String textOf(Article article) {
    return article.title() + "\n\n" + article.body();
  }

  /** The display names of the people. */
  public List<String> personNames() {
    return persons.stream().map(Entity::name).toList();
  }

  /** The display names of the brands. */
  public List<String> brandNames() {
    return brands.stream().map(Entity::name).toList();
  }
}
