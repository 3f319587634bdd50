package dev.carnews.story;

import java.time.Duration;

/**
 * Decides whether two similar articles are versions of one story (a copy, a same-day update or
 * correction) or different news that shares a template (a daily estimate, a weekly rate table, two
 * companies' dividend lines).
 *
 * <p>Two articles are versions when all of these hold:
 *
 * <ol>
 *   <li><b>similar text</b>: Jaccard of the word 5-shingles at least {@link #minJaccard} ({@link
 *       #sameHeadlineJaccard} under the same headline, title similarity at least {@link
 *       #sameHeadlineSimilarity}: a rewrite), or the shorter text at least {@link #minContainment}
 *       contained in the longer (an update that added paragraphs) with a Jaccard of at least {@link
 *       #minContainedJaccard}. Bodies under {@link #shortBodyWords} words compare their word sets
 *       instead (one changed word of fifteen removes a third of their shingles);
 *   <li><b>close in time</b>: at most {@link #maxGap} apart; more than {@link #sameDay} apart (or a
 *       date unknown) only for a copy: Jaccard or containment at least {@link #copyJaccard} and no
 *       figure of the shorter missing from the longer;
 *   <li><b>the same figures</b>: within {@link #sameDay}, at most {@link #maxLostNumbers} (or a
 *       quarter) of the shorter text's numbers are missing from the longer one — a correction
 *       changes a figure or two, a recurring report changes them all;
 *   <li><b>the same subject</b>: a short body (a dividend or earnings line: only the title says
 *       whose figures they are) needs the same first two title words or a title-word similarity of
 *       at least {@link #shortTitleSimilarity}; a longer one needs a title similarity of {@link
 *       #retitledSimilarity}, or a Jaccard of {@link #retitledJaccard} (a re-titled copy) or a
 *       containment of {@link #retitledContainment} (a re-titled update).
 * </ol>
 *
 * @param minJaccard lowest shingle Jaccard of versions
 * @param minContainment lowest containment of an update in its longer version
 * @param minContainedJaccard lowest Jaccard of a contained update
 * @param copyJaccard lowest Jaccard of a copy filed on another day
 * @param sameDay the gap within which figures may change (a correction)
 * @param maxGap the largest gap between versions
 * @param maxLostNumbers changed figures a correction may have
 * @param shortBodyWords bodies shorter than this are identified by their title
 * @param shortTitleSimilarity lowest title similarity of short versions
 * @param retitledSimilarity title similarity under which a version counts as re-titled
 * @param retitledJaccard lowest Jaccard of a re-titled version
 * @param retitledContainment lowest containment of a re-titled update
 * @param sameHeadlineSimilarity title similarity from which two articles carry the same headline
 * @param sameHeadlineJaccard lowest Jaccard of versions under the same headline (a rewrite)
 */
public record VersionRule(
    double minJaccard,
    double minContainment,
    double minContainedJaccard,
    double copyJaccard,
    Duration sameDay,
    Duration maxGap,
    int maxLostNumbers,
    int shortBodyWords,
    double shortTitleSimilarity,
    double retitledSimilarity,
    double retitledJaccard,
    double retitledContainment,
    double sameHeadlineSimilarity,
    double sameHeadlineJaccard) {

  /** The thresholds measured on Reuters-21578 (README, "Stories"). */
  public static VersionRule defaults() {
    return new VersionRule(
        0.5,
        0.8,
        0.2,
        0.9,
        Duration.ofHours(24),
        Duration.ofDays(4),
        2,
        40,
        0.6,
        0.2,
        0.8,
        0.9,
        0.6,
        0.3);
  }

  /**
   * Why two articles are or are not versions.
   *
   * @param version whether they are versions of one story
   * @param reason one word for the decisive test ({@code copy}, {@code update}, {@code dissimilar},
   *     {@code far-apart}, {@code other-day}, {@code other-figures}, {@code other-subject})
   */
  public record Verdict(boolean version, String reason) {}

  /** The verdict on two articles. */
  public Verdict judge(StoryText a, StoryText b) {
    boolean shortBody = Math.min(a.words(), b.words()) < shortBodyWords;
    // One changed word of fifteen removes a third of their 5-shingles: short bodies compare words.
    double jaccard = shortBody ? a.wordJaccard(b) : a.jaccard(b);
    double containment = shortBody ? a.wordContainment(b) : a.containment(b);
    double title = a.titleSimilarity(b);
    double floor = title >= sameHeadlineSimilarity ? sameHeadlineJaccard : minJaccard;
    if (jaccard < floor && !(containment >= minContainment && jaccard >= minContainedJaccard)) {
      return new Verdict(false, "dissimilar");
    }
    StoryText shorter = a.shingles().length <= b.shingles().length ? a : b;
    StoryText longer = shorter == a ? b : a;
    long lost = shorter.numbers().stream().filter(n -> !longer.numbers().contains(n)).count();
    Duration gap =
        a.published() == null || b.published() == null
            ? null
            : Duration.between(a.published(), b.published()).abs();
    if (gap != null && gap.compareTo(maxGap) > 0) {
      return new Verdict(false, "far-apart");
    }
    boolean copy = lost == 0 && (jaccard >= copyJaccard || containment >= copyJaccard);
    if ((gap == null || gap.compareTo(sameDay) > 0) && !copy) {
      return new Verdict(false, "other-day");
    }
    if (lost > Math.max(maxLostNumbers, shorter.numbers().size() / 4)) {
      return new Verdict(false, "other-figures");
    }
    boolean sameSubject =
        shortBody
            ? a.titleLead().equals(b.titleLead()) || title >= shortTitleSimilarity
            : title >= retitledSimilarity
                || jaccard >= retitledJaccard
                || containment >= retitledContainment;
    if (!sameSubject) {
      return new Verdict(false, "other-subject");
    }
    return new Verdict(true, copy ? "copy" : "update");
  }
}
