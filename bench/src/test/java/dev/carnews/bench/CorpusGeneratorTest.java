package dev.carnews.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {

  private static final List<TaggedArticle> BASE =
      List.of(
          tagged("a", "Quiet launch of a small van", "First part.\n\nSecond part.", "Lena Obst"),
          tagged("b", "Dealers report calm month", "Sales held.\n\nStock was low.", "Piet Hals"),
          tagged("c", "Factory adds a shift", "A new shift starts.\nIt runs at night.", null));

  private final CorpusGenerator generator =
      new CorpusGenerator(BASE, List.of("Toyota", "Kia", "Skoda", "Volvo"), 7);

  @Test
  void sameIndexAndSeedGiveTheSameArticle() {
    assertEquals(generator.article(42), generator.article(42));
    assertEquals(
        new CorpusGenerator(BASE, List.of("Toyota", "Kia", "Skoda", "Volvo"), 7).article(5),
        generator.article(5));
    assertNotEquals(generator.article(1).article().id(), generator.article(2).article().id());
  }

  @Test
  void datesFallInTheTwentyYears() {
    Instant first = CorpusGenerator.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end =
        CorpusGenerator.FIRST_DAY
            .plusYears(CorpusGenerator.YEARS)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Set<Integer> years = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      Instant published = generator.article(i).article().published();
      assertFalse(published.isBefore(first), published.toString());
      assertTrue(published.isBefore(end), published.toString());
      years.add(published.atZone(ZoneOffset.UTC).getYear());
    }
    assertEquals(CorpusGenerator.YEARS, years.size());
  }

  @Test
  void bodiesAreParagraphsOfTheBase() {
    Set<String> baseParagraphs =
        Set.of(
            "First part.",
            "Second part.",
            "Sales held.",
            "Stock was low.",
            "A new shift starts.",
            "It runs at night.");
    for (int i = 0; i < 200; i++) {
      for (String paragraph : generator.article(i).article().body().split("\n\n")) {
        assertTrue(baseParagraphs.contains(paragraph), paragraph);
      }
    }
  }

  @Test
  void authorsAndBrandsAreSkewed() {
    Map<String, Integer> authors = new HashMap<>();
    Map<String, Integer> brands = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      TaggedArticle article = generator.article(i);
      authors.merge(article.authors().get(0), 1, Integer::sum);
      article.brandNames().forEach(brand -> brands.merge(brand, 1, Integer::sum));
    }
    int most = authors.values().stream().max(Integer::compare).orElseThrow();
    assertTrue(most > 5_000 / 50, "top author has " + most + " of 5000");
    assertTrue(authors.size() > 100, "only " + authors.size() + " authors");
    assertTrue(brands.get("Toyota") > brands.get("Volvo"), brands.toString());
  }

  private static TaggedArticle tagged(String id, String title, String body, String person) {
    Article article = new Article(id, null, title, body, List.of(), null, null, List.of());
    List<Entity> persons =
        person == null ? List.of() : List.of(new Entity(EntityType.PERSON, person, 2, 0.8));
    return new TaggedArticle(article, List.of(), persons, List.of(), List.of());
  }
}
