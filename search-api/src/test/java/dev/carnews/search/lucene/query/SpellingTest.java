package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The edit distance behind spelling corrections. */
class SpellingTest {

  @Test
  void swappedNeighboursAreOneEdit() {
    assertEquals(1, Spelling.edits("renualt", "renault"));
    assertEquals(1, Spelling.edits("oill", "oil"));
    assertEquals(1, Spelling.edits("oill", "oild"));
    assertEquals(2, Spelling.edits("corola", "carolla"));
    assertEquals(0, Spelling.edits("ford", "ford"));
    assertEquals(4, Spelling.edits("", "ford"));
  }
}
