package dev.carnews.search.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CollapsedWhitespaceTest {

  @Test
  void collapsesAsTheRegularExpressionThenStripDid() {
    List<String> texts =
        List.of(
            "",
            " ",
            "plain",
            "two  spaces",
            "\tleading tab and trailing newline\n",
            "line\r\nbreaks\n\n\nand\u000Bvertical\ftabs",
            "\u3000ideographic space stays inside\u3000but not at the ends\u3000",
            "no-break\u00A0space kept, em\u2003space kept",
            " \u2003 \u2003 x \u2003 ",
            "<mark>Kia</mark>  recalls\n vans");
    for (String text : texts) {
      assertEquals(text.replaceAll("\\s+", " ").strip(), ArticleViews.collapsed(text), text);
    }
    Random random = new Random(5);
    char[] alphabet = {
      'a', 'B', ' ', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2003', '\u3000', '\u001C',
      'é'
    };
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      assertEquals(s.replaceAll("\\s+", " ").strip(), ArticleViews.collapsed(s), s);
      assertEquals(s.replaceAll("\\s+", " ").strip(), ArticleViews.collapsed(text), s);
    }
  }
}
