package dev.carnews.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;

/**
 * How a text falls into paragraphs and sentences before names are tagged: hard-wrapped newswire
 * lines are joined, and the sentence model's breaks inside a name ({@code Robert L. | Rewey}) are
 * undone. Stateless.
 */
final class TextLayout {

  /** A line at least this long that ends mid-sentence is taken as hard-wrapped. */
  private static final int WRAPPED_LINE_LENGTH = 50;

  /** Initials that may stand inside a name: {@code L.}, {@code J.R.}. */
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}");

  private TextLayout() {}

  /**
   * Where the paragraph starting at {@code from} ends (a newline or the end of the text). A blank
   * line, an indented line or a line after sentence-final punctuation starts a new paragraph; a
   * line that is a hard wrap of the one before (newswires wrap at 70 columns: {@code "...Harris
   * Upham\nand Co said"}) continues it.
   */
  static int paragraphEnd(String text, int from, boolean wrapped) {
    int lineStart = from;
    while (true) {
      int newline = text.indexOf('\n', lineStart);
      if (newline < 0) {
        return text.length();
      }
      if (!isSoftWrap(text, lineStart, newline, wrapped)) {
        return newline;
      }
      lineStart = newline + 1;
    }
  }

  private static boolean isSoftWrap(String text, int lineStart, int newline, boolean wrapped) {
    int next = newline + 1;
    if (next >= text.length() || newline == lineStart) {
      return false;
    }
    char first = text.charAt(next);
    if (Character.isWhitespace(first)) {
      return false;
    }
    int last = newline - 1;
    while (last > lineStart && text.charAt(last) == ' ') {
      last--;
    }
    char end = text.charAt(last);
    if (".!?:;\"”'’)]".indexOf(end) >= 0) {
      return false;
    }
    // A long line ending in a word, followed by a word, is a wrap; a table row ends in a number.
    return Character.isLowerCase(first)
        || (wrapped
            && newline - lineStart >= WRAPPED_LINE_LENGTH
            && Character.isLetter(end)
            && Character.isLetter(first));
  }

  /**
   * Whether a text is hard-wrapped at a fixed width, as newswire copy is: most of its lines are
   * between {@link #WRAPPED_LINE_LENGTH} and 80 characters long. Texts with one paragraph or one
   * sentence per line are not, and there a long line is never joined to the next.
   */
  static boolean looksHardWrapped(String text) {
    int lines = 0;
    int wrappedLines = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int end = newline < 0 ? text.length() : newline;
      if (end > lineStart) {
        lines++;
        int length = end - lineStart;
        if (length >= WRAPPED_LINE_LENGTH && length <= 80) {
          wrappedLines++;
        }
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return lines >= 3 && wrappedLines * 2 >= lines;
  }

  /**
   * The sentences with the breaks after a middle initial undone: the sentence model ends a sentence
   * at {@code Robert L.} or {@code George W.}, cutting the name in two. A break right after
   * initials ({@code L.}, {@code J.R.}) that follow a capitalised word, before a capitalised word,
   * is no sentence end ({@code in the U.S. The} stays two sentences: {@code the} is not a name).
   */
  static Span[] joinedAtInitials(Span[] spans, String text) {
    if (spans.length < 2) {
      return spans;
    }
    List<Span> out = new ArrayList<>(spans.length);
    Span current = spans[0];
    for (int i = 1; i < spans.length; i++) {
      Span next = spans[i];
      if (endsWithNameInitial(text, current.getStart(), current.getEnd())
          && Character.isUpperCase(text.charAt(next.getStart()))) {
        current = new Span(current.getStart(), next.getEnd());
      } else {
        out.add(current);
        current = next;
      }
    }
    out.add(current);
    return out.toArray(new Span[0]);
  }

  /**
   * Whether {@code text[start, end)} ends with a capitalised word and initials: {@code Robert L.}.
   */
  private static boolean endsWithNameInitial(String text, int start, int end) {
    int e = end;
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    int s = e;
    while (s > start && !Character.isWhitespace(text.charAt(s - 1))) {
      s--;
    }
    String initials = text.substring(s, e);
    if (!INITIALS.matcher(initials).matches()) {
      return false;
    }
    int w = s;
    while (w > start && Character.isWhitespace(text.charAt(w - 1))) {
      w--;
    }
    int ws = w;
    while (ws > start && !Character.isWhitespace(text.charAt(ws - 1))) {
      ws--;
    }
    if (ws == w) {
      return true; // "M." opens the sentence: "M. Bevan c Vaas b Chandana 56"
    }
    // "Robert L.", "( J.", "87 , K.": a word in lower case ("in the U.S.") is no name before them.
    char before = text.charAt(ws);
    return !Character.isLowerCase(before) && !PersonNames.isTitle(text.substring(ws, w));
  }
}
