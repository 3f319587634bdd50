package dev.carnews.search.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArticleTextTest {

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
    }
  }

  @Test
  void escapesMarkupCharactersAndCopiesTheRestOfTheRange() {
    Random random = new Random(9);
    char[] alphabet = {'a', 'Z', ' ', '&', '<', '>', '"', '\'', 'é', '€', ';'};
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(25); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      int from = random.nextInt(s.length() + 3);
      int to = from + random.nextInt(s.length() + 3);
      StringBuilder expected = new StringBuilder("x");
      for (int i = from; i < to && i < s.length(); i++) {
        char c = s.charAt(i);
        expected.append(
            switch (c) {
              case '&' -> "&amp;";
              case '<' -> "&lt;";
              case '>' -> "&gt;";
              case '"' -> "&quot;";
              case '\'' -> "&#39;";
              default -> String.valueOf(c);
            });
      }
      StringBuilder out = new StringBuilder("x");
      ArticleViews.escape(s, from, to, out);
      assertEquals(expected.toString(), out.toString(), s + " " + from + ".." + to);
    }
    assertEquals(
        "Kia &amp; &lt;b&gt;VW&#39;s &quot;ID&quot;", ArticleViews.escape("Kia & <b>VW's \"ID\""));
  }
}
