package dev.carnews.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class VersionRuleTest {

  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
  private final VersionRule rule = VersionRule.defaults();

  private static StoryText text(String id, String title, String body, Instant when) {
    return StoryText.of(id, title, body, when);
  }

  @Test
  void sameDayCorrectionOfOneFigureIsAVersion() {
    StoryText first = text("a", "Velora to build battery plant", StoryFixtures.PLANT, TUESDAY);
    StoryText corrected =
        text(
            "b",
            "CORRECTED-Velora to build battery plant",
            StoryFixtures.PLANT_CORRECTED,
            TUESDAY.plus(2, ChronoUnit.HOURS));
    assertTrue(rule.judge(first, corrected).version(), rule.judge(first, corrected).toString());
  }

  @Test
  void sameDayUpdateWithParagraphsAddedIsAVersion() {
    StoryText first = text("a", "Velora to build battery plant", StoryFixtures.PLANT, TUESDAY);
    StoryText updated =
        text(
            "b",
            "Velora picks Drenton for battery plant, shares rise",
            StoryFixtures.PLANT_UPDATED,
            TUESDAY.plus(5, ChronoUnit.HOURS));
    assertTrue(rule.judge(first, updated).version(), rule.judge(first, updated).toString());
  }

  @Test
  void weeklyReportWithOtherFiguresIsNotAVersion() {
    StoryText week9 =
        text("a", "Used-car price index", StoryFixtures.priceReport(9, 112, 3, 41), TUESDAY);
    StoryText week10 =
        text(
            "b",
            "Used-car price index",
            StoryFixtures.priceReport(10, 115, 2, 43),
            TUESDAY.plus(7, ChronoUnit.DAYS));
    assertFalse(rule.judge(week9, week10).version());
  }

  @Test
  void dailyReportOnTheNextDayIsNotAVersionEvenWhenSimilar() {
    StoryText monday =
        text("a", "Used-car price index", StoryFixtures.priceReport(9, 112, 3, 41), TUESDAY);
    StoryText tuesday =
        text(
            "b",
            "Used-car price index",
            StoryFixtures.priceReport(9, 113, 3, 41),
            TUESDAY.plus(26, ChronoUnit.HOURS));
    assertEquals("other-day", rule.judge(monday, tuesday).reason());
  }

  @Test
  void copyFiledTwoDaysLaterIsAVersion() {
    StoryText first = text("a", "Velora to build battery plant", StoryFixtures.PLANT, TUESDAY);
    StoryText copy =
        text("b", "Velora plant", StoryFixtures.PLANT, TUESDAY.plus(2, ChronoUnit.DAYS));
    assertEquals("copy", rule.judge(first, copy).reason());
  }

  @Test
  void shortTemplateLinesOfTwoCompaniesAreNotVersions() {
    String line = "Quarterly dividend 12 cents vs 12 cents prior. Pay May 2. Record April 10.";
    StoryText one = text("a", "Norbeck Motors sets quarterly dividend", line, TUESDAY);
    StoryText other = text("b", "Halden Axle Co declares dividend", line, TUESDAY);
    assertEquals("other-subject", rule.judge(one, other).reason());
  }

  @Test
  void shortLineOfOneCompanyRefiledWithOneWordChangedIsAVersion() {
    StoryText first =
        text(
            "a",
            "Norbeck Motors sets quarterly dividend",
            "Quarterly dividend 12 cents vs 12 cents prior. Payable May 2. Record April 10.",
            TUESDAY);
    StoryText refiled =
        text(
            "b",
            "Norbeck Motors declares payout",
            "Quarterly dividend 12 cents vs 12 cents prior. Pay May 2. Record April 10.",
            TUESDAY.plus(1, ChronoUnit.HOURS));
    assertTrue(rule.judge(first, refiled).version(), rule.judge(first, refiled).toString());
  }

  @Test
  void bandsOfCopiesAreEqualAndOfUnrelatedTextsMostlyDiffer() {
    StoryText first = text("a", "t", StoryFixtures.PLANT, TUESDAY);
    StoryText copy = text("b", "t", StoryFixtures.PLANT, TUESDAY);
    StoryText other = text("c", "t", StoryFixtures.priceReport(9, 112, 3, 41), TUESDAY);
    assertEquals(MinHashBands.bands(first), MinHashBands.bands(copy));
    assertEquals(MinHashBands.BANDS, MinHashBands.bands(first).size());
    long shared =
        MinHashBands.bands(first).stream().filter(MinHashBands.bands(other)::contains).count();
    assertTrue(shared <= 1, "unrelated texts share " + shared + " bands");
  }
}
