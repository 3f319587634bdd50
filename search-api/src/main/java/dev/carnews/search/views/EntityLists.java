package dev.carnews.search.views;

import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.EntityPage;
import dev.carnews.search.SignificantEntity;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The orders, cuts and name matching of the entity views, one way for both backends: whatever
 * counted the articles (facet ordinals per reader, JSON facets of a collection), the directory
 * pages, the associated entities, the authors, the timeline and the significant entities come out
 * in the same order from the same counts.
 */
public final class EntityLists {

  /** How many associated people, brands and authors an entity page lists. */
  public static final int PAGE_TOP = 10;

  /**
   * An associated entity of an entity with this many articles in scope needs two co-mentions: a
   * single shared article is then a coincidence, not an association.
   */
  public static final int PAIR_EVIDENCE_FROM = 20;

  /** A result set's entity needs this many articles to count as significant in it. */
  public static final int SIGNIFICANT_MIN_COUNT = 2;

  /** How many significant entities of each type a search lists. */
  public static final int SIGNIFICANT_TOP = 10;

  private EntityLists() {}

  /**
   * One entity of the directory as counted over the whole archive.
   *
   * @param key the folded name ({@code NameKeys.key})
   * @param name the display name
   * @param count articles naming it
   * @param first the earliest publication time, {@code Long.MAX_VALUE} when none is dated
   * @param last the latest publication time, {@code Long.MIN_VALUE} when none is dated
   */
  public record Listed(String key, String name, long count, long first, long last) {}

  /** The directory order of a sort: ties by folded name, then display name. */
  public static Comparator<Listed> order(EntityListRequest.Sort sort) {
    Comparator<Listed> byName = Comparator.comparing(Listed::key).thenComparing(Listed::name);
    return switch (sort) {
      case COUNT -> Comparator.comparingLong((Listed e) -> -e.count()).thenComparing(byName);
      case NAME -> byName;
      case RECENT -> Comparator.comparingLong((Listed e) -> -e.last()).thenComparing(byName);
    };
  }

  /** One page of a directory already in the request's order, filtered by its name prefix. */
  public static EntityListing page(List<Listed> sorted, EntityListRequest request, String prefix) {
    int first = (request.page() - 1) * request.size();
    List<EntityListing.Entry> page = new ArrayList<>(request.size());
    long total = 0;
    for (Listed entity : sorted) {
      if (!prefix.isEmpty() && !nameStartsWith(entity.key(), prefix)) {
        continue;
      }
      if (total >= first && page.size() < request.size()) {
        page.add(
            new EntityListing.Entry(
                request.type().label(),
                entity.name(),
                entity.count(),
                entity.first() == Long.MAX_VALUE ? null : Instant.ofEpochMilli(entity.first()),
                entity.last() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(entity.last())));
      }
      total++;
    }
    int pages = (int) ((total + request.size() - 1) / request.size());
    return new EntityListing(total, request.page(), request.size(), pages, page);
  }

  /** Whether the folded name or one of its words starts with the folded prefix. */
  public static boolean nameStartsWith(String key, String prefix) {
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

  /**
   * The spellings of one folded name, most used first (ties alphabetical): the first is the display
   * name.
   */
  public static List<String> spellings(Map<String, Long> usedBySpelling) {
    List<String> spellings = new ArrayList<>(usedBySpelling.keySet());
    spellings.sort(
        Comparator.comparing((String label) -> -usedBySpelling.get(label))
            .thenComparing(Comparator.naturalOrder()));
    return spellings;
  }

  /**
   * The minimum co-mentions an associated entity needs on the page of an entity with {@code
   * foreground} articles in scope.
   */
  public static int associatedMinCount(long foreground) {
    return foreground >= PAIR_EVIDENCE_FROM ? 2 : 1;
  }

  /** The most significant associated entities: by score, then co-mentions, then name. */
  public static List<EntityPage.Related> topRelated(List<EntityPage.Related> related) {
    List<EntityPage.Related> sorted = new ArrayList<>(related);
    sorted.sort(
        Comparator.comparingDouble((EntityPage.Related r) -> -r.score())
            .thenComparingLong(r -> -r.count())
            .thenComparing(EntityPage.Related::name));
    return List.copyOf(sorted.subList(0, Math.min(PAGE_TOP, sorted.size())));
  }

  /** The authors of most of an entity's articles: by count, then name. */
  public static List<EntityPage.AuthorCount> topAuthors(List<EntityPage.AuthorCount> authors) {
    List<EntityPage.AuthorCount> sorted = new ArrayList<>(authors);
    sorted.sort(
        Comparator.comparingLong((EntityPage.AuthorCount a) -> -a.count())
            .thenComparing(EntityPage.AuthorCount::name));
    return List.copyOf(sorted.subList(0, Math.min(PAGE_TOP, sorted.size())));
  }

  /** The {@code size} most significant entities: by score, then count, then name. */
  public static List<SignificantEntity> topSignificant(List<SignificantEntity> entities, int size) {
    List<SignificantEntity> sorted = new ArrayList<>(entities);
    sorted.sort(
        Comparator.comparingDouble((SignificantEntity e) -> -e.score())
            .thenComparingLong(e -> -e.count())
            .thenComparing(SignificantEntity::name));
    return List.copyOf(sorted.subList(0, Math.min(size, sorted.size())));
  }

  /**
   * Every month from the first to the last with articles, empty months included.
   *
   * @param counts per month with articles: the articles and those about the entity
   */
  public static List<EntityPage.Month> timeline(SortedMap<YearMonth, long[]> counts) {
    List<EntityPage.Month> months = new ArrayList<>();
    YearMonth next = null;
    for (Map.Entry<YearMonth, long[]> month : counts.entrySet()) {
      if (month.getValue()[0] == 0) {
        continue;
      }
      while (next != null && next.isBefore(month.getKey())) {
        months.add(new EntityPage.Month(next.toString(), 0, 0));
        next = next.plusMonths(1);
      }
      months.add(
          new EntityPage.Month(
              month.getKey().toString(), month.getValue()[0], month.getValue()[1]));
      next = month.getKey().plusMonths(1);
    }
    return months;
  }
}
