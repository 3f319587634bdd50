package dev.carnews.search.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      for (NameLexicon.Reading named : List.of(NOTHING, RENAULT)) {
        boolean local = TextQueries.firstReading(q, named) == TextQueries.Match.SOME;
        assertEquals(local, WordReading.anyWord(q, named), q + " " + named);
      }
    }
  }

  @Test
  void threeWordsOrTwoThatNameNothingMatchAnyWord() {
    assertTrue(WordReading.anyWord("electric battery plant", NOTHING));
    assertTrue(WordReading.anyWord("battery plant", NOTHING));
    assertFalse(WordReading.anyWord("renault battery", RENAULT));
    assertFalse(WordReading.anyWord("cx5 review", NOTHING));
    assertFalse(WordReading.anyWord("renault", NOTHING));
    assertFalse(WordReading.anyWord("hybrid -nissan", NOTHING));
    // A sentence is read as any word too, and its hybrid search fuses by scores.
    String sentence = "which carmaker is building a new battery factory";
    assertTrue(WordReading.anyWord(sentence, NOTHING));
    assertTrue(WordReading.isSentence(sentence));
    assertFalse(WordReading.isSentence("electric battery plant"));
    assertFalse(WordReading.isSentence("\"which carmaker is building\" a new factory"));
  }

  @Test
  void functionWordsAreToldByTheWordWhateverItsCase() {
    assertTrue(WordReading.isFunctionWord("or"));
    assertTrue(WordReading.isFunctionWord("The"));
    assertFalse(WordReading.isFunctionWord("diesel"));
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
