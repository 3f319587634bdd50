package dev.carnews.nlp;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.util.Span;

/** Tokens cut the way the CoNLL-2003 training data is cut. Stateless. */
final class ConllTokens {

  private ConllTokens() {}

  /**
   * Re-cuts the Apache UD-EWT tokens the way CoNLL-2003 (the model's training data) is cut: the UD
   * model keeps {@code Renault's} and {@code don't} whole but splits {@code Jean-Claude} into
   * {@code Jean} and {@code -Claude} (or {@code Anne} {@code -} {@code Marie}) and {@code J.R.}
   * into {@code J.R} and {@code .}; CoNLL does the opposite. So possessive {@code 's} and {@code
   * n't} are split off, and touching hyphens and the last dot of initials are glued back.
   */
  static Span[] of(Span[] spans, CharSequence text) {
    List<Span> out = new ArrayList<>(spans.length + 4);
    for (int i = 0; i < spans.length; i++) {
      int start = spans[i].getStart();
      int end = spans[i].getEnd();
      Span previous = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean touches = previous != null && previous.getEnd() == start;
      if (touches && text.charAt(start) == '-') {
        if (end - start > 1 && Character.isLetterOrDigit(text.charAt(start + 1))) {
          // "Dubois" "-Laurent" → "Dubois-Laurent"
          out.set(out.size() - 1, new Span(previous.getStart(), end));
          continue;
        }
        if (end - start == 1 && i + 1 < spans.length && spans[i + 1].getStart() == end) {
          // "Anne" "-" "Marie" → "Anne-Marie"
          out.set(out.size() - 1, new Span(previous.getStart(), spans[i + 1].getEnd()));
          i++;
          continue;
        }
      }
      if (touches && end - start == 1 && text.charAt(start) == '.' && isInitials(text, previous)) {
        // "J.R" "." → "J.R."
        out.set(out.size() - 1, new Span(previous.getStart(), end));
        continue;
      }
      int clitic = cliticStart(text, start, end);
      if (clitic > start) {
        out.add(new Span(start, clitic));
        out.add(new Span(clitic, end));
      } else {
        out.add(new Span(start, end));
      }
    }
    return out.toArray(new Span[0]);
  }

  /** Whether a token is initials missing their last dot: {@code J}, {@code J.R}, {@code U.S}. */
  private static boolean isInitials(CharSequence text, Span token) {
    int length = token.getEnd() - token.getStart();
    for (int k = 0; k < length; k++) {
      char c = text.charAt(token.getStart() + k);
      boolean letterPlace = k % 2 == 0;
      if (letterPlace ? !Character.isUpperCase(c) : c != '.') {
        return false;
      }
    }
    return length % 2 == 1;
  }

  /** Where a final {@code 's} or {@code n't} starts inside a token, or {@code start} if none. */
  private static int cliticStart(CharSequence text, int start, int end) {
    int length = end - start;
    if (length > 2) {
      char apostrophe = text.charAt(end - 2);
      char s = text.charAt(end - 1);
      if ((apostrophe == '\'' || apostrophe == '’') && (s == 's' || s == 'S')) {
        return end - 2;
      }
    }
    if (length > 3) {
      char n = text.charAt(end - 3);
      char apostrophe = text.charAt(end - 2);
      char t = text.charAt(end - 1);
      if ((n == 'n' || n == 'N')
          && (apostrophe == '\'' || apostrophe == '’')
          && (t == 't' || t == 'T')) {
        return end - 3;
      }
    }
    return start;
  }
}
