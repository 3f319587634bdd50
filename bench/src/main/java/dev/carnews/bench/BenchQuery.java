package dev.carnews.bench;

import dev.carnews.search.SearchRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One query of the mix.
 *
 * @param category the kind of query ({@code single}, {@code phrase}, {@code browse}...)
 * @param request the search it runs
 */
record BenchQuery(String category, SearchRequest request) {

  /** Validates the fields. */
  BenchQuery {
    if (category == null || category.isBlank()) {
      throw new IllegalArgumentException("category must not be blank");
    }
    Objects.requireNonNull(request, "request");
  }

  /** The query string of {@code GET /api/search} for this request. */
  String queryString() {
    StringBuilder query = new StringBuilder("q=").append(encode(request.q()));
    request.brands().forEach(value -> query.append("&brand=").append(encode(value)));
    request.authors().forEach(value -> query.append("&author=").append(encode(value)));
    request.persons().forEach(value -> query.append("&person=").append(encode(value)));
    request.fromDate().ifPresent(day -> query.append("&from=").append(day));
    request.toDate().ifPresent(day -> query.append("&to=").append(day));
    query.append("&sort=").append(request.sort().parameter());
    query.append("&size=").append(request.size());
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
