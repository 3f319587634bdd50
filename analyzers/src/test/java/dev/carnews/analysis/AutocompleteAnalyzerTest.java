package dev.carnews.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** {@link NewsAnalyzers#autocomplete()} and {@link NewsAnalyzers#autocompleteQuery()}. */
public class AutocompleteAnalyzerTest extends BaseTokenStreamTestCase {

  public void testIndexSideGivesFoldedPrefixesOfEachWord() throws Exception {
    try (Analyzer analyzer = NewsAnalyzers.autocomplete()) {
      assertAnalyzesTo(
          analyzer,
          "Citroën's Ami",
          new String[] {"c", "ci", "cit", "citr", "citro", "citroe", "citroen", "a", "am", "ami"},
          new int[] {0, 0, 0, 0, 0, 0, 0, 10, 10, 10},
          new int[] {9, 9, 9, 9, 9, 9, 9, 13, 13, 13},
          new int[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0});
    }
  }

  public void testWordsLongerThanTheLongestPrefixAreAlsoKeptWhole() throws Exception {
    String word = "abcdefghijklmnopqrstuvwxyz";
    try (Analyzer analyzer = NewsAnalyzers.autocomplete()) {
      String[] expected = new String[NewsAnalyzers.AUTOCOMPLETE_MAX_PREFIX + 1];
      for (int i = 0; i < NewsAnalyzers.AUTOCOMPLETE_MAX_PREFIX; i++) {
        expected[i] = word.substring(0, i + 1);
      }
      expected[NewsAnalyzers.AUTOCOMPLETE_MAX_PREFIX] = word;
      assertAnalyzesTo(analyzer, word.toUpperCase(java.util.Locale.ROOT), expected);
    }
  }

  public void testQuerySideFoldsWithoutPrefixes() throws Exception {
    try (Analyzer analyzer = NewsAnalyzers.autocompleteQuery()) {
      assertAnalyzesTo(analyzer, "Citroën AMI", new String[] {"citroen", "ami"});
      assertAnalyzesTo(analyzer, "Citr", new String[] {"citr"});
    }
  }

  public void testRandomData() throws Exception {
    try (Analyzer index = NewsAnalyzers.autocomplete();
        Analyzer query = NewsAnalyzers.autocompleteQuery()) {
      checkRandomData(random(), index, 100 * RANDOM_MULTIPLIER);
      checkRandomData(random(), query, 100 * RANDOM_MULTIPLIER);
    }
  }
}
