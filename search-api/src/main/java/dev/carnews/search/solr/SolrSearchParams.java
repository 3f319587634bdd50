package dev.carnews.search.solr;

import static dev.carnews.index.ArticleSchema.ABOUT_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ABOUT_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.AUTHOR_KEY;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PUBLISHED;

import dev.carnews.analysis.NameKeys;
import dev.carnews.index.ArticleSchema;
import dev.carnews.search.About;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.views.WordReading;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * A {@link SearchRequest} as Solr parameters: edismax over title (×3) and body with every word
 * required or any of them ({@link Words}, as {@link WordReading} decides), facet filters on folded
 * keys tagged so each facet's counts exclude its own filter (multi-select, like the local
 * drill-sideways), the date range as a plain filter so month counts add up to the total, the
 * recency multiplier of {@link Ranking} as edismax's {@code boost}, and entity salience as payload
 * boosts for a query that names an entity.
 */
final class SolrSearchParams {

  /**
   * Solr's edismax; with {@code sow=false} and the configset's {@code autoGeneratePhraseQueries} a
   * multi-word car synonym matches as a phrase, as locally.
   */
  static final String PARSER = "edismax";

  /** Facet values asked of Solr per facet: twice the shown ones, so name variants can merge. */
  static final int FACET_FETCH = 40;

  /** The stored fields a hit shows (body only for the lead of hits without a passage). */
  static final String HIT_FIELDS = "id,url,title,body,author,published,brand,person";

  private SolrSearchParams() {}

  /** The query for one page; {@code text} is what is searched (the query or its correction). */
  static SolrQuery of(SearchRequest request, String text, Ranking ranking, long newest) {
    String key = NameKeys.key(text);
    return of(request, text, ranking, newest, List.of(key), List.of(key));
  }

  /**
   * The query for one page, every word required, the articles where the brands and people the query
   * names (their folded keys) are salient ranked higher, as locally.
   */
  static SolrQuery of(
      SearchRequest request,
      String text,
      Ranking ranking,
      long newest,
      List<String> brandKeys,
      List<String> personKeys) {
    return of(request, Words.all(text), ranking, newest, brandKeys, personKeys);
  }

  /** The query for one page, its words read as {@code read} says. */
  static SolrQuery of(
      SearchRequest request,
      Words read,
      Ranking ranking,
      long newest,
      List<String> brandKeys,
      List<String> personKeys) {
    SolrQuery query = new SolrQuery();
    String text = read.text();
    boolean words = !text.isBlank();
    if (words) {
      words(query, read);
      if (request.sort() == SortOrder.RELEVANCE && ranking.recency()) {
        query.set("boost", recency(ranking, newest));
      }
      salience(query, "brand", brandKeys);
      salience(query, "person", personKeys);
      highlight(query);
      query.set("spellcheck", true);
      query.set("spellcheck.q", text);
      query.set("spellcheck.collate", true);
      query.set("spellcheck.maxCollationTries", 5);
    } else {
      query.setQuery("*:*");
    }
    filters(request, query);
    facets(query);
    sort(request, words, query);
    query.setFields(HIT_FIELDS);
    query.setRows(request.size());
    return query;
  }

