package dev.carnews.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as sources write them. Dates without a time are the start of that day in UTC;
 * date-times without an offset are taken as UTC.
 */
public final class PublishedDates {

  private static final Pattern OFFSET_WITHOUT_COLON =
      Pattern.compile("([T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)([+-]\\d{2})(\\d{2})$");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE_PREFIX =
      Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?)?");

  private PublishedDates() {}

  /**
   * Parses an ISO-8601 date ({@code 2025-03-01}) or date-time with or without offset ({@code
   * 2025-03-01T10:00:00}, {@code ...Z}, {@code ...+02:00}).
   *
   * @throws IllegalArgumentException when the text is not such a date
   */
  public static Instant parseIso(String text) {
    String value = text.strip();
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    Matcher noColon = OFFSET_WITHOUT_COLON.matcher(value);
    if (noColon.find()) {
      value = value.substring(0, noColon.start(2)) + noColon.group(2) + ":" + noColon.group(3);
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME).toInstant();
      } catch (DateTimeParseException withoutZone) {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 date or date-time: '" + text + "'", e);
    }
  }

  /**
   * Finds a date in free text as pages write them: ISO, RFC 1123 ({@code Tue, 3 Mar 2025 10:00:00
   * GMT}), {@code 3 March 2025}, {@code March 3, 2025}. Empty when there is none; never guesses.
   */
  public static Optional<Instant> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    try {
      return Optional.of(parseIso(value));
    } catch (IllegalArgumentException notIso) {
      // fall through to the looser forms below
    }
    try {
      return Optional.of(
          OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException notRfc) {
      // fall through
    }
    Matcher iso = ISO_DATE_PREFIX.matcher(value);
    if (iso.find()) {
      Optional<Instant> found =
          build(
              Integer.parseInt(iso.group(1)),
              Integer.parseInt(iso.group(2)),
              Integer.parseInt(iso.group(3)));
      if (found.isPresent()) {
        if (iso.group(4) != null) {
          return found.map(
              day ->
                  day.plusSeconds(
                      Integer.parseInt(iso.group(4)) * 3600L
                          + Integer.parseInt(iso.group(5)) * 60L
                          + (iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6)))));
        }
        return found;
      }
    }
    Matcher dmy = DAY_MONTH_YEAR.matcher(value);
    while (dmy.find()) {
      Optional<Month> month = month(dmy.group(2));
      if (month.isPresent()) {
        Optional<Instant> found =
            build(
                Integer.parseInt(dmy.group(3)),
                month.get().getValue(),
                Integer.parseInt(dmy.group(1)));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    Matcher mdy = MONTH_DAY_YEAR.matcher(value);
    while (mdy.find()) {
      Optional<Month> month = month(mdy.group(1));
      if (month.isPresent()) {
        Optional<Instant> found =
            build(
                Integer.parseInt(mdy.group(3)),
                month.get().getValue(),
                Integer.parseInt(mdy.group(2)));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> build(int year, int month, int day) {
    if (year < 1900 || year > 2100) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Month> month(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() < 3) {
      return Optional.empty();
    }
    for (Month month : Month.values()) {
      String name = month.name().toLowerCase(Locale.ROOT);
      if (name.equals(lower)
          || (lower.length() <= 4 && name.startsWith(lower.substring(0, 3)))
          || ("sept".equals(lower) && month == Month.SEPTEMBER)) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }
}
