package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.ingest.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11: a wire story's sign-off names its author, never a person of the story. */
class WireSignOffsTest {

  private static final String STORY =
      "Norland Motors expects profits to double this year, chief executive Ada Lindqvist said.\n"
          + "Lindqvist said the new plant would open in June.\n"
          + "-- Piet Example , Frankfurt Newsroom +49 69 756525";

  @Test
  void newsroomLineAndReportingByNameTheReporters() {
    assertEquals(List.of("Piet Example"), WireSignOffs.authors(STORY));
    assertEquals(
        List.of("Jane Roe", "Tom Doe"),
        WireSignOffs.authors(
            "Sales rose.\n(Reporting by Jane Roe and Tom Doe; Editing by Kim Example)"));
    assertEquals(List.of(), WireSignOffs.authors("Sales rose -- as analysts had expected."));
  }

  @Test
  void editorsAreStaffButNotAuthors() {
    String text = "Sales rose.\n(Reporting by Jane Roe; Editing by Kim Example)";
    assertEquals(List.of("Jane Roe", "Kim Example"), WireSignOffs.staff(text));
  }

  @Test
  void theSignOffIsTheAuthorWhenTheBylineIsEmptyAndNeverAPerson() {
    NewsEntityTagger tagger = NewsEntityTagger.createDefault();
    Article wire =
        new Article(
            "w1", null, "Norland profit to double", STORY, List.of(), null, null, List.of());
    TaggedArticle tagged = tagger.tag(wire);
    assertEquals(List.of("Piet Example"), tagged.authors());
    assertTrue(tagged.personNames().contains("Ada Lindqvist"), tagged.personNames().toString());
    assertFalse(tagged.personNames().contains("Piet Example"), tagged.personNames().toString());

    Article bylined =
        new Article(
            "w2",
            null,
            "Norland profit to double",
            STORY,
            List.of("By Mia Byline"),
            null,
            null,
            List.of());
    TaggedArticle withByline = tagger.tag(bylined);
    assertEquals(List.of("Mia Byline"), withByline.authors());
    assertFalse(withByline.personNames().contains("Piet Example"));
  }
}