  /** A boost per named entity: its salience in the article (a payload of its key). */
  private static void salience(SolrQuery query, String type, List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      String param = type + "key" + i;
      query.add("bq", "{!payload_score f=" + type + "_salience_rank func=max v=$" + param + "}");
      query.set(param, keys.get(i));
    }
  }

  /**
   * The articles a request matches, unranked and unpaged: its words (every one required) and its
   * filters, what entity pages, significant entities and counts start from.
   */
  static SolrQuery matching(SearchRequest request) {
    SolrQuery query = new SolrQuery();
    if (request.q().isBlank()) {
      query.setQuery("*:*");
    } else {
      words(query, Words.all(request.q()));
    }
    filters(request, query);
    return query;
  }

  /**
   * The words of a search as edismax gets them ({@link WordReading}): the text as typed with every
   * word required, or any of its words, where a word in more than half of the articles (common)
   * only adds to the score.
   *
   * @param text what is searched: the query or its correction
   * @param q edismax's query: the text, or its words escaped one by one (an any-word reading)
   * @param mm edismax's minimum match, {@code null} when {@code q} says it with operators
   * @param anyWord whether the words were read as any of them
   */
  record Words(String text, String q, String mm, boolean anyWord) {

    /** Every word of the text as typed. */
    static Words all(String text) {
      return new Words(text, text, "100%", false);
    }

    /**
     * Any of the words: at least one of the {@code rare} ones (the common ones then only score),
     * or, when there are only common words, {@link WordReading#commonRequired} of them. Words in no
     * article are left out; with none left the text needs every word (and finds nothing, so the
     * spelling correction answers).
     */
    static Words any(String text, List<String> rare, List<String> common) {
      if (rare.isEmpty() && common.isEmpty()) {
        return all(text);
      }
      String rareWords = escaped(rare);
      String commonWords = escaped(common);
      if (common.isEmpty()) {
        return new Words(text, rareWords, "1", true);
      }
      if (rare.isEmpty()) {
        return new Words(
            text, commonWords, Integer.toString(WordReading.commonRequired(common.size())), true);
      }
      // An explicit operator: edismax then applies no mm, and the rest of the words are optional.
      return new Words(text, "+(" + rareWords + ") " + commonWords, null, true);
    }

    private static String escaped(List<String> words) {
      return words.stream().map(ClientUtils::escapeQueryChars).collect(Collectors.joining(" "));
    }
  }

  /** The words of a query as edismax reads them: title and body. */
  private static void words(SolrQuery query, Words read) {
    query.set("defType", PARSER);
    query.setQuery(read.q());
    query.set("qf", "title^3 body");
    if (read.mm() != null) {
      query.set("mm", read.mm());
    }
    // An any-word reading reads word by word, as the local index does (its words are escaped).
    query.set("sow", read.anyWord() ? "true" : "false");
    if (read.anyWord()) {
      query.set("q.op", "OR");
    }
    query.set("q.alt", "*:*");
  }

  /** Passages of title and body with the query's words marked. */
  static void highlight(SolrQuery query) {
    query.setHighlight(true);
    query.set("hl.fl", "title,body");
    query.set("hl.snippets", 2);
    query.set("hl.fragsize", 160);
    query.set("f.title.hl.fragsize", 0);
  }

  /** The filters of a request on a query (also used by counts that need the same set). */
  static void filters(SearchRequest request, SolrQuery query) {
    facetFilter(query, "brand", BRAND_KEY, request.brands());
    facetFilter(query, "author", AUTHOR_KEY, request.authors());
    facetFilter(query, "person", PERSON_KEY, request.persons());
    if (request.hasDateFilter()) {
      String from = request.fromDate().map(d -> Long.toString(startOf(d))).orElse("*");
      String to = request.toDate().map(d -> Long.toString(startOf(d.plusDays(1)) - 1)).orElse("*");
      query.addFilterQuery(PUBLISHED + ":[" + from + " TO " + to + "]");
    }
    for (About about : request.about()) {
      String field = about.kind() == About.Kind.BRAND ? ABOUT_BRAND_KEY : ABOUT_PERSON_KEY;
      query.addFilterQuery(field + ":" + quoted(NameKeys.key(about.name())));
    }
  }

  /** A term query on a folded-key field, quoted for the standard parser. */
  static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static void facetFilter(
      SolrQuery query, String tag, String keyField, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    String any =
        values.stream()
            .map(value -> quoted(NameKeys.key(value)))
            .collect(Collectors.joining(" OR "));
    query.addFilterQuery("{!tag=" + tag + "}" + keyField + ":(" + any + ")");
  }

  private static void facets(SolrQuery query) {
    query.setFacet(true);
    query.setFacetMinCount(1);
    query.setFacetLimit(FACET_FETCH);
    for (String facet : List.of("brand", "author", "person")) {
      query.addFacetField("{!ex=" + facet + " key=" + facet + "}" + facet);
    }
    query.addFacetField("{!key=date}" + ArticleSchema.MONTH_FACET);
    query.set("f.month.facet.limit", -1);
    query.set("f.month.facet.sort", "index");
  }

  private static void sort(SearchRequest request, boolean words, SolrQuery query) {
    SortOrder sort = request.sort();
    if (sort == SortOrder.RELEVANCE && words) {
      query.addSort("score", SolrQuery.ORDER.desc);
    } else {
      boolean newest = sort != SortOrder.OLDEST;
      query.addSort(PUBLISHED, newest ? SolrQuery.ORDER.desc : SolrQuery.ORDER.asc);
    }
    // The unique key last: a total order, which cursorMark requires.
    query.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
  }

  /** {@code FLOOR + (1 − FLOOR) · 2^(−age / halfLife)}, age from the newest article. */
  private static String recency(Ranking ranking, long newest) {
    double halfLifeMillis = ranking.recencyHalfLifeDays() * 86_400_000d;
    double floor = Ranking.RECENCY_FLOOR;
    return String.format(
        Locale.ROOT,
        "if(exists(%1$s),sum(%2$s,product(%3$s,pow(2,div(sub(%1$s,%4$d),%5$.1f)))),%2$s)",
        PUBLISHED,
        floor,
        1 - floor,
        newest,
        halfLifeMillis);
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
