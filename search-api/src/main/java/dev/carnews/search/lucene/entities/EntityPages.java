package dev.carnews.search.lucene.entities;

import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.EntityPage;
import dev.carnews.search.SearchHit;
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.lucene.index.EntityFields;
import dev.carnews.search.views.EntityLists;
import dev.carnews.search.views.Significance;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Builds an {@link EntityPage}: counts, months, co-mentioned entities and authors come from one
 * {@link SlotCounts} pass over the entity's articles in scope (plus one over those about it); only
 * the latest and the most salient articles are read from stored fields, through {@link HitReader}.
 * Associated entities are ranked by their {@link Significance} score against the whole archive.
 */
public final class EntityPages {

  private final HitReader hitReader;

  EntityPages(HitReader hitReader) {
    this.hitReader = hitReader;
  }

  /**
   * The page of a name, or empty when the archive has no such entity.
   *
   * @param scope the search's filtered query (all articles when it has no filters)
   * @param text the query words to mark in snippets, or {@code null}
   * @param size how many latest and salient articles to list
   */
  Optional<EntityPage> page(
      IndexSearcher searcher,
      EntityDirectory directory,
      EntityType type,
      String name,
      Query scope,
      Query text,
      int size)
      throws IOException {
    Optional<Integer> found = directory.find(type, name);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EntityDirectory.Slot entity = directory.slot(found.get());
    Query mentions =
        and(scope, new TermQuery(new Term(EntityFields.of(type).keyField(), entity.key())));
    SlotCounts counts = SlotCounts.count(searcher, mentions, directory.mapping());
    SlotCounts about =
        type.hasSalience()
            ? SlotCounts.count(
                searcher,
                and(
                    mentions,
                    new TermQuery(new Term(EntityFields.of(type).aboutField(), entity.key()))),
                directory.mapping())
            : counts;
    List<SearchHit> latest =
        hits(
            searcher, searcher.search(mentions, size, ArticleSchema.newestFirst()).scoreDocs, text);
    List<SearchHit> salient = List.of();
    if (type.hasSalience()) {
      Query bySalience =
          new BooleanQuery.Builder()
              .add(
                  FeatureField.newLinearQuery(EntityFields.of(type).rankField(), entity.key(), 1f),
                  BooleanClause.Occur.MUST)
              .add(mentions, BooleanClause.Occur.FILTER)
              .build();
      // Equal saliences newest first, not in document order, which depends on how the index was
      // written and merged.
      Sort bySalienceThenDate =
          new Sort(SortField.FIELD_SCORE, ArticleSchema.newestFirst().getSort()[0]);
      salient =
          hits(searcher, searcher.search(bySalience, size, bySalienceThenDate).scoreDocs, text);
    }
    return Optional.of(
        new EntityPage(
            type.label(),
            entity.name(),
            entity.spellings(),
            counts.hits,
            about.hits,
            counts.dated == 0 ? null : Instant.ofEpochMilli(counts.firstSeen),
            counts.dated == 0 ? null : Instant.ofEpochMilli(counts.lastSeen),
            timeline(directory, counts, about),
            new EntityPage.Associated(
                associated(directory, counts, EntityType.PERSON, found.get()),
                associated(directory, counts, EntityType.BRAND, found.get())),
            authors(directory, counts, type == EntityType.AUTHOR ? found.get() : -1),
            latest,
            salient));
  }

  private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] docs, Query text)
      throws IOException {
    return hitReader.hits(searcher, docs, text);
  }

  /** Every month from the first to the last with articles, empty months included. */
  private static List<EntityPage.Month> timeline(
      EntityDirectory directory, SlotCounts counts, SlotCounts about) {
    SortedMap<YearMonth, long[]> months = new TreeMap<>();
    for (int slot : directory.months()) {
      months.put(
          YearMonth.parse(directory.slot(slot).key()),
          new long[] {counts.counts[slot], about.counts[slot]});
    }
    return EntityLists.timeline(months);
  }

  /** The entities of a type named with the page's entity, by significance against the archive. */
  private static List<EntityPage.Related> associated(
      EntityDirectory directory, SlotCounts counts, EntityType type, int self) {
    long foreground = counts.hits;
    long background = directory.all().hits;
    int minCount = EntityLists.associatedMinCount(foreground);
    List<EntityPage.Related> related = new ArrayList<>();
    for (int slot : directory.slotsOf(type)) {
      int together = counts.counts[slot];
      if (slot == self || together < minCount) {
        continue;
      }
      double score =
          Significance.score(together, foreground, directory.all().counts[slot], background);
      related.add(new EntityPage.Related(directory.slot(slot).name(), together, score));
    }
    return EntityLists.topRelated(related);
  }

  private static List<EntityPage.AuthorCount> authors(
      EntityDirectory directory, SlotCounts counts, int self) {
    List<EntityPage.AuthorCount> authors = new ArrayList<>();
    for (int slot : directory.slotsOf(EntityType.AUTHOR)) {
      if (slot != self && counts.counts[slot] > 0) {
        authors.add(new EntityPage.AuthorCount(directory.slot(slot).name(), counts.counts[slot]));
      }
    }
    return EntityLists.topAuthors(authors);
  }

  /** Both queries as filters (no scores: counting and date order need none). */
  static Query and(Query a, Query b) {
    return new BooleanQuery.Builder()
        .add(a, BooleanClause.Occur.FILTER)
        .add(b, BooleanClause.Occur.FILTER)
        .build();
  }
}
