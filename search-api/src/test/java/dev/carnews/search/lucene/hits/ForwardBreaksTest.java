package dev.carnews.search.lucene.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.junit.jupiter.api.Test;

class ForwardBreaksTest {

  /** Ordinary news sentences: the JDK's reverse rules agree with its forward ones here. */
  private static final List<String> PLAIN =
      List.of(
          "",
          "One sentence without an end",
          "The carmaker said on Monday it would cut 1,200 jobs. Shares rose 3.5% in Paris.",
          "Mr. Weber of the unit said: \"We will build it.\" Then he left... Why? Nobody knows!",
          "First line\nsecond line without a stop\n\nA new paragraph. (An aside.) 'Quoted.' End",
          "  Leading spaces.   Trailing spaces.   ",
          "Électrique, c'est l'avenir. Ça roule. Straße? Ja. 電気自動車。売れた。");

  /** Texts where the JDK's reverse rules find breaks its forward rules do not ("vs. $38bn"). */
  private static final List<String> TRICKY =
      List.of(
          "Prices: $40.5bn vs. $38bn. e.g. the i.d.4 and the ID. Buzz! Are they? Yes. ",
          "A.B.C. D.E.F. G. h. i? j! k; l: m, n. O",
          "Bankruptcy code. --- NEW YORK - A bid ended. --- LONDON - Shares fell.",
          randomText(new Random(7), 2_000),
          randomText(new Random(11), 500));

  @Test
  void answersEveryOffsetFromTheJdksForwardBoundaries() {
    for (String text : concat(PLAIN, TRICKY)) {
      List<Integer> forwardWalk = forwardWalk(text);
      ForwardBreaks forward = forwardOver(text);
      for (int offset = 0; offset <= text.length(); offset++) {
        int after = BreakIterator.DONE;
        int before = BreakIterator.DONE;
        for (int b : forwardWalk) {
          if (b > offset && after == BreakIterator.DONE) {
            after = b;
          }
          if (b < offset) {
            before = b;
          }
        }
        assertEquals(after, forward.following(offset), text + " following " + offset);
        assertEquals(before, forward.preceding(offset), text + " preceding " + offset);
      }
    }
  }

  @Test
  void answersOrdinaryTextAsTheJdksSentenceIteratorDoes() {
    for (String text : PLAIN) {
      for (int offset = 0; offset <= text.length(); offset++) {
        ForwardBreaks forward = forwardOver(text);
        assertEquals(
            sentences(text).following(offset), forward.following(offset), text + " " + offset);
        assertEquals(
            sentences(text).preceding(offset), forward.preceding(offset), text + " " + offset);
      }
    }
  }

  @Test
  void startsNoPassageInsideAnAbbreviation() {
    // The JDK's preceding() steps back with reverse rules that break after "vs." here.
    String text = "The offer values it at $40.5bn vs. $38bn a year ago. Shares rose.";
    ForwardBreaks forward = forwardOver(text);
    assertEquals(0, forward.preceding(text.indexOf("$38bn") + 2));
    assertEquals(text.indexOf("Shares"), forward.following(text.indexOf("$38bn")));
  }

  @Test
  void walksTheSameBoundariesForwardAndBack() {
    for (String text : concat(PLAIN, TRICKY)) {
      List<Integer> forwardWalk = forwardWalk(text);
      ForwardBreaks forward = forwardOver(text);
      assertEquals(0, forward.first());
      for (int b : forwardWalk.subList(1, forwardWalk.size())) {
        assertEquals(b, forward.next(), text);
        assertEquals(b, forward.current(), text);
      }
      assertEquals(BreakIterator.DONE, forward.next());
      assertEquals(text.length(), forward.last());
      for (int i = forwardWalk.size() - 2; i >= 0; i--) {
        assertEquals(forwardWalk.get(i), forward.previous(), text);
      }
      assertEquals(BreakIterator.DONE, forward.previous());
      for (int offset = 0; offset <= text.length(); offset++) {
        assertEquals(forwardWalk.contains(offset), forward.isBoundary(offset), text);
      }
    }
  }

  @Test
  void givesTheHighlightersPassagesTheSameBoundsOnOrdinaryText() {
    // The highlighter's own use: a length goal over sentences, asked in text order, then again.
    for (String text : PLAIN) {
      BreakIterator jdk =
          LengthGoalBreakIterator.createClosestToLength(
              BreakIterator.getSentenceInstance(Locale.ROOT), 40, 0.5f);
      BreakIterator forward =
          LengthGoalBreakIterator.createClosestToLength(
              new ForwardBreaks(BreakIterator.getSentenceInstance(Locale.ROOT)), 40, 0.5f);
      for (int round = 0; round < 2; round++) {
        jdk.setText(text);
        forward.setText(text);
        for (int offset = 0; offset < text.length(); offset += 3) {
          assertEquals(jdk.preceding(offset + 1), forward.preceding(offset + 1), text);
          assertEquals(jdk.following(offset), forward.following(offset), text);
        }
      }
    }
  }

  @Test
  void aCopyGoesOnFromTheSameBoundary() {
    String text = PLAIN.get(3);
    List<Integer> forwardWalk = forwardWalk(text);
    ForwardBreaks forward = forwardOver(text);
    forward.next();
    forward.next();
    ForwardBreaks copy = (ForwardBreaks) forward.clone();
    assertEquals(forward.current(), copy.current());
    for (int b : forwardWalk.subList(3, forwardWalk.size())) {
      assertEquals(b, copy.next());
    }
    assertEquals(BreakIterator.DONE, copy.next());
    assertEquals(forwardWalk.get(3), forward.next());
  }

  @Test
  void refusesAnOffsetOutsideTheText() {
    ForwardBreaks forward = forwardOver("Short. Text.");
    assertThrows(IllegalArgumentException.class, () -> forward.following(13));
    assertThrows(IllegalArgumentException.class, () -> forward.preceding(-1));
  }

  /** The boundaries the JDK's sentence iterator finds walking forward from the start. */
  private static List<Integer> forwardWalk(String text) {
    BreakIterator jdk = sentences(text);
    List<Integer> walk = new ArrayList<>();
    for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
      walk.add(b);
    }
    return walk;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  /** Forward boundaries of the JDK's sentence iterator over {@code text}. */
  private static ForwardBreaks forwardOver(String text) {
    ForwardBreaks forward = new ForwardBreaks(BreakIterator.getSentenceInstance(Locale.ROOT));
    forward.setText(text);
    return forward;
  }

  private static BreakIterator sentences(String text) {
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    jdk.setText(text);
    return jdk;
  }

  /** Words, numbers, abbreviations and every kind of stop, newline and quote, mixed. */
  private static String randomText(Random random, int length) {
    String[] pieces = {
      "word", "Capital", "U.S.", "3.5", "Mr.", ". ", "? ", "! ", "... ", "\n", "\n\n", "\" ", "' ",
      ") ", " (", ", ", "; ", " ", " ", " ", "e.g.", "VW.", "é", "。"
    };
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
