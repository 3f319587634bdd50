package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SignificantEntity;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /api/search?significant=person,brand}: every field of the search response,
 * plus {@code significant}, the entities over-represented in the result set per type. Opt-in, so
 * the plain search answer is unchanged.
 *
 * @param response the search response, its fields inlined
 * @param significant per type label, the over-represented entities, most significant first
 */
record SearchWithSignificant(
    @JsonUnwrapped SearchResponse response, Map<String, List<SignificantEntity>> significant) {}
