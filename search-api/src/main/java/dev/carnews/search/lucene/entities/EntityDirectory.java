package dev.carnews.search.lucene.entities;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.lucene.index.EntityFields;
import dev.carnews.search.views.EntityLists;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Every person, brand and author of one reader, and every month, as numbered slots: the facet
 * labels that fold to one key ({@code NameKeys.key}) share a slot shown under the most used
 * spelling, as the search facets merge them. Built once per reader from the facet and date doc
 * values, each segment counted once while it is open ({@link SlotCounts#countArchive}), so the
 * whole-index counts that entity pages, the directory and trends compare with cost nothing per
 * request.
 */
public final class EntityDirectory {

  /**
   * One slot: a folded name of one type, or a month ({@code type} {@code null}, key and name the
   * {@code yyyy-MM} label).
   */
  record Slot(EntityType type, String key, String name, List<String> spellings) {}

  private final SlotCounts.Mapping mapping;
  private final List<Slot> slots;
  private final Map<EntityType, Map<String, Integer>> byKey;
  private final Map<EntityType, int[]> slotsOfType;
  private final int[] monthSlots;
  private final SlotCounts all;

  private EntityDirectory(
      SlotCounts.Mapping mapping,
      List<Slot> slots,
      Map<EntityType, Map<String, Integer>> byKey,
      Map<EntityType, int[]> slotsOfType,
      int[] monthSlots,
      SlotCounts all) {
    this.mapping = mapping;
    this.slots = List.copyOf(slots);
    this.byKey = byKey;
    this.slotsOfType = slotsOfType;
    this.monthSlots = monthSlots;
    this.all = all;
  }

  /**
   * The directory of a reader whose facet state is {@code state} ({@code null}: no facets), its
   * whole-archive counts added up from {@code segments}' tally of each segment.
   */
  static EntityDirectory build(
      IndexReader reader, SortedSetDocValuesReaderState state, SlotCounts.SegmentTallies segments)
      throws IOException {
    List<Slot> draft = new ArrayList<>();
    List<List<Integer>> ordsOfSlot = new ArrayList<>();
    Map<EntityType, Map<String, Integer>> byKey = new EnumMap<>(EntityType.class);
    int[] slotOfOrd = new int[state == null ? 0 : state.getSize()];
    Arrays.fill(slotOfOrd, -1);
    OrdinalMap ordinalMap = null;
    SortedSetDocValues values = state == null ? null : state.getDocValues();
    if (state != null) {
      if (values instanceof MultiDocValues.MultiSortedSetDocValues multi) {
        ordinalMap = multi.mapping;
      }
      for (EntityType type : EntityType.values()) {
        Map<String, Integer> keys = new HashMap<>();
        forEachLabel(
            state,
            values,
            EntityFields.of(type).dim(),
            (ord, label) -> {
              String key = NameKeys.key(label);
              Integer slot = keys.get(key);
              if (slot == null) {
                slot = draft.size();
                keys.put(key, slot);
                draft.add(new Slot(type, key, label, List.of()));
                ordsOfSlot.add(new ArrayList<>());
              }
              slotOfOrd[ord] = slot;
              ordsOfSlot.get(slot).add(ord);
            });
        byKey.put(type, keys);
      }
      forEachLabel(
          state,
          values,
          ArticleSchema.MONTH_FACET,
          (ord, label) -> {
            slotOfOrd[ord] = draft.size();
            draft.add(new Slot(null, label, label, List.of()));
            ordsOfSlot.add(List.of(ord));
          });
    }
    String field = state == null ? null : state.getField();
    List<LeafReaderContext> leaves = reader.leaves();
    int[][] globalOrds = SlotCounts.Mapping.globalOrds(field, ordinalMap, leaves);
    SlotCounts.Mapping mapping =
        SlotCounts.Mapping.of(field, globalOrds, leaves, slotOfOrd, draft.size());
    SlotCounts all =
        SlotCounts.countArchive(reader, mapping, globalOrds, slotOfOrd.length, segments);
    List<Slot> slots = new ArrayList<>(draft.size());
    for (int slot = 0; slot < draft.size(); slot++) {
      slots.add(named(draft.get(slot), ordsOfSlot.get(slot), all.ordCounts, values));
    }
    Map<EntityType, int[]> slotsOfType = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      slotsOfType.put(
          type,
          byKey.get(type) == null
              ? new int[0]
              : byKey.get(type).values().stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    int[] months =
        IntStream.range(0, slots.size())
            .filter(slot -> slots.get(slot).type() == null)
            .boxed()
            .sorted(Comparator.comparing(slot -> slots.get(slot).key()))
            .mapToInt(Integer::intValue)
            .toArray();
    return new EntityDirectory(mapping, slots, byKey, slotsOfType, months, all);
  }

  /** The slot of a name of a type, matched on its folded key. */
  Optional<Integer> find(EntityType type, String name) {
    return Optional.ofNullable(byKey.getOrDefault(type, Map.of()).get(NameKeys.key(name)));
  }

  Slot slot(int slot) {
    return slots.get(slot);
  }

  /** Every slot of a type, in slot order. */
  int[] slotsOf(EntityType type) {
    return slotsOfType.get(type);
  }

  /** Month slots in time order. */
  int[] months() {
    return monthSlots;
  }

  /** Whole-index counts per slot, and the index's article and dated counts. */
  SlotCounts all() {
    return all;
  }

  SlotCounts.Mapping mapping() {
    return mapping;
  }

  /** The slot with its display name (the most used spelling) and every spelling of it. */
  private static Slot named(
      Slot draft, List<Integer> ords, int[] ordCounts, SortedSetDocValues values)
      throws IOException {
    if (ords.size() < 2) {
      return draft;
    }
    Map<String, Long> used = new LinkedHashMap<>();
    for (int ord : ords) {
      used.put(label(values, ord), (long) ordCounts[ord]);
    }
    List<String> spellings = EntityLists.spellings(used);
    return new Slot(draft.type(), draft.key(), spellings.get(0), spellings);
  }

  private interface LabelVisitor {
    void visit(int ord, String label) throws IOException;
  }

  private static void forEachLabel(
      SortedSetDocValuesReaderState state,
      SortedSetDocValues values,
      String dim,
      LabelVisitor visitor)
      throws IOException {
    OrdRange range = state.getOrdRange(dim);
    if (range == null) {
      return;
    }
    for (int ord = range.start; ord <= range.end; ord++) {
      visitor.visit(ord, label(values, ord));
    }
  }

  private static String label(SortedSetDocValues values, int ord) throws IOException {
    String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
    return path[path.length - 1];
  }
}
