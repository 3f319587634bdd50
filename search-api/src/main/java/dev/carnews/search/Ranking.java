package dev.carnews.search;

/**
 * How relevance is weighed beyond the text match.
 *
 * <p>Recency: for a search with words in relevance order, each score is multiplied by {@code FLOOR
 * + (1 − FLOOR) · 2^(−age / halfLife)}, where age is the time between the article and the newest
 * article in the index (not the clock, so an archive that stops growing keeps its order and
 * measurements repeat). A story one half-life older than another of the same text score ranks below
 * it, yet an old story that matches much better still wins: the multiplier never falls below
 * {@value #RECENCY_FLOOR}. Articles of unknown date get the floor. A half-life of 0 turns recency
 * off.
 *
 * @param recencyHalfLifeDays days after which the recency part of the multiplier halves; 0 = off
 */
public record Ranking(double recencyHalfLifeDays) {

  /** The default half-life: a year, for a news archive spanning several years. */
  public static final double DEFAULT_RECENCY_HALF_LIFE_DAYS = 365;

  /** The lowest recency multiplier: very old and undated articles keep this share of score. */
  public static final double RECENCY_FLOOR = 0.6;

  /** Validates. */
  public Ranking {
    if (!Double.isFinite(recencyHalfLifeDays) || recencyHalfLifeDays < 0) {
      throw new IllegalArgumentException("the recency half-life must be a number of days >= 0");
    }
  }

  /** The default ranking. */
  public static Ranking defaults() {
    return new Ranking(DEFAULT_RECENCY_HALF_LIFE_DAYS);
  }

  /** The default ranking with another half-life (0 = no recency). */
  public static Ranking withHalfLife(double days) {
    return new Ranking(days);
  }

  /** Whether newer articles are favoured. */
  public boolean recency() {
    return recencyHalfLifeDays > 0;
  }

  /**
   * The recency multiplier of an article published at {@code millis} when the archive's newest is
   * {@code newest} (epoch milliseconds); 1 when recency is off.
   */
  public double multiplier(long newest, long millis) {
    if (!recency()) {
      return 1;
    }
    double age = Math.max(0, newest - millis);
    return RECENCY_FLOOR
        + (1 - RECENCY_FLOOR) * Math.pow(2, -age / (recencyHalfLifeDays * 86_400_000d));
  }
}
