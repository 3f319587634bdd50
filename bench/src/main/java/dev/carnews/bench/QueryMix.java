package dev.carnews.bench;

import dev.carnews.search.FacetValue;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed, seeded query mix: single terms, two terms, phrases, a brand filter, a date range,
 * newest-first and a match-all browse, in equal shares. Filter values and date windows come from
 * the index itself (its top brands and its first and last month), so the mix fits any index.
 */
final class QueryMix {

  /** The categories, in report order. */
  static final List<String> CATEGORIES =
      List.of("single", "two-terms", "phrase", "facet-filter", "date-range", "newest", "browse");

  private static final List<String> SINGLE =
      List.of(
          "oil",
          "profit",
          "shares",
          "bank",
          "election",
          "government",
          "market",
          "trade",
          "music",
          "film",
          "football",
          "drought",
          "wheat",
          "inflation",
          "minister",
          "court",
          "police",
          "company",
          "growth",
          "prices",
          "technology",
          "internet",
          "coffee",
          "gold",
          "dollar",
          "car",
          "sales",
          "engine",
          "electric",
          "record");

  private static final List<String> TWO_TERMS =
      List.of(
          "oil prices",
          "bank shares",
          "interest rates",
          "film award",
          "mobile phone",
          "trade deficit",
          "stock market",
          "world cup",
          "wheat exports",
          "government spending",
          "car sales",
          "rate cut",
          "profit rose",
          "new model",
          "record sales");

  private static final List<String> PHRASES =
      List.of(
          "\"interest rates\"",
          "\"prime minister\"",
          "\"stock exchange\"",
          "\"oil prices\"",
          "\"world cup\"",
          "\"mobile phone\"",
          "\"central bank\"",
          "\"trade deficit\"",
          "\"chief executive\"",
          "\"new york\"");

  private QueryMix() {}

  /** {@code count} queries drawn with the seed, in order, over the index the searcher serves. */
  static List<BenchQuery> draw(LuceneNewsArchive searcher, int count, long seed)
      throws IOException {
    SearchResponse all = searcher.search(SearchRequest.of(""));
    List<String> brands = all.facets().get("brand").stream().map(FacetValue::value).toList();
    List<String> months = all.facets().get("date").stream().map(FacetValue::value).toList();
    SplittableRandom random = new SplittableRandom(seed);
    List<BenchQuery> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String category = CATEGORIES.get(i % CATEGORIES.size());
      queries.add(new BenchQuery(category, request(category, random, brands, months)));
    }
    return queries;
  }

  private static SearchRequest request(
      String category, SplittableRandom random, List<String> brands, List<String> months) {
    String word = pick(SINGLE, random);
    return switch (category) {
      case "single" -> SearchRequest.of(word);
      case "two-terms" -> SearchRequest.of(pick(TWO_TERMS, random));
      case "phrase" -> SearchRequest.of(pick(PHRASES, random));
      case "facet-filter" ->
          brands.isEmpty()
              ? SearchRequest.of(word)
              : SearchRequest.of(word).withBrands(List.of(pick(brands, random)));
      case "date-range" -> withWindow(SearchRequest.of(word), random, months);
      case "newest" ->
          SearchRequest.of(word).withPage(SortOrder.NEWEST, 1, SearchRequest.DEFAULT_SIZE);
      case "browse" -> SearchRequest.of("");
      default -> throw new IllegalArgumentException("unknown category " + category);
    };
  }

  /** A window of a tenth of the index's months (at least one), placed at random. */
  private static SearchRequest withWindow(
      SearchRequest request, SplittableRandom random, List<String> months) {
    if (months.isEmpty()) {
      return request;
    }
    int width = Math.max(1, months.size() / 10);
    int first = random.nextInt(Math.max(1, months.size() - width + 1));
    YearMonth from = YearMonth.parse(months.get(first));
    YearMonth to = YearMonth.parse(months.get(Math.min(first + width, months.size()) - 1));
    LocalDate lastDay = to.atEndOfMonth();
    return request.withDates(from.atDay(1), lastDay);
  }

  private static String pick(List<String> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
