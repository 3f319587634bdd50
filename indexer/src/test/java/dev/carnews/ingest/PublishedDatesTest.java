package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishedDatesTest {

  @Test
  void isoFormsAreReadWithLocalTimesAsUtc() {
    assertEquals(Instant.parse("2025-03-01T00:00:00Z"), PublishedDates.parseIso("2025-03-01"));
    assertEquals(
        Instant.parse("2025-03-01T10:00:00Z"), PublishedDates.parseIso("2025-03-01T10:00:00"));
    assertEquals(
        Instant.parse("2025-03-01T10:00:00Z"), PublishedDates.parseIso("2025-03-01T10:00:00Z"));
    assertEquals(
        Instant.parse("2025-03-01T08:00:00Z"),
        PublishedDates.parseIso("2025-03-01T10:00:00+02:00"));
    assertEquals(
        Instant.parse("2025-03-01T08:00:00Z"), PublishedDates.parseIso("2025-03-01T10:00:00+0200"));
    assertEquals(
        Instant.parse("2025-03-01T10:00:00.500Z"),
        PublishedDates.parseIso("2025-03-01 10:00:00.5"));
  }

  @Test
  void nonDatesAreRejectedWithTheOffendingText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PublishedDates.parseIso("yesterday"));
    assertTrue(e.getMessage().contains("'yesterday'"));
    assertThrows(IllegalArgumentException.class, () -> PublishedDates.parseIso("2025-13-01"));
  }

  @Test
  void findReadsTheFormsPagesUse() {
    Instant day = Instant.parse("2019-11-19T00:00:00Z");
    assertEquals(Optional.of(day), PublishedDates.find("Published 19 November 2019"));
    assertEquals(Optional.of(day), PublishedDates.find("Nov. 19, 2019"));
    assertEquals(Optional.of(day), PublishedDates.find("Tuesday 19th Nov 2019"));
    assertEquals(
        Optional.of(Instant.parse("2019-11-19T13:03:00Z")),
        PublishedDates.find("Tue, 19 Nov 2019 13:03:00 GMT"));
    assertEquals(Optional.empty(), PublishedDates.find("some day soon"));
    assertEquals(Optional.empty(), PublishedDates.find("31 February 2019"));
  }
}
