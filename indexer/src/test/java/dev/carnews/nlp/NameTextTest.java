package dev.carnews.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 11: names as people write them. */
class NameTextTest {

  @Test
  void whitespaceOfAnyKindBecomesOneSpace() {
    assertEquals("Lee Iacocca", NameText.clean("Lee\nIacocca"));
    assertEquals("Lee Iacocca", NameText.clean("Lee\t\u00a0 Iacocca"));
    assertEquals("Lee Iacocca", NameText.clean("  Lee   Iacocca \r\n"));
  }

  @Test
  void surroundingPunctuationAndBracketsGo() {
    assertEquals("Roger Smith", NameText.clean("(Roger Smith),"));
    assertEquals("Roger", NameText.clean("Roger)"));
    assertEquals("Jean-Claude Killy", NameText.clean("\"Jean-Claude Killy\"."));
  }

  @Test
  void theDotOfAFinalInitialStays() {
    assertEquals("Robert L.", NameText.clean("Robert L."));
    assertEquals("J.R. Halvorsen", NameText.clean("J.R. Halvorsen."));
    assertEquals("Sammy Davis Jr.", NameText.clean("Sammy Davis Jr."));
    assertEquals("Ford", NameText.clean("Ford."));
  }

  @Test
  void theSpanIsTrimmedWithTheName() {
    String text = "said (Roger\nSmith), and";
    int[] span = NameText.trim(text, 5, 18);
    assertEquals("Roger\nSmith", text.substring(span[0], span[1]));
    assertEquals("Roger Smith", NameText.of(text, 5, 18));
  }
}
