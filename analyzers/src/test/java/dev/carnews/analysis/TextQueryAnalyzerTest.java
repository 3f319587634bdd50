package dev.carnews.analysis;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** {@link NewsAnalyzers#textQuery()}: car synonyms as a query graph, together with model codes. */
public class TextQueryAnalyzerTest extends BaseTokenStreamTestCase {

  private Analyzer analyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer = NewsAnalyzers.textQuery();
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testElectricVehicleAndEvAreSynonyms() throws Exception {
    assertGraphStrings(analyzer, "electric vehicles", "ev", "electric vehicle", "electric car");
    assertGraphStrings(analyzer, "EV", "ev", "electric vehicle", "electric car");
  }

  public void testSuvExpandsToItsLongForm() throws Exception {
    assertGraphStrings(analyzer, "SUVs", "suv", "sport utility vehicle");
  }

  public void testHyphenatedSynonymKeepsItsJoinedForm() throws Exception {
    assertGraphStrings(
        analyzer,
        "plug-in hybrid",
        "phev",
        "plug in hybrid",
        "plugin hybrid",
        "plug in hybrid electric vehicle");
    assertGraphStrings(analyzer, "pick-up", "ute", "pickup", "pick up", "pickup truck");
  }

  public void testModelCodeInsideSynonymGraph() throws Exception {
    assertGraphStrings(
        analyzer,
        "4WD ute",
        "4 wd ute",
        "4wd ute",
        "awd ute",
        "all wheel drive ute",
        "four wheel drive ute",
        "4 wd pickup",
        "4wd pickup",
        "awd pickup",
        "all wheel drive pickup",
        "four wheel drive pickup",
        "4 wd pick up",
        "4wd pick up",
        "awd pick up",
        "all wheel drive pick up",
        "four wheel drive pick up",
        "4 wd pickup truck",
        "4wd pickup truck",
        "awd pickup truck",
        "all wheel drive pickup truck",
        "four wheel drive pickup truck");
  }

  public void testTextWithoutSynonymsIsAnalyzedLikeTheIndex() throws Exception {
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

  public void testCustomSynonymRules() throws Exception {
    try (Analyzer custom = NewsAnalyzers.textQuery(new StringReader("ice, combustion engine\n"))) {
      assertGraphStrings(custom, "ICE", "ice", "combustion engine");
      assertGraphStrings(custom, "EV", "ev");
    }
  }

  public void testMalformedSynonymRulesAreRejected() throws IOException {
    IllegalArgumentException e =
        expectThrows(
            IllegalArgumentException.class,
            () -> NewsAnalyzers.textQuery(new StringReader("ev => \n")));
    assertTrue(e.getMessage(), e.getMessage().startsWith("Bad synonym rules"));
  }

  public void testRandomText() throws Exception {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomCompounds() throws Exception {
    for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
      checkAnalysisConsistency(
          random(), analyzer, random().nextBoolean(), Compounds.random(random()));
    }
  }
}
