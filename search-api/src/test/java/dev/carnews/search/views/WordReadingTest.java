package dev.carnews.search.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.search.SearchMode;
import dev.carnews.search.lucene.query.TextQueries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 on SolrCloud: both backends read a query's words by one rule. The local index applies it
 * in {@link TextQueries#firstReading}, SolrCloud through {@link WordReading}; this test holds the
 * two together, so a change to one that the other misses fails here.
 */
class WordReadingTest {

  private static final NameLexicon.Reading NOTHING = NameLexicon.Reading.NONE;
  private static final NameLexicon.Reading RENAULT =
      new NameLexicon.Reading(
          List.of(new NameLexicon.Known("brand", "Renault", "renault", 3, 0)), List.of());

  private static final List<String> QUERIES =
      List.of(
          "",
          "renault",
          "battery plant",
          "renault battery",
          "cx5 review",
          "electric battery plant",
          "which carmaker is building a new battery factory",
          "\"electric platform\" renault",
          "hybrid -nissan",
          "electric | hybrid",
          "batt* plant",
          "two words");

  @Test
  void readsEveryQueryAsTheLocalIndexDoes() {
    for (String q : QUERIES) {
      for (SearchMode mode : SearchMode.values()) {
        for (NameLexicon.Reading named : List.of(NOTHING, RENAULT)) {
          boolean local = TextQueries.firstReading(q, mode, named) == TextQueries.Match.SOME;
          assertEquals(local, WordReading.anyWord(q, mode, named), q + " " + mode + " " + named);
        }
      }
    }
  }

  @Test
  void threeWordsOrTwoThatNameNothingMatchAnyWord() {
    assertTrue(WordReading.anyWord("electric battery plant", SearchMode.KEYWORD, NOTHING));
    assertTrue(WordReading.anyWord("battery plant", SearchMode.KEYWORD, NOTHING));
    assertFalse(WordReading.anyWord("renault battery", SearchMode.KEYWORD, RENAULT));
    assertFalse(WordReading.anyWord("cx5 review", SearchMode.KEYWORD, NOTHING));
    assertFalse(WordReading.anyWord("renault", SearchMode.KEYWORD, NOTHING));
    assertFalse(WordReading.anyWord("hybrid -nissan", SearchMode.KEYWORD, NOTHING));
    // A hybrid search's sentence needs every word on the words' side; a shorter query does not.
    String sentence = "which carmaker is building a new battery factory";
    assertTrue(WordReading.anyWord(sentence, SearchMode.KEYWORD, NOTHING));
    assertFalse(WordReading.anyWord(sentence, SearchMode.HYBRID, NOTHING));
    assertTrue(WordReading.anyWord("electric battery plant", SearchMode.HYBRID, NOTHING));
  }

  @Test
  void commonWordsAreThoseInMoreThanHalfTheArticles() {
    assertFalse(WordReading.isCommon(3, 7));
    assertTrue(WordReading.isCommon(4, 7));
    assertFalse(WordReading.isCommon(50, 100));
    assertTrue(WordReading.isCommon(51, 100));
    assertEquals(1, WordReading.commonRequired(1));
    assertEquals(1, WordReading.commonRequired(2));
    assertEquals(2, WordReading.commonRequired(3));
    assertEquals(3, WordReading.commonRequired(5));
  }

  @Test
  void onlyLongAllLetterWordsMayBeMisspelt() {
    assertTrue(WordReading.mayBeMisspelt("electrik"));
    assertFalse(WordReading.mayBeMisspelt("evs"));
    assertFalse(WordReading.mayBeMisspelt("id.4"));
    assertEquals(
        List.of("\"electric platform\"", "renault"),
        WordReading.wordsOf("\"electric platform\" renault"));
  }
}
