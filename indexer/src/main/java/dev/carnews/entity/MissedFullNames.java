package dev.carnews.entity;

import dev.carnews.nlp.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full forms of a surname the name model missed: when an article's person is known only as
 * {@code Carrow} ({@code Ms Carrow said}), a capitalised word right before the same surname
 * elsewhere in the article ({@code ahead of Ffion Carrow,}) is that person's first name. Words that
 * are titles, or that start a sentence, are not.
 */
final class MissedFullNames {

  /** Capitalised words that are dates, not first names (folded). */
  static final Set<String> CALENDAR =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  private MissedFullNames() {}

  /** The spans {@code [start, end)} of "First Surname" in the text, in text order. */
  static List<int[]> of(String text, String surname) {
    List<int[]> spans = new ArrayList<>();
    if (surname.isEmpty() || surname.indexOf(' ') >= 0) {
      return spans;
    }
    Matcher m =
        Pattern.compile(
                "(?<![\\p{L}\\p{M}'’.-])(\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’-]*) "
                    + Pattern.quote(surname)
                    + "(?![\\p{L}\\p{M}])")
            .matcher(text);
    while (m.find()) {
      String first = m.group(1);
      if (PersonNames.isTitle(first)
          || PersonNames.isDescriptor(first)
          || CALENDAR.contains(PersonNames.fold(first))
          || sentenceInitial(text, m.start())) {
        continue;
      }
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }

  /** Whether a word starts a sentence, a line or the text. */
  private static boolean sentenceInitial(String text, int start) {
    int i = start - 1;
    while (i >= 0 && text.charAt(i) == ' ') {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    return c == '\n' || c == '.' || c == '!' || c == '?' || c == '"' || c == '“' || c == ':';
  }
}
