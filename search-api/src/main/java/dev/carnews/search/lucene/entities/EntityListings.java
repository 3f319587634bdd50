package dev.carnews.search.lucene.entities;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The directory of people, brands or authors: every entity of a type with its whole-archive count
 * and first and last dates, filtered by a name prefix and paged. The three orders are sorted once
 * per reader; a request filters and pages one of them.
 */
public final class EntityListings {

  private final EntityDirectory directory;
  private final Map<EntityType, Map<EntityListRequest.Sort, int[]>> orders =
      new EnumMap<>(EntityType.class);

  /** The sorted orders of one reader's directory. */
  EntityListings(EntityDirectory directory) {
    this.directory = directory;
    SlotCounts all = directory.all();
    for (EntityType type : EntityType.values()) {
      Map<EntityListRequest.Sort, int[]> byOrder = new EnumMap<>(EntityListRequest.Sort.class);
      Comparator<Integer> byName =
          Comparator.comparing((Integer slot) -> directory.slot(slot).key())
              .thenComparing(slot -> directory.slot(slot).name());
      byOrder.put(
          EntityListRequest.Sort.COUNT,
          sorted(
              type,
              Comparator.comparingInt((Integer slot) -> -all.counts[slot]).thenComparing(byName)));
      byOrder.put(EntityListRequest.Sort.NAME, sorted(type, byName));
      byOrder.put(
          EntityListRequest.Sort.RECENT,
          sorted(
              type,
              Comparator.comparingLong((Integer slot) -> -all.last[slot]).thenComparing(byName)));
      orders.put(type, byOrder);
    }
  }

  /** One page of the directory. */
  EntityListing list(EntityListRequest request) {
    String prefix = request.q().isBlank() ? "" : NameKeys.key(request.q());
    SlotCounts all = directory.all();
    int first = (request.page() - 1) * request.size();
    List<EntityListing.Entry> page = new ArrayList<>(request.size());
    long total = 0;
    for (int slot : orders.get(request.type()).get(request.sort())) {
      if (!prefix.isEmpty() && !matches(directory.slot(slot).key(), prefix)) {
        continue;
      }
      if (total >= first && page.size() < request.size()) {
        EntityDirectory.Slot entity = directory.slot(slot);
        page.add(
            new EntityListing.Entry(
                request.type().label(),
                entity.name(),
                all.counts[slot],
                all.first[slot] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(all.first[slot]),
                all.last[slot] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(all.last[slot])));
      }
      total++;
    }
    int pages = (int) ((total + request.size() - 1) / request.size());
    return new EntityListing(total, request.page(), request.size(), pages, page);
  }

  /** Whether the folded name or one of its words starts with the folded prefix. */
  private static boolean matches(String key, String prefix) {
    if (key.startsWith(prefix)) {
      return true;
    }
    for (int at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      if (key.startsWith(prefix, at + 1)) {
        return true;
      }
    }
    return false;
  }

  private int[] sorted(EntityType type, Comparator<Integer> order) {
    return IntStream.of(directory.slotsOf(type)).boxed().sorted(order).mapToInt(i -> i).toArray();
  }
}
