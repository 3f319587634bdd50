package dev.carnews.search.lucene.hits;

import dev.carnews.search.views.ArticleViews;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Snippet text for the API: everything from an article is HTML-escaped, and the only markup is the
 * service's own {@code <mark>} around matches. Whitespace runs become one space.
 */
public final class Snippets extends PassageFormatter {

  private static final String ELLIPSIS = ArticleViews.ELLIPSIS;
  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";

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
          ArticleViews.escape(content, pos, matchStart, out);
          out.append(OPEN);
        }
        ArticleViews.escape(content, matchStart, matchEnd, out);
        out.append(CLOSE);
        pos = matchEnd;
      }
      ArticleViews.escape(content, pos, passage.getEndOffset(), out);
      previousEnd = passage.getEndOffset();
    }
    if (previousEnd < strippedLength(content)) {
      out.append(' ').append(ELLIPSIS);
    }
    return ArticleViews.collapsed(out.toString());
  }

  /** {@code content.strip().length()}, without copying the content. */
  private static int strippedLength(String content) {
    int end = content.length();
    while (end > 0 && Character.isWhitespace(content.codePointBefore(end))) {
      end -= Character.charCount(content.codePointBefore(end));
    }
    int start = 0;
    while (start < end && Character.isWhitespace(content.codePointAt(start))) {
      start += Character.charCount(content.codePointAt(start));
    }
    return end - start;
  }

  private static boolean endsWithClose(StringBuilder out) {
    int length = out.length();
    return length >= CLOSE.length() && out.substring(length - CLOSE.length(), length).equals(CLOSE);
  }
}
