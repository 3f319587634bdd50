package dev.carnews.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.curation.Curation;
import dev.carnews.preview.AnalyzeRequest;
import dev.carnews.preview.EntityPreviews;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/analyze}: reads {@code {"title": ..., "text": ..., "authors": [...]}}, answers
 * the entities of the text. A missing text or a malformed body is a 400 {@code bad_body}; a text
 * over {@value AnalyzeRequest#MAX_TEXT_LENGTH} characters a 413 {@code too_large}.
 */
final class AnalyzeHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntityPreviews previews;
  private final Supplier<Curation> curation;

  AnalyzeHandler(EntityPreviews previews, Supplier<Curation> curation) {
    this.previews = previews;
    this.curation = curation;
  }

  void analyze(Context ctx) {
    ctx.json(previews.analyze(request(ctx.body()), curation.get()));
  }

  static AnalyzeRequest request(String body) {
    // Refuse before parsing: UTF-8 never has fewer bytes than characters, JSON escapes add some.
    if (body.length() > 2 * AnalyzeRequest.MAX_TEXT_LENGTH) {
      throw new ApiException(413, "too_large", "the request body is too large");
    }
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw badBody("the body must be a JSON object");
    }
    if (json == null || !json.isObject()) {
      throw badBody("the body must be a JSON object");
    }
    try {
      return new AnalyzeRequest(string(json, "title"), string(json, "text"), authors(json));
    } catch (AnalyzeRequest.TooLongException e) {
      throw new ApiException(413, "too_large", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw badBody(e.getMessage());
    }
  }

  private static String string(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw badBody(field + " must be a string");
    }
    return value.asText();
  }

  private static List<String> authors(JsonNode json) {
    JsonNode value = json.get("authors");
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw badBody("authors must be a list of strings");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : value) {
      if (!name.isTextual()) {
        throw badBody("authors must be a list of strings");
      }
      names.add(name.asText());
    }
    return names;
  }

  private static ApiException badBody(String message) {
    return new ApiException(400, "bad_body", message);
  }
}
