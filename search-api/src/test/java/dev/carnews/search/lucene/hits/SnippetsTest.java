package dev.carnews.search.lucene.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.search.views.ArticleViews;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SnippetsTest {

  private static Passage passage(int start, int end, int... matches) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    for (int i = 0; i < matches.length; i += 2) {
      passage.addMatch(matches[i], matches[i + 1], new BytesRef("t"), 1);
    }
    return passage;
  }

  @Test
  void marksMatchesAndEscapesEverythingElse() {
    String content = "A <b>new</b> Renault & \"more\"";
    String html =
        new Snippets().format(new Passage[] {passage(0, content.length(), 13, 20)}, content);
    assertEquals("A &lt;b&gt;new&lt;/b&gt; <mark>Renault</mark> &amp; &quot;more&quot;", html);
  }

  @Test
  void escapesTextInsideMarks() {
    String content = "x <y> z";
    String html = new Snippets().format(new Passage[] {passage(0, 7, 2, 5)}, content);
    assertEquals("x <mark>&lt;y&gt;</mark> z", html);
  }

  @Test
  void overlappingMatchesShareOneMark() {
    String content = "electric vehicle news";
    String html = new Snippets().format(new Passage[] {passage(0, 21, 0, 8, 0, 16)}, content);
    assertEquals("<mark>electric vehicle</mark> news", html);
  }

  @Test
  void gapsBetweenPassagesShowAnEllipsis() {
    String content = "One. Two renault. Three. Four renault. Five.";
    String html =
        new Snippets()
            .format(new Passage[] {passage(5, 17, 9, 16), passage(25, 38, 30, 37)}, content);
    assertEquals("… Two <mark>renault</mark>. … Four <mark>renault</mark>. …", html);
  }

  @Test
  void leadCutsLongTextAtAWordAndEscapes() {
    String text = "<p> " + "word ".repeat(100);
    String lead = ArticleViews.lead(text);
    assertTrue(lead.startsWith("&lt;p&gt; word word"), lead);
    assertTrue(lead.endsWith(" …"), lead);
    assertTrue(lead.length() <= ArticleViews.FALLBACK_LENGTH + 10, lead);
  }
}
