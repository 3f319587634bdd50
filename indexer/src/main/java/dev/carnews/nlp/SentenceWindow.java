package dev.carnews.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sentences around the one being tagged, as the name model sees them: an article at run time, a
 * stretch of a CoNLL file in training and evaluation. The context-aggregation features read it to
 * learn how the same word is used elsewhere nearby ({@code Fine} is a person where {@code Larry
 * Fine} was written two sentences earlier; {@code Hope} is no name where it is written {@code
 * hope}).
 *
 * <p>A caller that tags sentence by sentence installs the window for its thread with {@link
 * #install} and names the sentence it is about to tag with {@link #at}; the feature generator finds
 * it with {@link #current()}. Without a window, or for tokens the window does not hold, a sentence
 * is its own context, so any other caller of the model still gets features, from less text.
 */
public final class SentenceWindow {

  /** Sentences either side of the tagged one that count as its context. */
  public static final int RADIUS = 20;

  private static final ThreadLocal<SentenceWindow> CURRENT = new ThreadLocal<>();

  private final List<String[]> sentences;
  private final Map<String, List<int[]>> occurrences = new HashMap<>();
  private final int radius;
  private int at = -1;

  /**
   * A window over sentences (token arrays as the model receives them).
   *
   * @param sentences the document's or stream's sentences, in order
   * @param radius how many sentences either side count; at most the whole list
   */
  public SentenceWindow(List<String[]> sentences, int radius) {
    this.sentences = List.copyOf(sentences);
    this.radius = radius;
    for (int s = 0; s < this.sentences.size(); s++) {
      String[] tokens = this.sentences.get(s);
      for (int t = 0; t < tokens.length; t++) {
        occurrences
            .computeIfAbsent(tokens[t].toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
            .add(new int[] {s, t});
      }
    }
  }

  /** A window over one sentence alone. */
  static SentenceWindow of(String[] sentence) {
    List<String[]> one = new ArrayList<>(1);
    one.add(sentence);
    SentenceWindow window = new SentenceWindow(one, 0);
    window.at = 0;
    return window;
  }

  /** Makes this the window of the calling thread until {@link #uninstall()}. */
  public SentenceWindow install() {
    CURRENT.set(this);
    return this;
  }

  /** Removes the calling thread's window. */
  public static void uninstall() {
    CURRENT.remove();
  }

  /** The calling thread's window, or null. */
  static SentenceWindow current() {
    return CURRENT.get();
  }

  /** Names the sentence the next tagging call is for. */
  public void at(int sentence) {
    this.at = sentence;
  }

  /** The index of the sentence being tagged when it holds these tokens, else -1. */
  int indexOf(String[] tokens) {
    if (at >= 0 && at < sentences.size() && Arrays.equals(sentences.get(at), tokens)) {
      return at;
    }
    return -1;
  }

  /**
   * Calls {@code visitor} for every other occurrence of a word (case folded) within the radius of a
   * sentence: its sentence's tokens and its position.
   */
  void forEachOtherOccurrence(int sentence, int token, String word, Occurrence visitor) {
    List<int[]> found = occurrences.get(word.toLowerCase(Locale.ROOT));
    if (found == null) {
      return;
    }
    // Occurrences are in text order: start at the first one inside the radius.
    int low = 0;
    int high = found.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (found.get(mid)[0] < sentence - radius) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (int i = low; i < found.size() && found.get(i)[0] <= sentence + radius; i++) {
      int[] o = found.get(i);
      if (o[0] != sentence || o[1] != token) {
        visitor.visit(sentences.get(o[0]), o[1]);
      }
    }
  }

  /** One occurrence of a word elsewhere in the window. */
  @FunctionalInterface
  interface Occurrence {
    /** The occurrence's sentence and the word's position in it. */
    void visit(String[] tokens, int index);
  }
}
