package dev.carnews.index;

import dev.carnews.analysis.NameKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;

/**
 * One facet value per real entity across the index: labels that share a folded key ({@link
 * NameKeys#key}: "Francois Provost", "FRANÇOIS PROVOST" and "François Provost") are one value whose
 * count is the sum and whose label is the most frequent form (on a tie, the one with more accented
 * letters, as folding only ever loses them). Filters already match on the folded key, so selecting
 * the merged value finds every article of every form.
 */
public final class CanonicalLabels {

  private CanonicalLabels() {}

  /**
   * The top {@code topN} merged values of a facet result that holds <em>all</em> children of a
   * dimension ({@code Facets.getAllChildren}), highest count first (ties: label order).
   */
  public static List<LabelAndValue> top(FacetResult all, int topN) {
    return top(all, topN, NameKeys::key);
  }

  /**
   * As {@link #top(FacetResult, int)}, with the folded keys from {@code keys} (a cache of {@link
   * NameKeys#key} per label).
   */
  public static List<LabelAndValue> top(FacetResult all, int topN, Function<String, String> keys) {
    if (all == null) {
      return List.of();
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (LabelAndValue labelAndValue : all.labelValues) {
      long count = labelAndValue.value.longValue();
      if (count > 0) {
        groups
            .computeIfAbsent(keys.apply(labelAndValue.label), key -> new Group())
            .add(labelAndValue.label, count);
      }
    }
    List<LabelAndValue> merged = new ArrayList<>(groups.size());
    groups.values().forEach(group -> merged.add(new LabelAndValue(group.label, group.total)));
    merged.sort(
        Comparator.comparingLong((LabelAndValue value) -> value.value.longValue())
            .reversed()
            .thenComparing(value -> value.label));
    return List.copyOf(merged.subList(0, Math.min(topN, merged.size())));
  }

  private static final class Group {
    String label;
    long best;
    long total;

    void add(String candidate, long count) {
      total += count;
      if (label == null
          || count > best
          || (count == best && accented(candidate) > accented(label))) {
        label = candidate;
        best = count;
      }
    }

    private static long accented(String text) {
      return text.chars().filter(c -> c > 0x7f).count();
    }
  }
}
