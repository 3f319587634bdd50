package dev.carnews.search;

import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Snippet text for the API: everything from an article is HTML-escaped, and the only markup is the
 * service's own {@code <mark>} around matches. Whitespace runs become one space.
 */
final class Snippets extends PassageFormatter {

  /** How long a snippet without matches is, at most, before the ellipsis. */
  static final int FALLBACK_LENGTH = 200;

  private static final String ELLIPSIS = "…";
  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder out = new StringBuilder();
    int previousEnd = 0;
    for (Passage passage : passages) {
      int start = passage.getStartOffset();
      if (start > previousEnd || (out.length() == 0 && start > 0)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(ELLIPSIS).append(' ');
      }
      int pos = start;
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int matchStart = Math.max(passage.getMatchStarts()[i], pos);
        int matchEnd = passage.getMatchEnds()[i];
        if (matchEnd <= pos) {
          continue;
        }
        if (matchStart == pos && endsWithClose(out) && i > 0) {
          // Overlapping or touching matches share one mark.
          out.setLength(out.length() - CLOSE.length());
        } else {
          escape(content, pos, matchStart, out);
          out.append(OPEN);
        }
        escape(content, matchStart, matchEnd, out);
        out.append(CLOSE);
        pos = matchEnd;
      }
      escape(content, pos, passage.getEndOffset(), out);
      previousEnd = passage.getEndOffset();
    }
    if (previousEnd < content.strip().length()) {
      out.append(' ').append(ELLIPSIS);
    }
    return collapse(out.toString());
  }

  /** The first words of a text, escaped, for hits without highlighted passages. */
  static String lead(String text) {
    String plain = WHITESPACE.matcher(text).replaceAll(" ").strip();
    if (plain.length() <= FALLBACK_LENGTH) {
      return escape(plain);
    }
    int cut = plain.lastIndexOf(' ', FALLBACK_LENGTH);
    if (cut < FALLBACK_LENGTH / 2) {
      cut = FALLBACK_LENGTH;
    }
    return escape(plain.substring(0, cut).strip()) + " " + ELLIPSIS;
  }

  /** HTML-escapes text for element content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), out);
    return out.toString();
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to && i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  private static boolean endsWithClose(StringBuilder out) {
    int length = out.length();
    return length >= CLOSE.length() && out.substring(length - CLOSE.length(), length).equals(CLOSE);
  }

  private static String collapse(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }
}
