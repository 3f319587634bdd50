package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.ingest.Article;
import dev.carnews.ingest.PageTextArticleReader;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole entity pipeline on a page-text article written for this test. */
class NewsEntityTaggerTest {

  private static TaggedArticle tagged;
  private static Article page;

  @BeforeAll
  static void tagThePage() throws IOException {
    String page;
    try (InputStream in =
        NewsEntityTaggerTest.class.getResourceAsStream("/entity/volvo-plant-page.txt")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    NewsEntityTaggerTest.page = new PageTextArticleReader().parse(page, ReadOptions.defaults());
    tagged = NewsEntityTagger.createDefault().tag(NewsEntityTaggerTest.page);
  }

  @Test
  void lazyDefaultTaggersAreSeparateAndTagAsTheDefaultDoes() {
    Supplier<NewsEntityTagger> taggers = NewsEntityTagger.lazyDefaults();
    NewsEntityTagger first = taggers.get();
    NewsEntityTagger second = taggers.get();
    assertNotSame(first, second, "one tagger per thread: the supplier hands out new ones");
    assertEquals(tagged, first.tag(page));
    assertEquals(tagged, second.tag(page));
  }

  @Test
  void everyPersonCarriesTheNameModelsConfidence() {
    assertEquals(
        tagged.personNames().stream().sorted().toList(),
        tagged.personConfidence().keySet().stream().sorted().toList());
    tagged
        .personConfidence()
        .values()
        .forEach(p -> assertTrue(p > 0 && p <= 1, tagged.personConfidence().toString()));
  }

  @Test
  void authorComesFromTheBylineAndIsNotAPersonOfTheStory() {
    assertEquals(List.of("Harriet Olukoya"), tagged.authors());
    assertFalse(tagged.personNames().stream().anyMatch(name -> name.contains("Olukoya")));
  }

  @Test
  void peopleAreFoundWithAccentsParticlesAndTitlesResolved() {
    List<String> persons = tagged.personNames();
    assertTrue(persons.contains("Sigrún Østergaard"), persons.toString());
    assertTrue(persons.contains("Tomas van Leeuwen"), persons.toString());
    assertEquals(2, persons.size(), "Mr van Leeuwen and Ms Østergaard are the same people");
    Entity vanLeeuwen =
        tagged.persons().stream()
            .filter(p -> p.name().equals("Tomas van Leeuwen"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, vanLeeuwen.mentions());
  }

  @Test
  void brandsIncludePossessivesAndModelsButNotAbsentOnes() {
    List<String> brands = tagged.brandNames();
    assertEquals("Volvo", brands.get(0), "the brand of the title is the most salient");
    assertTrue(
        brands.containsAll(List.of("Polestar", "Geely", "Toyota", "Kia")), brands.toString());
    assertFalse(brands.contains("Ford"));
  }

  @Test
  void mentionOffsetsPointAtTheirText() {
    String text = tagged.text();
    assertFalse(tagged.mentions().isEmpty());
    for (Mention mention : tagged.mentions()) {
      assertEquals(
          mention.text(), text.substring(mention.start(), mention.end()), mention.toString());
    }
  }
}
