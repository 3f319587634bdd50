package dev.carnews.http;

import dev.carnews.search.About;
import dev.carnews.search.SearchCursor;
import dev.carnews.search.SortOrder;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(name + " must be an ISO date (yyyy-MM-dd)");
    }
  }

  /** A deep-paging cursor from a previous response's {@code next}. */
  static SearchCursor cursor(String token) {
    if (token.length() > 200) {
      throw ApiException.badParameter("after is not a valid cursor");
    }
    try {
      return SearchCursor.parse(token.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
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

  /** Every {@code about} value ({@code brand:Renault}, {@code person:François Provost}). */
  static List<About> about(Context ctx) {
    return ctx.queryParams("about").stream().map(About::parse).toList();
  }
}
