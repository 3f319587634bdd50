package dev.carnews.search.lucene.hits;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;

/**
 * A break iterator that finds its base's boundaries once, reading the text forward only as far as
 * it is asked about, and answers {@link #following} and {@link #preceding} from what it found.
 *
 * <p>The highlighter asks for the sentence before and after each matched word, in text order. The
 * JDK's sentence iterator answers each {@code preceding} by stepping back to a safe point with its
 * reverse rules and reading forward again from there, so the same sentences were read over and
 * over: that was the hottest code of a search. The boundaries of one forward pass are the ones the
 * JDK's own {@code following} and {@code preceding} answer, so the passages are the same.
 */
final class ForwardBreaks extends BreakIterator {

  private final BreakIterator base;
  private int[] breaks = new int[16];

  /** How many boundaries are known: {@code breaks[0..known)}, in order. */
  private int known;

  /** Whether the base has read to the end of the text (every boundary is known). */
  private boolean complete;

  /** The index in {@code breaks} of the current boundary. */
  private int current;

  ForwardBreaks(BreakIterator base) {
    this.base = base;
    restart();
  }

  @Override
  public void setText(String text) {
    base.setText(text);
    restart();
  }

  @Override
  public void setText(CharacterIterator text) {
    base.setText(text);
    restart();
  }

  private void restart() {
    known = 0;
    complete = false;
    current = 0;
    breaks[known++] = base.first();
  }

  @Override
  public CharacterIterator getText() {
    return base.getText();
  }

  @Override
  public int current() {
    return breaks[current];
  }

  @Override
  public int first() {
    current = 0;
    return breaks[0];
  }

  @Override
  public int last() {
    readPast(Integer.MAX_VALUE);
    current = known - 1;
    return breaks[current];
  }

  @Override
  public int next() {
    if (current + 1 == known) {
      readOne();
    }
    if (current + 1 == known) {
      return DONE;
    }
    return breaks[++current];
  }

  @Override
  public int next(int n) {
    int result = current();
    for (; n > 0 && result != DONE; n--) {
      result = next();
    }
    for (; n < 0 && result != DONE; n++) {
      result = previous();
    }
    return result;
  }

  @Override
  public int previous() {
    if (current == 0) {
      return DONE;
    }
    return breaks[--current];
  }

  /** The first boundary after {@code offset}, {@link #DONE} when {@code offset} is the last. */
  @Override
  public int following(int offset) {
    checkOffset(offset);
    readPast(offset);
    int at = firstAfter(offset);
    if (at == known) {
      current = known - 1;
      return DONE;
    }
    current = at;
    return breaks[at];
  }

  /** The last boundary before {@code offset}, {@link #DONE} when {@code offset} is the first. */
  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    readPast(offset - 1);
    int at = firstAfter(offset - 1) - 1;
    if (at < 0) {
      current = 0;
      return DONE;
    }
    current = at;
    return breaks[at];
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    readPast(offset);
    int at = Arrays.binarySearch(breaks, 0, known, offset);
    if (at >= 0) {
      current = at;
      return true;
    }
    following(offset);
    return false;
  }

  /** A copy at the same boundary; it reads the text again from the start, as far as asked. */
  @Override
  public Object clone() {
    ForwardBreaks copy = new ForwardBreaks((BreakIterator) base.clone());
    copy.setText((CharacterIterator) getText().clone());
    copy.readPast(breaks[current] - 1);
    copy.current = current;
    return copy;
  }

  /** Reads boundaries until one after {@code offset} is known or the text ends. */
  private void readPast(int offset) {
    while (!complete && breaks[known - 1] <= offset) {
      readOne();
    }
  }

  private void readOne() {
    if (complete) {
      return;
    }
    int next = base.next();
    if (next == DONE) {
      complete = true;
      return;
    }
    if (known == breaks.length) {
      breaks = Arrays.copyOf(breaks, known * 2);
    }
    breaks[known++] = next;
  }

  /** The index of the first known boundary after {@code offset}, {@code known} if none. */
  private int firstAfter(int offset) {
    int at = Arrays.binarySearch(breaks, 0, known, offset);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /** As the JDK's iterators: an offset outside the text is the caller's error. */
  private void checkOffset(int offset) {
    CharacterIterator text = base.getText();
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text");
    }
  }
}
