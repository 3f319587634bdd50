package dev.carnews.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

/**
 * {@link CompoundJoinCharFilter} against a plain code-point reference and, on text without
 * surrogate pairs (where Java's look-behind sees only half a code point), the regular expression it
 * stands for.
 */
public class CompoundJoinCharFilterTest extends BaseTokenStreamTestCase {

  private static final Pattern SPEC =
      Pattern.compile(
          "(?<=[\\p{L}\\p{Nd}])[-\\u2010\\u2011](?=[\\p{L}\\p{Nd}])|(?<=\\p{L})\\.(?=\\p{Nd})");

  public void testJoinsModelCodesAndHyphenatedWords() throws IOException {
    assertEquals("CX_5, e_tron, ID_4, F_150", join("CX-5, e-tron, ID.4, F-150", 64));
    assertEquals("all_wheel drive, plug_in", join("all-wheel drive, plug\u2011in", 64));
  }

  public void testLeavesOtherDotsAndDashesAlone() throws IOException {
    assertEquals("3.5 litre - 10. 4-", join("3.5 litre - 10. 4-", 64));
    assertEquals("end. 4 and -5 and U.S.", join("end. 4 and -5 and U.S.", 64));
  }

  public void testMatchesItsRegularExpressionOnRandomText() throws IOException {
    Random random = random();
    for (int i = 0; i < 2000 * RANDOM_MULTIPLIER; i++) {
      String text = randomText(random);
      int chunk = 1 + random.nextInt(8);
      String joined = join(text, chunk);
      assertEquals(text, reference(text), joined);
      if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
        assertEquals(text, SPEC.matcher(text).replaceAll("_"), joined);
      }
    }
  }

  private static String reference(String text) {
    int[] codePoints = text.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      int previous = i > 0 ? codePoints[i - 1] : ' ';
      int next = i + 1 < codePoints.length ? codePoints[i + 1] : ' ';
      boolean hyphen =
          (c == '-' || c == 0x2010 || c == 0x2011)
              && Character.isLetterOrDigit(previous)
              && Character.isLetterOrDigit(next);
      boolean dot = c == '.' && Character.isLetter(previous) && Character.isDigit(next);
      out.appendCodePoint(hyphen || dot ? '_' : c);
    }
    return out.toString();
  }

  public void testFactoryIsFoundByName() throws IOException {
    CharFilterFactory factory = CharFilterFactory.forName("compoundJoin", new HashMap<>());
    try (Reader reader = factory.create(new StringReader("CX-5"))) {
      char[] out = new char[8];
      assertEquals(4, reader.read(out, 0, out.length));
      assertEquals("CX_5", new String(out, 0, 4));
    }
  }

  private static String randomText(Random random) {
    if (random.nextBoolean()) {
      return Compounds.random(random);
    }
    StringBuilder text = new StringBuilder();
    String[] pieces = {"-", ".", "\u2010", "\u2011", "a", "7", " ", "\uD801\uDC00", "\uD835\uDFCE"};
    for (int i = random.nextInt(20); i >= 0; i--) {
      if (random.nextInt(4) == 0) {
        text.append(TestUtil.randomUnicodeString(random, 3));
      } else {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
    }
    return text.toString();
  }

  /** Reads all of {@code text} through the filter, {@code chunk} chars per read call. */
  private static String join(String text, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Reader reader = new CompoundJoinCharFilter(new StringReader(text))) {
      char[] buffer = new char[chunk];
      for (int read = reader.read(buffer, 0, chunk);
          read >= 0;
          read = reader.read(buffer, 0, chunk)) {
        out.append(buffer, 0, read);
      }
    }
    return out.toString();
  }
}
