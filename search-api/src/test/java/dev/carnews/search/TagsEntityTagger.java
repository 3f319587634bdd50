package dev.carnews.search;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test-only tagger: people and brands come from the article's tags ({@code person:Hana Ito},
 * {@code brand:Toyota}), authors from the byline as given. It lets search tests control entities
 * exactly, without the NLP pipeline.
 */
public final class TagsEntityTagger implements EntityTagger {

  @Override
  public TaggedArticle tag(Article article) {
    List<Entity> persons = new ArrayList<>();
    List<Entity> brands = new ArrayList<>();
    for (String tag : article.tags()) {
      int colon = tag.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String kind = tag.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String name = tag.substring(colon + 1).strip();
      double salience = 1.0 / (1 + persons.size() + brands.size());
      switch (kind) {
        case "person" -> persons.add(new Entity(EntityType.PERSON, name, 1, salience));
        case "brand" -> brands.add(new Entity(EntityType.BRAND, name, 1, salience));
        default -> {}
      }
    }
    return new TaggedArticle(article, article.authors(), persons, brands, List.of());
  }
}
