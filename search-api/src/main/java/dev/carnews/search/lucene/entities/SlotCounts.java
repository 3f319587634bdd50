package dev.carnews.search.lucene.entities;

import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
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

  /** What ordinals mean: the reader's ordinal map and the slot of each global ordinal. */
  record Mapping(String field, OrdinalMap ordinalMap, int[] slotOfOrd, int slots) {}

  /** Matching articles per slot. */
  final int[] counts;

  /** Matching articles without a date per slot. */
  final int[] undated;

  /** Earliest and latest publication time per slot ({@code Long.MAX_VALUE}/{@code MIN_VALUE}). */
  final long[] first;

  final long[] last;

  /** Matching articles per global ordinal (for picking the most used spelling). */
  final int[] ordCounts;

  int hits;
  int dated;
  long firstSeen = Long.MAX_VALUE;
  long lastSeen = Long.MIN_VALUE;

  private SlotCounts(int slots, int ords) {
    counts = new int[slots];
    undated = new int[slots];
    first = new long[slots];
    last = new long[slots];
    ordCounts = new int[ords];
    Arrays.fill(first, Long.MAX_VALUE);
    Arrays.fill(last, Long.MIN_VALUE);
  }

  /** Counts the matches of {@code query}; with no facets in the index only hits are counted. */
  static SlotCounts count(IndexSearcher searcher, Query query, Mapping mapping) throws IOException {
    return searcher.search(query, new Manager(mapping));
  }

  private void add(SlotCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
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

  private record Manager(Mapping mapping) implements CollectorManager<Counter, SlotCounts> {

    @Override
    public Counter newCollector() {
      return new Counter(mapping);
    }

    @Override
    public SlotCounts reduce(Collection<Counter> collectors) {
      SlotCounts total = new SlotCounts(mapping.slots(), mapping.slotOfOrd().length);
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
      this.counts = new SlotCounts(mapping.slots(), mapping.slotOfOrd().length);
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
      LongValues toGlobal =
          mapping.ordinalMap() == null
              ? LongValues.IDENTITY
              : mapping.ordinalMap().getGlobalOrds(context.ord);
      int docBase = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          counts.hits++;
          long when = Long.MIN_VALUE;
          boolean hasDate = published.advanceExact(doc);
          if (hasDate) {
            when = published.nextValue();
            counts.dated++;
            counts.firstSeen = Math.min(counts.firstSeen, when);
            counts.lastSeen = Math.max(counts.lastSeen, when);
          }
          if (!ords.advanceExact(doc)) {
            return;
          }
          int global = docBase + doc;
          for (int i = 0, n = ords.docValueCount(); i < n; i++) {
            int ord = (int) toGlobal.get(ords.nextOrd());
            counts.ordCounts[ord]++;
            int slot = mapping.slotOfOrd()[ord];
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
