package dev.carnews.search.lucene.entities;

import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * How many of a query's matches name each entity and month, counted from the facet doc values
 * (never from stored fields) in one pass: the facet ordinals of a match are mapped to {@link
 * EntityDirectory} slots (one per folded name), each slot counted once per article even when the
 * article spells the name two ways; the first and last publication time of each slot and of the
 * whole match set come from the {@code published} doc values.
 */
public final class SlotCounts {

  /**
   * What ordinals mean: the slot of each segment's ordinals (-1: none), read once per reader from
   * the reader's ordinal map into one array per segment. A count then finds a value's slot with one
   * array look-up, where asking the ordinal map per value was 71% of a trending list's time at 1M
   * articles.
   *
   * @param field the facet doc values field, or {@code null} when the index has no facets
   * @param slotOfLeafOrd per segment (by its {@code ord} in the reader), the slot of each ordinal
   * @param slots how many slots there are
   */
  record Mapping(String field, int[][] slotOfLeafOrd, int slots) {

    /**
     * The mapping of a reader's segments through its ordinal map ({@code null} for a one-segment
     * reader, whose ordinals are global).
     */
    static Mapping of(
        String field,
        int[][] globalOrds,
        List<LeafReaderContext> leaves,
        int[] slotOfOrd,
        int slots)
        throws IOException {
      int[][] slotOfLeafOrd = new int[leaves.size()][];
      for (LeafReaderContext leaf : leaves) {
        int[] global = globalOrds[leaf.ord];
        int[] slotOf = new int[global.length];
        for (int ord = 0; ord < global.length; ord++) {
          slotOf[ord] = slotOfOrd[global[ord]];
        }
        slotOfLeafOrd[leaf.ord] = slotOf;
      }
      return new Mapping(field, slotOfLeafOrd, slots);
    }

    /**
     * The global ordinal of each ordinal of each segment of a reader ({@code ordinalMap} {@code
     * null}: one segment, its ordinals are global).
     */
    static int[][] globalOrds(String field, OrdinalMap ordinalMap, List<LeafReaderContext> leaves)
        throws IOException {
      int[][] global = new int[leaves.size()][];
      for (LeafReaderContext leaf : leaves) {
        int[] ords =
            new int
                [field == null
                    ? 0
                    : Math.toIntExact(
                        DocValues.getSortedSet(leaf.reader(), field).getValueCount())];
        LongValues toGlobal =
            ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(leaf.ord);
        for (int ord = 0; ord < ords.length; ord++) {
          ords[ord] = (int) toGlobal.get(ord);
        }
        global[leaf.ord] = ords;
      }
      return global;
    }
  }

  /** Matching articles per slot. */
  final int[] counts;

  /**
   * Matching articles without a date per slot; with {@link #first} and {@link #last} counted only
   * by {@link #countAll} (the whole archive's counts), empty otherwise.
   */
  final int[] undated;

  /** Earliest and latest publication time per slot ({@code Long.MAX_VALUE}/{@code MIN_VALUE}). */
  final long[] first;

  final long[] last;

  /**
   * Matching articles per global ordinal (for picking the most used spelling); counted only by
   * {@link #countAll}, empty otherwise.
   */
  final int[] ordCounts;

  int hits;
  int dated;
  long firstSeen = Long.MAX_VALUE;
  long lastSeen = Long.MIN_VALUE;

  private SlotCounts(int slots, int ords, boolean perSlotDates) {
    counts = new int[slots];
    undated = new int[perSlotDates ? slots : 0];
    first = new long[perSlotDates ? slots : 0];
    last = new long[perSlotDates ? slots : 0];
    ordCounts = new int[ords];
    Arrays.fill(first, Long.MAX_VALUE);
    Arrays.fill(last, Long.MIN_VALUE);
  }

  /**
   * Counts the matches of {@code query} per slot, and their dates; with no facets in the index only
   * hits are counted.
   */
  static SlotCounts count(IndexSearcher searcher, Query query, Mapping mapping) throws IOException {
    return searcher.search(query, new Manager(mapping, null, 0));
  }

  /**
   * Counts the matches of {@code query} per slot, with each slot's dates and undated articles, and
   * per global ordinal ({@code globalOrds} from {@link Mapping#globalOrds}, {@code ords} of them).
   */
  static SlotCounts countAll(
      IndexSearcher searcher, Query query, Mapping mapping, int[][] globalOrds, int ords)
      throws IOException {
    return searcher.search(query, new Manager(mapping, globalOrds, ords));
  }

