package dev.carnews.search.views;

/**
 * How much more often an entity occurs in a foreground set of articles (an entity's articles, a
 * result set, a time window) than its background share predicts: the binomial standard score
 *
 * <pre>
 *   p = (b + 0.5) / (B + 1)          the background share, smoothed so unseen names stay finite
 *   z = (f − F·p) / √(F·p·(1 − p))   f of the F foreground articles name the entity
 * </pre>
 *
 * the statistic behind Solr's {@code relatedness()} (before its squashing into −1..1). Unlike raw
 * co-mention counts it does not put a brand that appears everywhere on top of every list: such a
 * brand's foreground share is its background share, so its score is near 0, while a name that
 * occurs almost only with the foreground scores high. Unlike JLH, it grows with the evidence: one
 * shared article scores less than ten at the same shares.
 */
public final class Significance {

  private Significance() {}

  /**
   * The standard score of {@code f} of {@code foreground} articles against {@code b} of {@code
   * background}; positive when the foreground share is the larger.
   */
  public static double score(long f, long foreground, long b, long background) {
    if (foreground <= 0) {
      return 0;
    }
    double p = (b + 0.5) / (background + 1.0);
    p = Math.min(p, 1 - 1e-9);
    double expected = foreground * p;
    return round((f - expected) / Math.sqrt(expected * (1 - p)));
  }

  /**
   * Whether the foreground share is above the background share; never with an empty background
   * (nothing to compare with).
   */
  public static boolean overRepresented(long f, long foreground, long b, long background) {
    return foreground > 0 && background > 0 && (double) f / foreground > (double) b / background;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
