package dev.carnews.search.lucene.entities;

import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.SignificantEntity;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.TrendingResponse;
import dev.carnews.search.views.EntityLists;
import dev.carnews.search.views.Significance;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * What is unusual rather than merely frequent: the people and brands whose share of a set of
 * articles is significantly above their share of a background, scored by {@link Significance}.
 *
 * <p>Trending compares a time window with the dated articles before it. The window and the smaller
 * of the times before and after it are counted per request; with the time after it, the background
 * is the per-reader whole-archive count of {@link EntityDirectory} minus the window, the time after
 * it and the undated articles. A search's significant entities compare its result set with the
 * whole archive.
 */
public final class Trending {

  private Trending() {}

  /** The trending entities of a window. */
  static TrendingResponse trending(
      IndexSearcher searcher, EntityDirectory directory, TrendingRequest request)
      throws IOException {
    SlotCounts all = directory.all();
    LocalDate to = request.to();
    if (to == null) {
      to =
          all.dated == 0
              ? LocalDate.now(ZoneOffset.UTC)
              : LocalDate.ofInstant(Instant.ofEpochMilli(all.lastSeen), ZoneOffset.UTC);
    }
    LocalDate from =
        request.from() != null ? request.from() : to.minusDays(TrendingRequest.DEFAULT_DAYS - 1L);
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    long start = startOf(from);
    long end = startOf(to.plusDays(1)) - 1;
    SlotCounts window = count(searcher, directory, start, end);
    // The background is the dated articles before the window: counted directly when they are
    // fewer than those after it, else the cached whole-archive counts minus the window and the
    // time after it. Point counts (no document visited) say which side is smaller.
    Query beforeRange = range(Long.MIN_VALUE, start - 1);
    Query afterRange = end == Long.MAX_VALUE ? null : range(end + 1, Long.MAX_VALUE);
    boolean direct =
        afterRange == null || searcher.count(beforeRange) <= searcher.count(afterRange);
    SlotCounts side =
        SlotCounts.count(searcher, direct ? beforeRange : afterRange, directory.mapping());
    long windowArticles = window.hits;
    long background = direct ? side.hits : all.dated - window.hits - side.hits;
    List<SignificantEntity> entities = new ArrayList<>();
    for (EntityType type : request.types()) {
      for (int slot : directory.slotsOf(type)) {
        int f = window.counts[slot];
        if (f < request.minCount()) {
          continue;
        }
        long b =
            direct
                ? side.counts[slot]
                : all.counts[slot] - all.undated[slot] - f - side.counts[slot];
        if (Significance.overRepresented(f, windowArticles, b, background)) {
          entities.add(
              new SignificantEntity(
                  type.label(),
                  directory.slot(slot).name(),
                  f,
                  b,
                  Significance.score(f, windowArticles, b, background)));
        }
      }
    }
    return new TrendingResponse(
        EntityLists.topSignificant(entities, request.size()),
        from,
        to,
        windowArticles,
        background,
        request.minCount());
  }

  /**
   * The entities of each type over-represented in a result set against the whole archive, most
   * significant first.
   */
  static Map<String, List<SignificantEntity>> significant(
      IndexSearcher searcher, EntityDirectory directory, Query matches, Set<EntityType> types)
      throws IOException {
    SlotCounts found = SlotCounts.count(searcher, matches, directory.mapping());
    SlotCounts all = directory.all();
    Map<EntityType, List<SignificantEntity>> byType = new EnumMap<>(EntityType.class);
    for (EntityType type : types) {
      List<SignificantEntity> entities = new ArrayList<>();
      for (int slot : directory.slotsOf(type)) {
        int f = found.counts[slot];
        int b = all.counts[slot];
        if (f >= EntityLists.SIGNIFICANT_MIN_COUNT
            && Significance.overRepresented(f, found.hits, b, all.hits)) {
          entities.add(
              new SignificantEntity(
                  type.label(),
                  directory.slot(slot).name(),
                  f,
                  b,
                  Significance.score(f, found.hits, b, all.hits)));
        }
      }
      byType.put(type, EntityLists.topSignificant(entities, EntityLists.SIGNIFICANT_TOP));
    }
    Map<String, List<SignificantEntity>> byLabel = new LinkedHashMap<>();
    byType.forEach((type, entities) -> byLabel.put(type.label(), entities));
    return byLabel;
  }

  private static SlotCounts count(
      IndexSearcher searcher, EntityDirectory directory, long from, long to) throws IOException {
    return SlotCounts.count(searcher, range(from, to), directory.mapping());
  }

  private static Query range(long from, long to) {
    return LongField.newRangeQuery(ArticleSchema.PUBLISHED, from, to);
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
