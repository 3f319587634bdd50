package dev.carnews.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One search, validated.
 *
 * @param q the words, {@code "phrases"} and {@code -exclusions}; blank browses all articles
 * @param brands brand filter values, OR-ed; filters of different facets are AND-ed
 * @param authors author filter values, OR-ed
 * @param persons person filter values, OR-ed
 * @param from first publication day (UTC, inclusive), or {@code null} for no lower bound
 * @param to last publication day (UTC, inclusive), or {@code null} for no upper bound
 * @param sort the order of hits
 * @param page the 1-based page
 * @param size hits per page, 1..{@value #MAX_SIZE}
 * @param about entities every hit must be about (salient in it), AND-ed; empty for no such filter
 * @param facets the facet lists to answer with, in {@link #FACET_NAMES} order ({@code month} is
 *     read as {@code date}); empty for none, so no facet is counted
 * @param facetSize how many values the brand, author and person lists show, 1..{@value
 *     #MAX_FACET_SIZE}; the date list shows every month
 * @param collapse whether to show one hit per story (the versions of one article), {@code
 *     collapse=story}; off by default
 * @param mode how articles are found and ranked: by words (the default), meaning, or both
 */
public record SearchRequest(
    String q,
    List<String> brands,
    List<String> authors,
    List<String> persons,
    LocalDate from,
    LocalDate to,
    SortOrder sort,
    int page,
    int size,
    List<About> about,
    List<String> facets,
    int facetSize,
    boolean collapse,
    SearchMode mode) {

  /** Hits per page when the request does not say. */
  public static final int DEFAULT_SIZE = 10;

  /** The largest page. */
  public static final int MAX_SIZE = 100;

  /** The longest query text, in characters. */
  public static final int MAX_QUERY_LENGTH = 1000;

  /** The deepest hit a page may reach ({@code page × size}). */
  public static final int MAX_WINDOW = 10_000;

  /** The most values one facet filter may list. */
  public static final int MAX_FILTER_VALUES = 50;

  /** The facet lists a response can carry, in response order. */
  public static final List<String> FACET_NAMES = List.of("brand", "author", "person", "date");

  /** Values per brand, author and person list when the request does not say. */
  public static final int DEFAULT_FACET_SIZE = 20;

  /** The most values a facet list may show. */
  public static final int MAX_FACET_SIZE = 100;

  /** Validates every parameter; the messages are shown to API clients as they are. */
  public SearchRequest {
    q = Objects.requireNonNullElse(q, "").strip();
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException("q must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    brands = cleanValues("brand", brands);
    authors = cleanValues("author", authors);
    persons = cleanValues("person", persons);
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    sort = Objects.requireNonNullElse(sort, SortOrder.RELEVANCE);
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 1.." + MAX_SIZE);
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new IllegalArgumentException("page × size must be at most " + MAX_WINDOW);
    }
    about = List.copyOf(Objects.requireNonNullElse(about, List.<About>of()));
    if (about.size() > MAX_FILTER_VALUES) {
      throw new IllegalArgumentException(
          "about may be given at most " + MAX_FILTER_VALUES + " times");
    }
    facets = facetNames(facets);
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new IllegalArgumentException("facetSize must be 1.." + MAX_FACET_SIZE);
    }
    mode = Objects.requireNonNullElse(mode, SearchMode.KEYWORD);
  }

  /** A search by words, collapsed by story or not. */
  public SearchRequest(
      String q,
      List<String> brands,
      List<String> authors,
      List<String> persons,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<About> about,
      List<String> facets,
      int facetSize,
      boolean collapse) {
    this(
        q,
        brands,
        authors,
        persons,
        from,
        to,
        sort,
        page,
        size,
        about,
        facets,
        facetSize,
        collapse,
        SearchMode.KEYWORD);
  }

  /** A search with every facet list at its default size that shows every version of a story. */
  public SearchRequest(
      String q,
      List<String> brands,
      List<String> authors,
      List<String> persons,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<About> about) {
    this(
        q,
        brands,
        authors,
        persons,
        from,
        to,
        sort,
        page,
        size,
        about,
        FACET_NAMES,
        DEFAULT_FACET_SIZE,
        false);
  }

  /** A search with these facet lists that shows every version of a story. */
  public SearchRequest(
      String q,
      List<String> brands,
      List<String> authors,
      List<String> persons,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<About> about,
      List<String> facets,
      int facetSize) {
    this(q, brands, authors, persons, from, to, sort, page, size, about, facets, facetSize, false);
  }

  /** A search with every facet list at its default size, collapsed by story or not. */
  public SearchRequest(
      String q,
      List<String> brands,
      List<String> authors,
      List<String> persons,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size,
      List<About> about,
      boolean collapse) {
    this(
        q,
        brands,
        authors,
        persons,
        from,
        to,
        sort,
        page,
        size,
        about,
        FACET_NAMES,
        DEFAULT_FACET_SIZE,
        collapse);
  }

  /** A search without {@code about} filters. */
  public SearchRequest(
      String q,
      List<String> brands,
      List<String> authors,
      List<String> persons,
      LocalDate from,
      LocalDate to,
      SortOrder sort,
      int page,
      int size) {
    this(q, brands, authors, persons, from, to, sort, page, size, List.of());
  }

  /** A first page of ten hits for the words, by relevance, without filters. */
  public static SearchRequest of(String q) {
    return new SearchRequest(
        q, List.of(), List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
  }

  /** The lower date bound, if any. */
  public Optional<LocalDate> fromDate() {
    return Optional.ofNullable(from);
  }

  /** The upper date bound, if any. */
  public Optional<LocalDate> toDate() {
    return Optional.ofNullable(to);
  }

  /** Whether a date bound is set (articles with unknown dates are then excluded). */
  public boolean hasDateFilter() {
    return from != null || to != null;
  }

  /** A copy of this request with other brand filter values. */
  public SearchRequest withBrands(List<String> values) {
    return new SearchRequest(
        q, values, authors, persons, from, to, sort, page, size, about, facets, facetSize, collapse,
        mode);
  }

  /** A copy of this request with other person filter values. */
  public SearchRequest withPersons(List<String> values) {
    return new SearchRequest(
        q, brands, authors, values, from, to, sort, page, size, about, facets, facetSize, collapse,
        mode);
  }

  /** A copy of this request with other author filter values. */
  public SearchRequest withAuthors(List<String> values) {
    return new SearchRequest(
        q, brands, values, persons, from, to, sort, page, size, about, facets, facetSize, collapse,
        mode);
  }

  /** A copy of this request with another date range. */
  public SearchRequest withDates(LocalDate newFrom, LocalDate newTo) {
    return new SearchRequest(
        q, brands, authors, persons, newFrom, newTo, sort, page, size, about, facets, facetSize,
        collapse, mode);
  }

  /** A copy of this request with another order and page. */
  public SearchRequest withPage(SortOrder newSort, int newPage, int newSize) {
    return new SearchRequest(
        q, brands, authors, persons, from, to, newSort, newPage, newSize, about, facets, facetSize,
        collapse, mode);
  }

  /** A copy of this request with other {@code about} filters. */
  public SearchRequest withAbout(List<About> values) {
    return new SearchRequest(
        q, brands, authors, persons, from, to, sort, page, size, values, facets, facetSize,
        collapse, mode);
  }

  /** A copy of this request answering with these facet lists, each of up to {@code newSize}. */
  public SearchRequest withFacets(List<String> names, int newSize) {
    return new SearchRequest(
        q, brands, authors, persons, from, to, sort, page, size, about, names, newSize, collapse,
        mode);
  }

  /**
   * Whether the response lists this facet ({@code brand}, {@code author}, {@code person}, {@code
   * date}).
   */
  public boolean wantsFacet(String name) {
    return facets.contains(name);
  }

  /** A copy of this request searching in another mode. */
  public SearchRequest withMode(SearchMode newMode) {
    return new SearchRequest(
        q, brands, authors, persons, from, to, sort, page, size, about, facets, facetSize, collapse,
        newMode);
  }

  /** A copy of this request with story collapsing on or off. */
  public SearchRequest withCollapse(boolean newCollapse) {
    return new SearchRequest(
        q,
        brands,
        authors,
        persons,
        from,
        to,
        sort,
        page,
        size,
        about,
        facets,
        facetSize,
        newCollapse,
        mode);
  }

  /**
   * The known facet names among {@code names}, in response order; {@code month} is {@code date}.
   */
  private static List<String> facetNames(List<String> names) {
    List<String> asked =
        Objects.requireNonNull(names, "facets").stream()
            .map(String::strip)
            .map(name -> "month".equals(name) ? "date" : name)
            .toList();
    for (String name : asked) {
      if (!FACET_NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "facets must name brand, author, person or month (date)");
      }
    }
    return FACET_NAMES.stream().filter(asked::contains).toList();
  }

  private static List<String> cleanValues(String name, List<String> values) {
    List<String> result =
        Objects.requireNonNullElse(values, List.<String>of()).stream()
            .filter(Objects::nonNull)
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .distinct()
            .toList();
    if (result.size() > MAX_FILTER_VALUES) {
      throw new IllegalArgumentException(
          name + " may be given at most " + MAX_FILTER_VALUES + " times");
    }
    return result;
  }
}
