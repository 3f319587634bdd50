package dev.carnews.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** {@link NewsAnalyzers#text()}: model codes, possessives, accents, plurals, random input. */
public class TextAnalyzerTest extends BaseTokenStreamTestCase {

  private Analyzer analyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer = NewsAnalyzers.text();
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testHyphenatedModelCodeGivesPartsAndJoinedForm() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "Mazda CX-5 review",
        new String[] {"mazda", "cx", "cx5", "5", "review"},
        new int[] {0, 6, 6, 9, 11},
        new int[] {5, 8, 10, 10, 17},
        null,
        new int[] {1, 1, 0, 1, 1},
        new int[] {1, 1, 2, 1, 1});
  }

  public void testJoinedModelCodeSplitsAtLetterDigitBoundary() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "CX5",
        new String[] {"cx", "cx5", "5"},
        new int[] {0, 0, 2},
        new int[] {2, 3, 3},
        null,
        new int[] {1, 0, 1},
        new int[] {1, 2, 1});
  }

  public void testSpacedModelCodeGivesTheSameParts() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "cx 5",
        new String[] {"cx", "5"},
        new int[] {0, 3},
        new int[] {2, 4},
        null,
        new int[] {1, 1},
        new int[] {1, 1});
  }

  public void testHyphenatedWordGivesPartsAndJoinedForm() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "Audi e-tron quattro",
        new String[] {"audi", "e", "etron", "tron", "quattro"},
        new int[] {0, 5, 5, 7, 12},
        new int[] {4, 6, 11, 11, 19},
        null,
        new int[] {1, 1, 0, 1, 1},
        new int[] {1, 1, 2, 1, 1});
    assertAnalyzesTo(analyzer, "etron", new String[] {"etron"});
  }

  public void testDottedModelCodeIsOneCompound() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "VW ID.4 and ID4",
        new String[] {"vw", "id", "id4", "4", "and", "id", "id4", "4"},
        new int[] {0, 3, 3, 6, 8, 12, 12, 14},
        new int[] {2, 5, 7, 7, 11, 14, 15, 15},
        null,
        new int[] {1, 1, 0, 1, 1, 1, 0, 1},
        new int[] {1, 1, 2, 1, 1, 1, 2, 1});
  }

  public void testOtherModelCodesShareTheirForms() throws Exception {
    String[] rav4 = {"rav", "rav4", "4"};
    assertAnalyzesTo(analyzer, "RAV4", rav4);
    assertAnalyzesTo(analyzer, "RAV-4", rav4);
    String[] f150 = {"f", "f150", "150"};
    assertAnalyzesTo(analyzer, "F-150", f150, new int[] {0, 0, 2}, new int[] {1, 5, 5});
    assertAnalyzesTo(analyzer, "F150", f150);
    assertAnalyzesTo(analyzer, "Volvo EX30", new String[] {"volvo", "ex", "ex30", "30"});
    assertAnalyzesTo(analyzer, "Tesla Model 3", new String[] {"tesla", "model", "3"});
    assertAnalyzesTo(analyzer, "Model3", new String[] {"model", "model3", "3"});
  }

  public void testPluralOfModelCodeIsTheModelCode() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "F150s 1990s _1990s",
        // A number's plural is not split; the plural stemmer then treats it like any plural.
        new String[] {"f", "f150", "150", "1990", "1990"},
        new int[] {0, 0, 1, 6, 13},
        new int[] {1, 5, 5, 11, 18},
        null,
        new int[] {1, 0, 1, 1, 1},
        new int[] {1, 2, 1, 1, 1});
  }

  public void testDecimalNumbersStayWhole() throws Exception {
    assertAnalyzesTo(
        analyzer, "a 3.5 litre V6", new String[] {"a", "3.5", "litre", "v", "v6", "6"});
  }

  public void testPossessivesAreRemoved() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "Renault's plan, Renault’s plan",
        new String[] {"renault", "plan", "renault", "plan"},
        new int[] {0, 10, 16, 26},
        new int[] {9, 14, 25, 30});
    // The possessive of a model code leaves the code's parts intact.
    assertAnalyzesTo(analyzer, "e-tron's", new String[] {"e", "etron", "tron"});
  }

  public void testAccentsAreFoldedWithOriginalOffsets() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "Citroën boss Renée",
        new String[] {"citroen", "boss", "renee"},
        new int[] {0, 8, 13},
        new int[] {7, 12, 18});
    // The plural stemmer also trims the final "s" of a name; accented or not, the term is the same.
    assertAnalyzesTo(analyzer, "François", new String[] {"francoi"});
    assertAnalyzesTo(analyzer, "FRANCOIS", new String[] {"francoi"});
  }

  public void testPluralsAreStemmedButBrandNamesAreNot() throws Exception {
    assertAnalyzesTo(
        analyzer,
        "electric cars SUVs batteries",
        new String[] {"electric", "car", "suv", "battery"});
    assertAnalyzesTo(
        analyzer,
        "Mercedes Lexus Hyundai Kia Porsche Genesis Geely Haval Yaris news",
        new String[] {
          "mercedes",
          "lexus",
          "hyundai",
          "kia",
          "porsche",
          "genesis",
          "geely",
          "haval",
          "yaris",
          "news"
        });
  }

  public void testRandomText() throws Exception {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomLongText() throws Exception {
    checkRandomData(random(), analyzer, 10 * RANDOM_MULTIPLIER, 8192);
  }

  public void testRandomCompounds() throws Exception {
    for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
      checkAnalysisConsistency(
          random(), analyzer, random().nextBoolean(), Compounds.random(random()));
    }
  }
}
