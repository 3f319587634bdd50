package dev.carnews.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** The compound filters as Solr would load them: by SPI name. */
public class CompoundFilterFactoriesTest extends BaseTokenStreamTestCase {

  private static Analyzer solrStyleChain() {
    TokenFilterFactory split = TokenFilterFactory.forName("compoundSplit", new HashMap<>());
    TokenFilterFactory catenate = TokenFilterFactory.forName("compoundCatenate", new HashMap<>());
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        return new TokenStreamComponents(source, catenate.create(split.create(source)));
      }
    };
  }

  public void testFactoriesAreFoundByName() {
    assertEquals(CompoundSplitFilterFactory.class, TokenFilterFactory.lookupClass("compoundSplit"));
    assertEquals(
        CompoundCatenateFilterFactory.class, TokenFilterFactory.lookupClass("compoundCatenate"));
  }

  public void testHyphensSplitWithoutCharFilter() throws Exception {
    try (Analyzer analyzer = solrStyleChain()) {
      assertAnalyzesTo(
          analyzer,
          "new CX-5 and F-150",
          new String[] {"new", "CX", "CX5", "5", "and", "F", "F150", "150"},
          new int[] {0, 4, 4, 7, 9, 13, 13, 15},
          new int[] {3, 6, 8, 8, 12, 14, 18, 18},
          null,
          new int[] {1, 1, 0, 1, 1, 1, 0, 1},
          new int[] {1, 1, 2, 1, 1, 1, 2, 1});
    }
  }

  public void testTokenOfJoinersOnlyIsDroppedKeepingItsPosition() throws Exception {
    try (Analyzer analyzer = solrStyleChain()) {
      assertAnalyzesTo(
          analyzer, "a -- b", new String[] {"a", "b"}, null, null, null, new int[] {1, 2}, null);
      assertAnalyzesTo(
          analyzer, "a b-", new String[] {"a", "b"}, new int[] {0, 2}, new int[] {1, 3});
    }
  }

  public void testUnknownArgumentsAreRejected() {
    Map<String, String> args = new HashMap<>();
    args.put("catenateAll", "1");
    expectThrows(IllegalArgumentException.class, () -> new CompoundSplitFilterFactory(args));
  }

  public void testCatenateIgnoresTokensThatAreNotParts() throws Exception {
    try (Analyzer analyzer =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new WhitespaceTokenizer();
            TokenStream stream = new CompoundCatenateFilter(source);
            return new TokenStreamComponents(source, stream);
          }
        }) {
      assertAnalyzesTo(analyzer, "cx 5", new String[] {"cx", "5"});
    }
  }

  public void testChainBuiltFromSpiNamesAnalyzesLikeText() throws Exception {
    try (Analyzer byName =
            CustomAnalyzer.builder()
                .addCharFilter("compoundJoin")
                .withTokenizer("standard")
                .addTokenFilter("compoundSplit")
                .addTokenFilter("englishPossessive")
                .addTokenFilter("lowercase")
                .addTokenFilter("asciiFolding")
                .addTokenFilter("englishMinimalStem")
                .addTokenFilter("compoundCatenate")
                .build();
        Analyzer text = NewsAnalyzers.text()) {
      String input = "Citroën's CX-5, e-tron and ID.4 rivals: F150s and RAV-4 cars";
      assertAnalyzesTo(
          byName,
          input,
          new String[] {
            "citroen", "cx", "cx5", "5", "e", "etron", "tron", "and", "id", "id4", "4", "rival",
            "f", "f150", "150", "and", "rav", "rav4", "4", "car"
          });
      for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
        String random = Compounds.random(random()).replace("Renault's", "Renault");
        assertEquals(random, tokens(text, random), tokens(byName, random));
      }
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }

  public void testRandomData() throws Exception {
    try (Analyzer analyzer = solrStyleChain()) {
      checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
      for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
        checkAnalysisConsistency(
            random(), analyzer, random().nextBoolean(), Compounds.random(random()));
      }
    }
  }
}
