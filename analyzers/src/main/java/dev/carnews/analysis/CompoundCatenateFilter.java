package dev.carnews.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Adds the joined form of each compound that {@link CompoundSplitFilter} split: after the parts
 * {@code cx}, {@code 5} comes {@code cx5}, stacked on the first part and spanning all parts
 * (position length = number of positions the parts cover). An index then holds both spellings, so a
 * query written {@code cx5} or {@code etron} finds text written {@code CX-5} or {@code e-tron}, and
 * a query analyzed by the same chain becomes a graph ({@code cx5} or {@code cx 5}) that Lucene's
 * {@code QueryBuilder} turns into a query matching either form, also inside phrases.
 *
 * <p>The filter only adds tokens; it never moves one. It is therefore safe after a {@code
 * SynonymGraphFilter}: synonym side paths keep their positions, and a joined token ends at the node
 * where the compound's last part ends. Indexing the output needs no {@code FlattenGraphFilter}: the
 * parts form the single linear chain and the joined token only spans it.
 *
 * <p>Parts are recognised by {@link CompoundSplitFilter#PART_FLAG} and {@link
 * CompoundSplitFilter#CONTINUATION_FLAG}; the joined term is made from the parts as they arrive
 * here, after case folding and stemming, so it matches the same word written without joiners.
 */
public final class CompoundCatenateFilter extends TokenFilter {

  private static final int PART_FLAGS =
      CompoundSplitFilter.PART_FLAG | CompoundSplitFilter.CONTINUATION_FLAG;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute posLenAtt = addAttribute(PositionLengthAttribute.class);
  private final FlagsAttribute flagsAtt = addAttribute(FlagsAttribute.class);

  /** Tokens read but not yet returned; held while a compound is still open. */
  private final List<State> pending = new ArrayList<>();

  private final StringBuilder joined = new StringBuilder();
  private int position;
  private boolean inputDone;

  /** Index in {@link #pending} of the open compound's first part, or -1. */
  private int firstPart;

  private int firstPosition;
  private int partCount;
  private int endNode;
  private int startOffset;
  private int endOffset;

  /** Adds joined forms to the compounds of {@code input}. */
  public CompoundCatenateFilter(TokenStream input) {
    super(input);
    resetState();
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (true) {
      if (!pending.isEmpty() && firstPart != 0) {
        restoreState(pending.remove(0));
        if (firstPart > 0) {
          firstPart--;
        }
        return true;
      }
      if (inputDone) {
        closeCompound();
        if (pending.isEmpty()) {
          return false;
        }
        continue;
      }
      if (!input.incrementToken()) {
        inputDone = true;
        continue;
      }
      if (pending.isEmpty() && (flagsAtt.getFlags() & CompoundSplitFilter.PART_FLAG) == 0) {
        // Fast path: no compound open and none starting, so the token passes through unbuffered.
        position += posIncAtt.getPositionIncrement();
        return true;
      }
      read();
    }
  }

  private void read() {
    position += posIncAtt.getPositionIncrement();
    int flags = flagsAtt.getFlags();
    boolean part = (flags & CompoundSplitFilter.PART_FLAG) != 0;
    boolean continuation = part && (flags & CompoundSplitFilter.CONTINUATION_FLAG) != 0;
    int tokenEndNode = position + posLenAtt.getPositionLength();
    int tokenStart = offsetAtt.startOffset();
    int tokenEnd = offsetAtt.endOffset();
    String term = termAtt.toString();
    State current = captureState();
    if (firstPart >= 0) {
      if (continuation && position == endNode) {
        joined.append(term);
        partCount++;
        endNode = tokenEndNode;
        endOffset = tokenEnd;
      } else if (part || position > endNode) {
        closeCompound();
      }
    }
    pending.add(current);
    if (part && !continuation) {
      firstPart = pending.size() - 1;
      firstPosition = position;
      joined.setLength(0);
      joined.append(term);
      partCount = 1;
      endNode = tokenEndNode;
      startOffset = tokenStart;
      endOffset = tokenEnd;
    }
  }

  /** Inserts the open compound's joined token right after its first part. */
  private void closeCompound() {
    if (firstPart < 0) {
      return;
    }
    if (partCount > 1) {
      restoreState(pending.get(firstPart));
      termAtt.setEmpty().append(joined);
      posIncAtt.setPositionIncrement(0);
      posLenAtt.setPositionLength(endNode - firstPosition);
      offsetAtt.setOffset(startOffset, endOffset);
      flagsAtt.setFlags(flagsAtt.getFlags() & ~PART_FLAGS);
      pending.add(firstPart + 1, captureState());
    }
    firstPart = -1;
  }

  private void resetState() {
    pending.clear();
    joined.setLength(0);
    position = -1;
    inputDone = false;
    firstPart = -1;
    partCount = 0;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    resetState();
  }
}
