package dev.carnews.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of "same story" against labelled article pairs: a pair labelled {@code same}
 * whose articles share a story is a true positive, one in two stories a false negative; a pair
 * labelled {@code different} in one story is a false positive.
 *
 * @param truePositives same pairs in one story
 * @param falseNegatives same pairs in two stories
 * @param falsePositives different pairs in one story
 * @param trueNegatives different pairs in two stories
 * @param missing pairs with an id the index does not have (not counted)
 * @param errors the pairs judged wrong, as {@code "FN id1 id2"} / {@code "FP id1 id2"}
 * @param byKind per label and kind ({@code "same copy"}, {@code "different recurring"}): how many
 *     pairs, and how many of them were judged right
 */
public record PairEvaluation(
    int truePositives,
    int falseNegatives,
    int falsePositives,
    int trueNegatives,
    int missing,
    List<String> errors,
    Map<String, Tally> byKind) {

  /** Copies. */
  public PairEvaluation {
    errors = List.copyOf(errors);
    byKind = Collections.unmodifiableMap(new TreeMap<>(byKind));
  }

  /**
   * Pairs of one label and kind.
   *
   * @param pairs how many
   * @param right how many were judged as labelled
   */
  public record Tally(int pairs, int right) {}

  /**
   * One labelled pair.
   *
   * @param first an article id
   * @param second another article id
   * @param same whether they are versions of one story
   * @param kind the label's note ({@code copy}, {@code update}, {@code recurring}…), or empty
   */
  public record Pair(String first, String second, boolean same, String kind) {}

  /**
   * Reads a pair file: one pair per line, {@code id1 id2 same|different [kind]}, blank lines and
   * {@code #} comments ignored.
   *
   * @throws IllegalArgumentException for a malformed line, naming it
   */
  public static List<Pair> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length < 3 || !(parts[2].equals("same") || parts[2].equals("different"))) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'id1 id2 same|different [kind]'");
      }
      pairs.add(
          new Pair(parts[0], parts[1], parts[2].equals("same"), parts.length > 3 ? parts[3] : ""));
    }
    return pairs;
  }

  /** Judges the pairs against the story of each article id. */
  public static PairEvaluation of(List<Pair> pairs, Map<String, String> stories) {
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    int missing = 0;
    List<String> errors = new ArrayList<>();
    Map<String, Tally> byKind = new TreeMap<>();
    for (Pair pair : pairs) {
      String a = stories.get(pair.first());
      String b = stories.get(pair.second());
      if (a == null || b == null) {
        missing++;
        continue;
      }
      boolean together = a.equals(b);
      byKind.merge(
          (pair.same() ? "same " : "different ") + pair.kind(),
          new Tally(1, together == pair.same() ? 1 : 0),
          (x, y) -> new Tally(x.pairs() + y.pairs(), x.right() + y.right()));
      if (pair.same()) {
        if (together) {
          tp++;
        } else {
          fn++;
          errors.add("FN " + pair.first() + " " + pair.second() + " " + pair.kind());
        }
      } else if (together) {
        fp++;
        errors.add("FP " + pair.first() + " " + pair.second() + " " + pair.kind());
      } else {
        tn++;
      }
    }
    return new PairEvaluation(tp, fn, fp, tn, missing, errors, byKind);
  }

  /** Of the pairs put in one story, the share labelled same (1 when none were). */
  public double precision() {
    int predicted = truePositives + falsePositives;
    return predicted == 0 ? 1 : (double) truePositives / predicted;
  }

  /** Of the pairs labelled same, the share put in one story (1 when none are). */
  public double recall() {
    int actual = truePositives + falseNegatives;
    return actual == 0 ? 1 : (double) truePositives / actual;
  }
}
