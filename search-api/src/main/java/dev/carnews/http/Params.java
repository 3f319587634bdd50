package dev.carnews.http;

import dev.carnews.curation.Curation;
import dev.carnews.entity.EntityType;
import dev.carnews.search.About;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads query parameters; a malformed value becomes a 400 {@code bad_parameter}. */
final class Params {

  private Params() {}

  /** The first value of a parameter, or {@code null}. */
  static String text(Context ctx, String name) {
    return ctx.queryParam(name);
  }

  /** Every value of a repeatable parameter. */
  static List<String> all(Context ctx, String name) {
    return List.copyOf(ctx.queryParams(name));
  }

  /** A whole number, or the default when absent. */
  static int integer(Context ctx, String name, int defaultValue) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name + " must be a whole number");
    }
  }

  /** An ISO date ({@code 2025-07-31}), or {@code null} when absent. */
  static LocalDate date(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(name + " must be an ISO date (yyyy-MM-dd)");
    }
    // ISO also reads signed years such as +999999999-12-31, whose next day does not exist.
    if (day.getYear() < 1 || day.getYear() > 9999) {
      throw ApiException.badParameter(name + " must be a date in the years 1..9999");
    }
    return day;
  }

  /** A deep-paging cursor token as sent, for the backend to read; bounded in length. */
  static String cursorToken(String token) {
    if (token.length() > 200) {
      throw ApiException.badParameter("after is not a valid cursor");
    }
    return token.strip();
  }

  /** The sort order, {@link SortOrder#RELEVANCE} when absent. */
  static SortOrder sort(Context ctx) {
    String value = ctx.queryParam("sort");
    if (value == null || value.isBlank()) {
      return SortOrder.RELEVANCE;
    }
    try {
      return SortOrder.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }

  /**
   * The facet lists asked for: every one when {@code facets} is absent, else the names it lists
   * (comma-separated or repeated); an empty value asks for none.
   */
  static List<String> facets(Context ctx) {
    List<String> values = ctx.queryParams("facets");
    if (values.isEmpty()) {
      return SearchRequest.FACET_NAMES;
    }
    return values.stream()
        .flatMap(value -> Arrays.stream(value.split(",", -1)))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Whether {@code collapse=story} asks for one hit per story; {@code none} or absent: not. */
  static boolean collapse(Context ctx) {
    String value = ctx.queryParam("collapse");
    if (value == null || value.isBlank() || value.strip().equals("none")) {
      return false;
    }
    if (value.strip().equals("story")) {
      return true;
    }
    throw ApiException.badParameter("collapse must be story or none");
  }

  /** {@code mode}: keyword (the default), semantic or hybrid. */
  static SearchMode mode(Context ctx) {
    String value = ctx.queryParam("mode");
    return value == null || value.isBlank() ? SearchMode.KEYWORD : SearchMode.parse(value);
  }

  /** Every {@code about} value ({@code brand:Renault}, {@code person:François Provost}). */
  static List<About> about(Context ctx) {
    return ctx.queryParams("about").stream().map(About::parse).toList();
  }

  /** The request attribute holding the curation the request is answered with. */
  static final String CURATION = "carnews.curation";

  /**
   * An entity named in a path as the curation shows it, type included: {@code person/Ampere} after
   * an editor made Ampere a brand is the brand Ampere.
   */
  static Curation.Resolved curatedEntity(Context ctx, EntityType type, String name) {
    Curation curation = ctx.attribute(CURATION);
    if (curation == null || type == EntityType.AUTHOR) {
      return new Curation.Resolved(type, name);
    }
    return curation.filterTarget(type, name);
  }

  private static List<About> curatedAbout(Context ctx, List<About> about) {
    Curation curation = ctx.attribute(CURATION);
    if (curation == null || curation.isEmpty() || about.isEmpty()) {
      return about;
    }
    return about.stream()
        .map(
            a -> {
              Curation.Resolved to =
                  curation.filterTarget(
                      a.kind() == About.Kind.BRAND ? EntityType.BRAND : EntityType.PERSON,
                      a.name());
              return new About(
                  to.type() == EntityType.BRAND ? About.Kind.BRAND : About.Kind.PERSON, to.name());
            })
        .toList();
  }

  /**
   * The {@code brand} and {@code person} filters as the curation shows their values.
   *
   * @param brands the brand filter's values (OR-ed)
   * @param persons the person filter's values (OR-ed)
   */
  record EntityFilters(List<String> brands, List<String> persons) {}

  /**
   * The brand and person filters through the curation. Merges map each value to its entity; a
   * retype moves the value to the other filter, so {@code person=Ampere} after an editor made
   * Ampere a brand finds the articles of the brand Ampere. Values of one filter are OR-ed and the
   * two filters AND-ed, so a filter whose values now are of both types, or two filters that now are
   * of the same type, ask for what no filter can say: a 400 naming the retyped values, never an
   * answer that silently drops them.
   */
  static EntityFilters curatedFilters(Context ctx, List<String> brands, List<String> persons) {
    Curation curation = ctx.attribute(CURATION);
    if (curation == null || curation.isEmpty() || brands.isEmpty() && persons.isEmpty()) {
      return new EntityFilters(brands, persons);
    }
    List<Curation.Resolved> fromBrands =
        brands.stream().map(name -> curation.filterTarget(EntityType.BRAND, name)).toList();
    List<Curation.Resolved> fromPersons =
        persons.stream().map(name -> curation.filterTarget(EntityType.PERSON, name)).toList();
    EntityType brandsAre = filterType(EntityType.BRAND, brands, fromBrands);
    EntityType personsAre = filterType(EntityType.PERSON, persons, fromPersons);
    if (!brands.isEmpty() && !persons.isEmpty() && brandsAre == personsAre) {
      throw ApiException.badParameter(
          "the brand and person filters now both name "
              + brandsAre.label()
              + "s (an editor retyped "
              + retyped(
                  EntityType.BRAND, brands, fromBrands, EntityType.PERSON, persons, fromPersons)
              + "), and values of one filter are OR-ed: filter by one of them");
    }
    List<String> brandNames = new ArrayList<>();
    List<String> personNames = new ArrayList<>();
    (brandsAre == EntityType.BRAND ? brandNames : personNames)
        .addAll(fromBrands.stream().map(Curation.Resolved::name).toList());
    (personsAre == EntityType.PERSON ? personNames : brandNames)
        .addAll(fromPersons.stream().map(Curation.Resolved::name).toList());
    return new EntityFilters(List.copyOf(brandNames), List.copyOf(personNames));
  }

  /** The one type a filter's values resolve to; 400 when they resolve to both. */
  private static EntityType filterType(
      EntityType asked, List<String> names, List<Curation.Resolved> resolved) {
    Set<EntityType> types = EnumSet.noneOf(EntityType.class);
    resolved.forEach(r -> types.add(r.type()));
    if (types.size() > 1) {
      throw ApiException.badParameter(
          "the "
              + asked.label()
              + " filter names "
              + retyped(asked, names, resolved, asked, List.of(), List.of())
              + ", which an editor retyped, among other "
              + asked.label()
              + "s, and values of one filter are OR-ed: filter by the "
              + (asked == EntityType.BRAND ? EntityType.PERSON : EntityType.BRAND).label()
              + " separately");
    }
    return types.isEmpty() ? asked : types.iterator().next();
  }

  private static String retyped(
      EntityType firstType,
      List<String> first,
      List<Curation.Resolved> firstResolved,
      EntityType secondType,
      List<String> second,
      List<Curation.Resolved> secondResolved) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      if (firstResolved.get(i).type() != firstType) {
        names.add(first.get(i));
      }
    }
    for (int i = 0; i < second.size(); i++) {
      if (secondResolved.get(i).type() != secondType) {
        names.add(second.get(i));
      }
    }
    return String.join(", ", names);
  }

  /** Every {@code /api/search} parameter but the cursor, validated. */
  static SearchRequest searchRequest(Context ctx) {
    return searchRequest(ctx, SearchRequest.DEFAULT_SIZE, SortOrder.RELEVANCE);
  }

  /**
   * Every {@code /api/search} parameter but the cursor, with another default size and order (feeds
   * list the newest first).
   */
  static SearchRequest searchRequest(Context ctx, int defaultSize, SortOrder defaultSort) {
    // Read here so every scope (search, feeds, entity pages) rejects a bad value alike; only
    // /api/search answers it.
    significant(ctx);
    String sort = ctx.queryParam("sort");
    EntityFilters filters = curatedFilters(ctx, all(ctx, "brand"), all(ctx, "person"));
    try {
      return new SearchRequest(
          text(ctx, "q"),
          filters.brands(),
          all(ctx, "author"),
          filters.persons(),
          date(ctx, "from"),
          date(ctx, "to"),
          sort == null || sort.isBlank() ? defaultSort : sort(ctx),
          integer(ctx, "page", 1),
          integer(ctx, "size", defaultSize),
          curatedAbout(ctx, about(ctx)),
          facets(ctx),
          integer(ctx, "facetSize", SearchRequest.DEFAULT_FACET_SIZE),
          collapse(ctx),
          mode(ctx));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }

  /** The entity types {@code significant} asks for: person and/or brand; empty when absent. */
  static Set<EntityType> significant(Context ctx) {
    Set<EntityType> types = entityTypes(ctx, "significant");
    if (types.contains(EntityType.AUTHOR)) {
      throw ApiException.badParameter("significant must list person and/or brand");
    }
    return types;
  }

  /**
   * The entity types a parameter lists, comma-separated or repeated ({@code person,brand}); empty
   * when absent.
   */
  static Set<EntityType> entityTypes(Context ctx, String name) {
    Set<EntityType> types = EnumSet.noneOf(EntityType.class);
    for (String value : ctx.queryParams(name)) {
      for (String label : value.split(",", -1)) {
        if (!label.isBlank()) {
          types.add(
              EntityType.find(label)
                  .orElseThrow(
                      () ->
                          ApiException.badParameter(name + " must list person, brand or author")));
        }
      }
    }
    return types;
  }

  /** The entity type of a path or parameter value. */
  static EntityType entityType(String value) {
    return EntityType.find(value)
        .orElseThrow(() -> ApiException.badParameter("type must be person, brand or author"));
  }

  /** An entity name from the path: not blank, at most {@link EntityType#MAX_NAME_LENGTH}. */
  static String entityName(String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badParameter("name must not be blank");
    }
    if (value.length() > EntityListRequest.MAX_NAME_LENGTH) {
      throw ApiException.badParameter(
          "name must be at most " + EntityListRequest.MAX_NAME_LENGTH + " characters");
    }
    return value.strip();
  }
}
