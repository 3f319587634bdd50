package dev.carnews.search.lucene.entities;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.views.EntityLists;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The directory of people, brands or authors: every entity of a type with its whole-archive count
 * and first and last dates, filtered by a name prefix and paged. The three orders ({@link
 * EntityLists#order}) are sorted once per reader; a request filters and pages one of them.
 */
public final class EntityListings {

  private final Map<EntityType, Map<EntityListRequest.Sort, List<EntityLists.Listed>>> orders =
      new EnumMap<>(EntityType.class);

  /** The sorted orders of one reader's directory. */
  EntityListings(EntityDirectory directory) {
    SlotCounts all = directory.all();
    for (EntityType type : EntityType.values()) {
      List<EntityLists.Listed> listed =
          IntStream.of(directory.slotsOf(type))
              // A name only deleted or rewritten articles had (a merged value) keeps its facet
              // ordinal until segments merge: it is no entity of the archive any more.
              .filter(slot -> all.counts[slot] > 0)
              .mapToObj(
                  slot ->
                      new EntityLists.Listed(
                          directory.slot(slot).key(),
                          directory.slot(slot).name(),
                          all.counts[slot],
                          all.first[slot],
                          all.last[slot]))
              .toList();
      Map<EntityListRequest.Sort, List<EntityLists.Listed>> byOrder =
          new EnumMap<>(EntityListRequest.Sort.class);
      for (EntityListRequest.Sort sort : EntityListRequest.Sort.values()) {
        byOrder.put(sort, listed.stream().sorted(EntityLists.order(sort)).toList());
      }
      orders.put(type, byOrder);
    }
  }

  /** One page of the directory. */
  EntityListing list(EntityListRequest request) {
    String prefix = request.q().isBlank() ? "" : NameKeys.key(request.q());
    return EntityLists.page(orders.get(request.type()).get(request.sort()), request, prefix);
  }
}