  /** What {@link #match} answers for an article without a publication time. */
  private static final long NO_DATE = Long.MIN_VALUE;

  /** Counts one match and its publication time; answers the time, or {@link #NO_DATE}. */
  private long match(SortedNumericDocValues published, int doc) throws IOException {
    hits++;
    if (!published.advanceExact(doc)) {
      return NO_DATE;
    }
    long when = published.nextValue();
    dated++;
    firstSeen = Math.min(firstSeen, when);
    lastSeen = Math.max(lastSeen, when);
    return when;
  }

  private void add(SlotCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    for (int i = 0; i < undated.length; i++) {
      undated[i] += other.undated[i];
      first[i] = Math.min(first[i], other.first[i]);
      last[i] = Math.max(last[i], other.last[i]);
    }
    for (int i = 0; i < ordCounts.length; i++) {
      ordCounts[i] += other.ordCounts[i];
    }
    hits += other.hits;
    dated += other.dated;
    firstSeen = Math.min(firstSeen, other.firstSeen);
    lastSeen = Math.max(lastSeen, other.lastSeen);
  }

  /** {@code globalOrds} {@code null}: counts and dates of the match set only. */
  private record Manager(Mapping mapping, int[][] globalOrds, int ords)
      implements CollectorManager<Counter, SlotCounts> {

    @Override
    public Counter newCollector() {
      return new Counter(mapping, globalOrds, ords);
    }

    @Override
    public SlotCounts reduce(Collection<Counter> collectors) {
      SlotCounts total = new SlotCounts(mapping.slots(), ords, globalOrds != null);
      collectors.forEach(counter -> total.add(counter.counts));
      return total;
    }
  }

  private static final class Counter implements Collector {
    private final Mapping mapping;
    private final int[][] globalOrds;
    private final SlotCounts counts;

    /** The last article counted per slot, so two spellings in one article count once. */
    private final int[] lastDoc;

    Counter(Mapping mapping, int[][] globalOrds, int ords) {
      this.mapping = mapping;
      this.globalOrds = globalOrds;
      this.counts = new SlotCounts(mapping.slots(), ords, globalOrds != null);
      this.lastDoc = new int[mapping.slots()];
      Arrays.fill(lastDoc, -1);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedSetDocValues ords =
          mapping.field() == null
              ? DocValues.emptySortedSet()
              : DocValues.getSortedSet(context.reader(), mapping.field());
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(context.reader(), ArticleSchema.PUBLISHED);
      int[] slotOf = mapping.field() == null ? new int[0] : mapping.slotOfLeafOrd()[context.ord];
      int docBase = context.docBase;
      if (globalOrds == null) {
        return new LeafCollector() {
          @Override
          public void setScorer(Scorable scorer) {}

          @Override
          public void collect(int doc) throws IOException {
            counts.match(published, doc);
            if (!ords.advanceExact(doc)) {
              return;
            }
            int global = docBase + doc;
            for (int i = 0, n = ords.docValueCount(); i < n; i++) {
              int slot = slotOf[(int) ords.nextOrd()];
              if (slot >= 0 && lastDoc[slot] != global) {
                lastDoc[slot] = global;
                counts.counts[slot]++;
              }
            }
          }
        };
      }
      int[] toGlobal = globalOrds[context.ord];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          long when = counts.match(published, doc);
          boolean hasDate = when != NO_DATE;
          if (!ords.advanceExact(doc)) {
            return;
          }
          int global = docBase + doc;
          for (int i = 0, n = ords.docValueCount(); i < n; i++) {
            int ord = (int) ords.nextOrd();
            counts.ordCounts[toGlobal[ord]]++;
            int slot = slotOf[ord];
            if (slot < 0 || lastDoc[slot] == global) {
              continue;
            }
            lastDoc[slot] = global;
            counts.counts[slot]++;
            if (hasDate) {
              counts.first[slot] = Math.min(counts.first[slot], when);
              counts.last[slot] = Math.max(counts.last[slot], when);
            } else {
              counts.undated[slot]++;
            }
          }
        }
      };
    }
  }
}
