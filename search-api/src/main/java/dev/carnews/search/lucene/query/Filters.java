package dev.carnews.search.lucene.query;

import static dev.carnews.index.ArticleSchema.ABOUT_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ABOUT_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.AUTHOR_FACET;
import static dev.carnews.index.ArticleSchema.AUTHOR_KEY;
import static dev.carnews.index.ArticleSchema.BRAND_FACET;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_FACET;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PUBLISHED;

import dev.carnews.analysis.NameKeys;
import dev.carnews.search.About;
import dev.carnews.search.SearchRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A request's filters around its ranked query. The date range and {@code about} are plain filters,
 * so the month counts add up to the total; the brand, author and person filters are drill-down
 * dimensions (values of one facet OR-ed, facets AND-ed, matched on folded keys), so drill-sideways
 * counting leaves a facet's own filter out of its own counts.
 */
public final class Filters {

  private Filters() {}

  /** The ranked query with every filter of the request. */
  static DrillDownQuery apply(FacetsConfig config, Query ranked, SearchRequest request) {
    DrillDownQuery query =
        new DrillDownQuery(config, withAboutFilter(withDateFilter(ranked, request), request));
    addFilter(query, BRAND_FACET, BRAND_KEY, request.brands());
    addFilter(query, AUTHOR_FACET, AUTHOR_KEY, request.authors());
    addFilter(query, PERSON_FACET, PERSON_KEY, request.persons());
    return query;
  }

  /** Whether the request filters by a facet (drill-sideways then scores the filters too). */
  static boolean facetFiltered(SearchRequest request) {
    return !request.brands().isEmpty()
        || !request.authors().isEmpty()
        || !request.persons().isEmpty();
  }

  /** The folded keys of names, in order, without repeats. */
  public static Set<String> keys(List<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    names.forEach(name -> keys.add(NameKeys.key(name)));
    return keys;
  }

  private static Query withDateFilter(Query text, SearchRequest request) {
    if (!request.hasDateFilter()) {
      return text;
    }
    long from = request.fromDate().map(Filters::startOf).orElse(Long.MIN_VALUE);
    long to = request.toDate().map(day -> startOf(day.plusDays(1)) - 1).orElse(Long.MAX_VALUE);
    return new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(LongField.newRangeQuery(PUBLISHED, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /** Each {@code about} value is a required filter on the keys of the salient entities. */
  private static Query withAboutFilter(Query query, SearchRequest request) {
    if (request.about().isEmpty()) {
      return query;
    }
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
    for (About about : request.about()) {
      String field = about.kind() == About.Kind.BRAND ? ABOUT_BRAND_KEY : ABOUT_PERSON_KEY;
      filtered.add(
          new TermQuery(new Term(field, NameKeys.key(about.name()))), BooleanClause.Occur.FILTER);
    }
    return filtered.build();
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static void addFilter(
      DrillDownQuery query, String dim, String keyField, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    keys(values)
        .forEach(
            key -> anyOf.add(new TermQuery(new Term(keyField, key)), BooleanClause.Occur.SHOULD));
    query.add(dim, new ConstantScoreQuery(anyOf.build()));
  }
}
