package dev.carnews.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

/** {@link NewsAnalyzers#nameKey()} and {@link NameKeys#key(String)}: one folded key per name. */
public class NameKeysTest extends BaseTokenStreamTestCase {

  private Analyzer analyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer = NewsAnalyzers.nameKey();
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testCaseAccentsAndSpacingShareOneKey() throws Exception {
    assertAnalyzesTo(
        analyzer,
        " François \t Provost ",
        new String[] {"francois provost"},
        new int[] {0},
        new int[] {20});
    assertEquals("francois provost", NameKeys.key("François Provost"));
    assertEquals("francois provost", NameKeys.key("FRANCOIS PROVOST"));
    assertEquals("francois provost", NameKeys.key("francois  provost "));
    assertEquals("francois provost", NameKeys.key("Fran\u0441ois Provost".replace('\u0441', 'ç')));
    assertEquals("francois provost", NameKeys.key("François\u00A0Provost"));
  }

  public void testTypographicApostrophesAndDashesBecomeAscii() {
    assertEquals("o'neill", NameKeys.key("O’Neill"));
    assertEquals("o'neill", NameKeys.key("O'Neill"));
    assertEquals("mercedes-benz", NameKeys.key("Mercedes–Benz"));
    assertEquals("mercedes-benz", NameKeys.key("Mercedes‑Benz"));
  }

  public void testBlankNameHasEmptyKey() {
    assertEquals("", NameKeys.key(""));
    assertEquals("", NameKeys.key(" \t\n"));
  }

  public void testNullNameIsRejected() {
    expectThrows(NullPointerException.class, () -> NameKeys.key(null));
  }

  public void testKeyAgreesWithAnalyzerOnRandomStrings() throws IOException {
    Random random = random();
    for (int i = 0; i < 1000 * RANDOM_MULTIPLIER; i++) {
      String name = randomName(random);
      List<String> tokens = tokens(name);
      assertEquals("one token for " + name, 1, tokens.size());
      assertEquals(name, tokens.get(0), NameKeys.key(name));
    }
  }

  public void testKeyIsStableUnderRekeying() {
    Random random = random();
    for (int i = 0; i < 1000 * RANDOM_MULTIPLIER; i++) {
      String key = NameKeys.key(randomName(random));
      assertEquals(key, NameKeys.key(key));
    }
  }

  public void testRandomData() throws Exception {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  private static String randomName(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return TestUtil.randomUnicodeString(random, 40);
      case 1:
        return TestUtil.randomRealisticUnicodeString(random, 40);
      case 2:
        return TestUtil.randomSimpleString(random, 40);
      default:
        String[] parts = {
          "François", " ", "\u00A0", "PROVOST", "’", "–", "Ñ", "ß", "\t", "de", "Ø"
        };
        StringBuilder name = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
          name.append(parts[random.nextInt(parts.length)]);
        }
        return name.toString();
    }
  }

  private List<String> tokens(String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("key", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
