package dev.carnews.search.lucene.entities;

import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
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
import org.apache.lucene.util.Bits;
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
   * by {@link #countArchive} (the whole archive's counts), empty otherwise.
   */
  final int[] undated;

  /** Earliest and latest publication time per slot ({@code Long.MAX_VALUE}/{@code MIN_VALUE}). */
  final long[] first;

  final long[] last;

  /**
   * Matching articles per global ordinal (for picking the most used spelling); counted only by
   * {@link #countArchive}, empty otherwise.
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
    return searcher.search(query, new Manager(mapping));
  }

  /**
   * The whole archive's counts: every live article per slot with each slot's dates and undated
   * articles, and per global ordinal ({@code globalOrds} from {@link Mapping#globalOrds}, {@code
   * ords} of them), from {@code segments}' tally of each segment: a reader opened after one write
   * counts its new segment (and a segment whose deletions changed) and adds up the tallies of the
   * others, in proportion to their distinct values rather than their articles (issue 25: the count
   * of every article was a third of each refresh at 190k articles).
   */
  static SlotCounts countArchive(
      IndexReader reader, Mapping mapping, int[][] globalOrds, int ords, SegmentTallies segments)
      throws IOException {
    SlotCounts total = new SlotCounts(mapping.slots(), ords, true);
    for (LeafReaderContext leaf : reader.leaves()) {
      int[] slotOf = mapping.field() == null ? new int[0] : mapping.slotOfLeafOrd()[leaf.ord];
      SegmentTally tally = segments.of(leaf, mapping.field(), slotOf);
      SlotCounts part = tally.counts();
      int[] toGlobal = globalOrds[leaf.ord];
      for (int ord = 0; ord < part.ordCounts.length; ord++) {
        total.ordCounts[toGlobal[ord]] += part.ordCounts[ord];
      }
      for (int group = 0; group < tally.ordOfGroup().length; group++) {
        int slot = slotOf[tally.ordOfGroup()[group]];
        total.counts[slot] += part.counts[group];
        total.undated[slot] += part.undated[group];
        total.first[slot] = Math.min(total.first[slot], part.first[group]);
        total.last[slot] = Math.max(total.last[slot], part.last[group]);
      }
      total.hits += part.hits;
      total.dated += part.dated;
      total.firstSeen = Math.min(total.firstSeen, part.firstSeen);
      total.lastSeen = Math.max(total.lastSeen, part.lastSeen);
    }
    return total;
  }

  /**
   * The tally of each open segment (as of its deletions), kept while the segment is open so that
   * successive readers of one index count each segment once. Thread-safe.
   */
  static final class SegmentTallies {
    private final Map<IndexReader.CacheKey, SegmentTally> bySegment = new ConcurrentHashMap<>();

    /** How many segments have a tally now (for tests). */
    int size() {
      return bySegment.size();
    }

    SegmentTally of(LeafReaderContext leaf, String field, int[] slotOf) throws IOException {
      IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
      if (helper == null) {
        return SegmentTally.count(leaf, field, slotOf);
      }
      IndexReader.CacheKey key = helper.getKey();
      SegmentTally tally = bySegment.get(key);
      if (tally == null) {
        tally = SegmentTally.count(leaf, field, slotOf);
        if (bySegment.putIfAbsent(key, tally) == null) {
          helper.addClosedListener(bySegment::remove);
        }
      }
      return tally;
    }
  }

  /**
   * One segment's live articles counted per ordinal and per group of ordinals that share a slot.
   * Which ordinals share a slot depends on their labels alone (a slot is a type and a folded name,
   * or a month), and a segment's labels never change, so the groups found with the mapping of the
   * reader that first counted the segment hold for every later reader; each later reader finds a
   * group's slot through the group's first ordinal. An article lives in one segment, so counting it
   * once per group here counts it once per slot in the sum.
   */
  private record SegmentTally(int[] ordOfGroup, SlotCounts counts) {

    static SegmentTally count(LeafReaderContext leaf, String field, int[] slotOf)
        throws IOException {
      SortedSetDocValues values =
          field == null ? DocValues.emptySortedSet() : DocValues.getSortedSet(leaf.reader(), field);
      int ords = Math.toIntExact(values.getValueCount());
      int[] groupOf = new int[ords];
      int[] firstOrd = new int[ords];
      Map<Integer, Integer> groupOfSlot = new HashMap<>();
      for (int ord = 0; ord < ords; ord++) {
        int slot = slotOf[ord];
        if (slot < 0) {
          groupOf[ord] = -1;
          continue;
        }
        Integer group = groupOfSlot.putIfAbsent(slot, groupOfSlot.size());
        if (group == null) {
          group = groupOfSlot.size() - 1;
          firstOrd[group] = ord;
        }
        groupOf[ord] = group;
      }
      int groups = groupOfSlot.size();
      SlotCounts counts = new SlotCounts(groups, ords, true);
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(leaf.reader(), ArticleSchema.PUBLISHED);
      Bits live = leaf.reader().getLiveDocs();
      int[] lastDoc = new int[groups];
      Arrays.fill(lastDoc, -1);
      for (int doc = 0, maxDoc = leaf.reader().maxDoc(); doc < maxDoc; doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        long when = counts.match(published, doc);
        if (!values.advanceExact(doc)) {
          continue;
        }
        for (int i = 0, n = values.docValueCount(); i < n; i++) {
          int ord = (int) values.nextOrd();
          counts.ordCounts[ord]++;
          int group = groupOf[ord];
          if (group >= 0 && lastDoc[group] != doc) {
            lastDoc[group] = doc;
            counts.countDated(group, when);
          }
        }
      }
      return new SegmentTally(Arrays.copyOf(firstOrd, groups), counts);
    }
  }

  /** Counts one article's slot with its publication time ({@link #NO_DATE}: undated). */
  private void countDated(int slot, long when) {
    counts[slot]++;
    if (when != NO_DATE) {
      first[slot] = Math.min(first[slot], when);
      last[slot] = Math.max(last[slot], when);
    } else {
      undated[slot]++;
    }
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

  /** Counts and dates of a match set. */
  private record Manager(Mapping mapping) implements CollectorManager<Counter, SlotCounts> {

    @Override
    public Counter newCollector() {
      return new Counter(mapping);
    }

    @Override
    public SlotCounts reduce(Collection<Counter> collectors) {
      SlotCounts total = new SlotCounts(mapping.slots(), 0, false);
      collectors.forEach(counter -> total.add(counter.counts));
      return total;
    }
  }

  private static final class Counter implements Collector {
    private final Mapping mapping;
    private final SlotCounts counts;

    /** The last article counted per slot, so two spellings in one article count once. */
    private final int[] lastDoc;

    Counter(Mapping mapping) {
      this.mapping = mapping;
      this.counts = new SlotCounts(mapping.slots(), 0, false);
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
  }
}
