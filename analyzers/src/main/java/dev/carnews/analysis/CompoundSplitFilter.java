package dev.carnews.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits compound tokens into their parts, one position each: at joiners ({@code _} and hyphens)
 * and where letters meet digits. {@code CX_5}, {@code CX-5} and {@code CX5} all become {@code CX},
 * {@code 5}, exactly what the two words {@code CX 5} give, so every spelling of a model code meets
 * the others at the same positions and phrase queries see one canonical form.
 *
 * <p>Each part carries {@link #PART_FLAG}; parts after the first also carry {@link
 * #CONTINUATION_FLAG}. {@link CompoundCatenateFilter}, placed later in the chain, uses those flags
 * to add the joined form ({@code cx5}) spanning the parts. Splitting and joining are two filters so
 * that a {@code SynonymGraphFilter}, which cannot read a token graph, can run between them on the
 * still linear stream.
 *
 * <p>The output is linear: no stacked tokens and no position lengths other than one. Offsets of
 * parts point at the part inside the original token when the token's text is no longer than its
 * offsets span (upstream filters kept it, or only removed a suffix); otherwise every part gets the
 * whole token's offsets, which is still valid for highlighting. Characters that are neither
 * letters, digits nor joiners (apostrophes, dots in {@code 3.5}, combining marks) stay inside their
 * part, so possessives and decimal numbers pass through. A final "s" after digits is a plural, not
 * a part: {@code F150s} gives {@code F}, {@code 150}, and {@code 1990s} stays whole.
 */
public final class CompoundSplitFilter extends TokenFilter {

  /** Flag bit set on every part of a split compound. */
  public static final int PART_FLAG = 1 << 8;

  /** Flag bit set on the parts of a split compound after the first. */
  public static final int CONTINUATION_FLAG = 1 << 9;

  private static final int OTHER = 0;
  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int JOINER = 3;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);

  private char[] text = new char[16];
  private int[] partStarts = new int[8];
  private int[] partEnds = new int[8];
  private int partCount;
  private int nextPart;

  /** End (in the term) of a plural "s" dropped after the last part, or -1. */
  private int pluralEnd = -1;

  private int tokenStart;
  private int tokenEnd;
  private boolean exactOffsets;
  private int baseFlags;
  private State state;
  private int trailingPositions;

  /** Splits the compounds of {@code input}. */
  public CompoundSplitFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextPart < partCount) {
      restoreState(state);
      emitPart(nextPart++, 1);
      return true;
    }
    int skippedPositions = 0;
    while (input.incrementToken()) {
      findParts();
      if (partCount == 0) {
        // A token of joiners only: drop it but keep its position, as FilteringTokenFilter does.
        skippedPositions += posIncAtt.getPositionIncrement();
        continue;
      }
      int positionIncrement = posIncAtt.getPositionIncrement() + skippedPositions;
      if (partCount == 1 && partStarts[0] == 0 && partEnds[0] == termAtt.length()) {
        partCount = 0;
        posIncAtt.setPositionIncrement(positionIncrement);
        return true;
      }
      baseFlags = flagsAtt.getFlags();
      tokenStart = offsetAtt.startOffset();
      tokenEnd = offsetAtt.endOffset();
      exactOffsets = tokenEnd - tokenStart >= termAtt.length();
      state = captureState();
      nextPart = 1;
      emitPart(0, positionIncrement);
      return true;
    }
    trailingPositions = skippedPositions;
    return false;
  }

  private void findParts() {
    int length = termAtt.length();
    if (text.length < length) {
      text = new char[length];
    }
    System.arraycopy(termAtt.buffer(), 0, text, 0, length);
    partCount = 0;
    nextPart = 0;
    pluralEnd = -1;
    int partStart = -1;
    int previousClass = JOINER;
    int i = 0;
    while (i < length) {
      int codePoint = Character.codePointAt(text, i, length);
      int charCount = Character.charCount(codePoint);
      int charClass = classOf(codePoint);
      if (charClass == JOINER) {
        if (partStart >= 0) {
          addPart(partStart, i);
          partStart = -1;
        }
      } else if (partStart < 0) {
        partStart = i;
      } else if (charClass != OTHER && previousClass != OTHER && charClass != previousClass) {
        addPart(partStart, i);
        partStart = i;
      }
      previousClass = charClass;
      i += charCount;
    }
    if (partStart >= 0) {
      addPart(partStart, length);
    }
    if (partCount >= 2 && isPluralS(partCount - 1) && isDigits(partCount - 2)) {
      if (partCount == 2) {
        // "1990s": a number's plural, not a compound.
        partCount = 1;
        partEnds[0] = partEnds[1];
      } else {
        // "F150s": the plural of the compound; the last number part keeps the "s" in its offsets.
        partCount--;
        pluralEnd = partEnds[partCount];
      }
    }
  }

  private boolean isPluralS(int part) {
    return partEnds[part] - partStarts[part] == 1
        && (text[partStarts[part]] == 's' || text[partStarts[part]] == 'S')
        && partStarts[part] == partEnds[part - 1];
  }

  private boolean isDigits(int part) {
    return Character.isDigit(Character.codePointBefore(text, partEnds[part]));
  }

  private static int classOf(int codePoint) {
    if (codePoint == '_' || codePoint == '-' || codePoint == 0x2010 || codePoint == 0x2011) {
      return JOINER;
    }
    if (Character.isDigit(codePoint)) {
      return DIGIT;
    }
    return Character.isLetter(codePoint) ? LETTER : OTHER;
  }

  private void addPart(int start, int end) {
    if (partCount == partStarts.length) {
      partStarts = Arrays.copyOf(partStarts, partCount * 2);
      partEnds = Arrays.copyOf(partEnds, partCount * 2);
    }
    partStarts[partCount] = start;
    partEnds[partCount] = end;
    partCount++;
  }

  private void emitPart(int part, int positionIncrement) {
    int start = partStarts[part];
    int end = partEnds[part];
    termAtt.copyBuffer(text, start, end - start);
    if (exactOffsets) {
      int offsetEnd = part == partCount - 1 && pluralEnd > 0 ? pluralEnd : end;
      offsetAtt.setOffset(tokenStart + start, tokenStart + offsetEnd);
    } else {
      offsetAtt.setOffset(tokenStart, tokenEnd);
    }
    posIncAtt.setPositionIncrement(positionIncrement);
    int flags = baseFlags;
    if (partCount > 1) {
      flags |= PART_FLAG;
      if (part > 0) {
        flags |= CONTINUATION_FLAG;
      }
    }
    flagsAtt.setFlags(flags);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    partCount = 0;
    nextPart = 0;
    state = null;
    trailingPositions = 0;
  }

  @Override
  public void end() throws IOException {
    super.end();
    posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + trailingPositions);
  }
}
