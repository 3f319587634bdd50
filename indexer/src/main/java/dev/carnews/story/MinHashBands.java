package dev.carnews.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MinHash over the shingle hashes, cut into LSH bands that the index stores as terms: two articles
 * that share a band term are candidate versions of each other.
 *
 * <p>{@value #HASHES} min-hashes in {@value #BANDS} bands of {@value #ROWS} rows. Two texts with
 * Jaccard similarity {@code J} share a band with probability {@code 1 − (1 − J²)³²}: 0.95 at {@code
 * J = 0.3}, 0.9999 at {@code 0.5}, 0.27 at {@code 0.1}, 0.03 at {@code 0.03}. The threshold is low
 * on purpose: an update that doubles a story keeps a Jaccard of about 0.5 and less; the version
 * rule ({@link VersionRule}) then decides on the real similarity.
 */
public final class MinHashBands {

  /** Min-hashes per text. */
  public static final int HASHES = 64;

  /** Rows per band. */
  public static final int ROWS = 2;

  /** Bands per text: one indexed term each. */
  public static final int BANDS = HASHES / ROWS;

  /**
   * Candidates a write confirms with the version rule, those sharing the most band terms first; the
   * same on every backend, so a collection and a local index find the same versions.
   */
  public static final int MAX_CANDIDATES = 10;

  /**
   * The lowest signature estimate of a candidate worth reading: 6 of 64 equal min-hashes. The rule
   * accepts no version under a Jaccard of 0.2, whose estimate falls this low in about 0.5% of
   * pairs.
   */
  public static final double MIN_ESTIMATE = 6 / 64.0;

  private static final long[] SEEDS = seeds();

  private MinHashBands() {}

  /**
   * A text's band terms and its MinHash signature.
   *
   * @param bands the band terms ({@code "07:3fa9…"}); none for a text without shingles
   * @param signature the top 16 bits of each min-hash, big-endian ({@value #HASHES} × 2 bytes;
   *     empty without shingles): the share of equal slots of two signatures estimates their Jaccard
   *     similarity (standard error about 0.06), cheaply enough to skip candidates before reading
   *     them
   */
  public record Fingerprint(List<String> bands, byte[] signature) {

    /** Copies. */
    public Fingerprint {
      bands = List.copyOf(bands);
      signature = signature.clone();
    }
  }

  /** The band terms of a text; none for a text without shingles. */
  public static List<String> bands(StoryText text) {
    return fingerprint(text).bands();
  }

  /** The band terms and signature of a text. */
  public static Fingerprint fingerprint(StoryText text) {
    long[] shingles = text.shingles();
    if (shingles.length == 0) {
      return new Fingerprint(List.of(), new byte[0]);
    }
    long[] min = new long[HASHES];
    Arrays.fill(min, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int h = 0; h < HASHES; h++) {
        long value = StoryText.mix(shingle ^ SEEDS[h]);
        if (value < min[h]) {
          min[h] = value;
        }
      }
    }
    List<String> bands = new ArrayList<>(BANDS);
    for (int b = 0; b < BANDS; b++) {
      long band = 0x2545F4914F6CDD1DL;
      for (int r = 0; r < ROWS; r++) {
        band = StoryText.mix(band ^ min[b * ROWS + r]);
      }
      // 48 bits of the band hash: collisions between different bands stay negligible.
      bands.add((b < 10 ? "0" : "") + b + ":" + Long.toHexString(band >>> 16));
    }
    byte[] signature = new byte[HASHES * 2];
    for (int h = 0; h < HASHES; h++) {
      signature[2 * h] = (byte) (min[h] >>> 56);
      signature[2 * h + 1] = (byte) (min[h] >>> 48);
    }
    return new Fingerprint(bands, signature);
  }

  /**
   * The share of equal min-hash slots of two signatures: an estimate of the texts' Jaccard
   * similarity; 0 when either is empty or they differ in length.
   */
  public static double estimate(byte[] a, int aOffset, int aLength, byte[] b) {
    if (aLength != b.length || b.length == 0) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < b.length; i += 2) {
      if (a[aOffset + i] == b[i] && a[aOffset + i + 1] == b[i + 1]) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  /** Fixed seeds, so the same text gives the same bands in every run and index. */
  private static long[] seeds() {
    long[] seeds = new long[HASHES];
    long state = 0x5EEDL;
    for (int i = 0; i < HASHES; i++) {
      state += 0x9E3779B97F4A7C15L;
      seeds[i] = StoryText.mix(state);
    }
    return seeds;
  }
}
