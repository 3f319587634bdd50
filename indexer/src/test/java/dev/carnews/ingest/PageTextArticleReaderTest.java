package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PageTextArticleReaderTest {

  private static final Instant COMMAND_LINE_DATE = Instant.parse("2024-01-02T00:00:00Z");

  private final PageTextArticleReader reader = new PageTextArticleReader();

  private Article read(String fixture, ReadOptions options) throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("page-text/" + fixture), options, sink);
    return sink.only();
  }

  @Test
  void keepsTheTitleExactlyAsWrittenWithTypographicPunctuation() throws IOException {
    Article article = read("norlund-van-range.txt", ReadOptions.defaults());

    assertEquals("Norlund’s compact electric van gains a bigger battery – update", article.title());
  }

  @Test
  void takesTheAuthorFromTheRepeatedBylineOnce() throws IOException {
    assertEquals(
        List.of("Maren Holt"), read("norlund-van-range.txt", ReadOptions.defaults()).authors());
    assertEquals(
        List.of("Tomas Reyes"), read("tarvik-hatch-recall.txt", ReadOptions.defaults()).authors());
  }

  @Test
  void bodyIsTheStandfirstAndEveryStoryParagraphInOrder() throws IOException {
    List<String> paragraphs =
        List.of(read("norlund-van-range.txt", ReadOptions.defaults()).body().split("\n\n"));

    assertEquals(7, paragraphs.size(), String.join("\n", paragraphs));
    assertTrue(paragraphs.get(0).startsWith("The Vela Cargo will travel further"));
    assertTrue(paragraphs.get(1).startsWith("Norlund has confirmed"));
    assertTrue(paragraphs.get(2).startsWith("The company says the change"));
    assertTrue(paragraphs.get(3).startsWith("Fleet buyers asked"));
    assertTrue(paragraphs.get(4).startsWith("Charging speeds also improve"));
    assertTrue(paragraphs.get(5).startsWith("Pricing has not been finalised"));
    assertTrue(paragraphs.get(6).startsWith("Deliveries of the updated van"));
  }

  @Test
  void bodyLeavesOutEveryKindOfBoilerplate() throws IOException {
    String body = read("norlund-van-range.txt", ReadOptions.defaults()).body();

    for (String boilerplate :
        List.of(
            "Home", // breadcrumbs
            "Car News",
            "Maren Holt", // byline and author block
            "Senior Journalist",
            "Published", // the date line
            "Click here", // ad
            "Norlund Vela Cargo\n", // caption
            "interior",
            "MORE:", // link
            "Honest Reviews", // promo tagline and blurb
            "personalised service",
            "covered commercial vehicles", // bio
            "Read more",
            "You might also like")) {
      assertFalse(body.contains(boilerplate), () -> "body contains " + boilerplate + ":\n" + body);
    }
  }

  @Test
  void dropsBylinePrefixCaptionsAndReadMoreLinksOnASparserPage() throws IOException {
    String body = read("tarvik-hatch-recall.txt", ReadOptions.defaults()).body();

    assertEquals(3, body.split("\n\n").length, body);
    assertFalse(body.contains("Tarvik Pila\n"));
    assertFalse(body.contains("READ MORE"));
    assertFalse(body.contains("writes about small cars"));
    assertFalse(body.contains("Contributor"));
  }

  @Test
  void aDateStatedOnThePageWinsOverTheCommandLine() throws IOException {
    Article article = read("norlund-van-range.txt", new ReadOptions(COMMAND_LINE_DATE));

    assertEquals(Instant.parse("2024-05-14T00:00:00Z"), article.published());
  }

  @Test
  void withoutAStatedDateTheCommandLineDateIsUsedElseItStaysUnknown() throws IOException {
    assertEquals(
        COMMAND_LINE_DATE,
        read("tarvik-hatch-recall.txt", new ReadOptions(COMMAND_LINE_DATE)).published());
    assertNull(read("tarvik-hatch-recall.txt", ReadOptions.defaults()).published());
  }

  @Test
  void recognisesTheUsualWaysPagesStateADate() {
    String page =
        "1. Home\n\nVantor shows a concept\n\nBy Ada Kerr\n\n%s\n\nThe concept is blue.\n";
    for (String stated :
        List.of("March 3, 2025", "3 March 2025", "Updated: 2025-03-03", "Mon, 3 Mar 2025")) {
      Article article = reader.parse(String.format(page, stated), ReadOptions.defaults());
      assertEquals(Instant.parse("2025-03-03T00:00:00Z"), article.published(), stated);
      assertEquals("The concept is blue.", article.body(), stated);
    }
  }

  @Test
  void readsOneLineBreadcrumbsAndBylinesCarryingRoleAndDate() {
    Article article =
        reader.parse(
            "Home > Car News > Vantor\n\nVantor shows a concept\n\n"
                + "By Ada Kerr | Senior Editor | 7 June 2024\n\n"
                + "The concept previews a small electric crossover.\n",
            ReadOptions.defaults());

    assertEquals("Vantor shows a concept", article.title());
    assertEquals(List.of("Ada Kerr"), article.authors());
    assertEquals(Instant.parse("2024-06-07T00:00:00Z"), article.published());
    assertEquals("The concept previews a small electric crossover.", article.body());
  }

  @Test
  void aCaptionAboveTheBylineIsNotAnAuthor() {
    Article article =
        reader.parse(
            "Vantor shows a concept\n\nVantor Aero\nVantor Aero\n\nMira Castell\n\nMira Castell\n\n"
                + "Motoring Editor\n\nThe concept previews a small electric crossover.\n",
            ReadOptions.defaults());

    assertEquals(List.of("Mira Castell"), article.authors());
    assertEquals("The concept previews a small electric crossover.", article.body());
  }

  @Test
  void aPublishedDateWinsOverAnUpdatedOneWhicheverComesFirst() {
    Article article =
        reader.parse(
            "Vantor shows a concept\n\nBy Ada Kerr\n\nUpdated 9 June 2024\n\nPublished 7 June 2024\n\n"
                + "The concept previews a small electric crossover.\n",
            ReadOptions.defaults());

    assertEquals(Instant.parse("2024-06-07T00:00:00Z"), article.published());
  }

  @Test
  void aYearInTheStoryIsNotTakenAsThePublicationDate() {
    Article article =
        reader.parse(
            "Vantor shows a concept\n\nBy Ada Kerr\n\nThe concept was first drawn on 3 March 2019, the designer said.\n",
            ReadOptions.defaults());

    assertNull(article.published());
  }

  @Test
  void idIsDerivedFromTheContentAndStable() throws IOException {
    Article first = read("norlund-van-range.txt", ReadOptions.defaults());
    Article second = read("norlund-van-range.txt", ReadOptions.defaults());

    assertTrue(first.id().matches("c-[0-9a-f]{16}"), first.id());
    assertEquals(first.id(), second.id());
    assertNull(first.url());
  }

  @Test
  void aPageWithOnlyBreadcrumbsIsSkippedWithAReason() throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("page-text/only-breadcrumbs.txt"), ReadOptions.defaults(), sink);

    assertTrue(sink.articles.isEmpty());
    assertEquals(1, sink.skips.size());
    assertTrue(sink.skips.get(0).contains("no title"), sink.skips.get(0));
  }

  @Test
  void theSharedSeedPageReadsAsSpecified() throws IOException {
    Path seed = Path.of("../../shared/seed/renault-ampere-page.txt");
    if (!Files.exists(seed)) {
      seed = Path.of("../shared/seed/renault-ampere-page.txt");
    }
    Assumptions.assumeTrue(Files.exists(seed), "the shared seed page is not present");
    RecordingSink sink = new RecordingSink();
    reader.read(seed, ReadOptions.defaults(), sink);
    Article article = sink.only();

    assertEquals(
        "Renault's electric car division to be plugged back into core business – report",
        article.title());
    assertEquals(List.of("Derek Fung"), article.authors());
    assertNull(article.published());
    for (String boilerplate :
        List.of(
            "Derek Fung", "Journalist", "Click here", "MORE:", "Trusted Reviews", "Read more")) {
      assertFalse(article.body().contains(boilerplate), boilerplate);
    }
    assertEquals(14, article.body().split("\n\n").length);
  }
}
