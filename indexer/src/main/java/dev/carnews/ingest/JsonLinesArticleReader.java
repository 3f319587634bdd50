package dev.carnews.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines ({@code .jsonl}, {@code .jsonl.gz}): one article object per line with {@code
 * id}, {@code url}, {@code title}, {@code body}, {@code author} or {@code authors} (string, list or
 * null), {@code published} (ISO date or date-time), {@code section} and {@code tags}. Unknown
 * fields are ignored; empty lines are skipped silently; a malformed line is reported as {@code
 * file:LINE} and reading goes on.
 */
public final class JsonLinesArticleReader implements ArticleReader {

  private final ObjectMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  @Override
  public boolean accepts(Path file) {
    String name = InputFiles.lowerName(file);
    return name.endsWith(".jsonl") || name.endsWith(".jsonl.gz");
  }

  @Override
  public void read(Path file, ReadOptions options, ArticleSink sink) throws IOException {
    try (BufferedReader reader = InputFiles.utf8Reader(file)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        Article article;
        try {
          article = parse(line);
        } catch (MalformedArticleException e) {
          sink.skipped(file + ":" + number, e.getMessage());
          continue;
        }
        if (article.published() == null && options.defaultPublished() != null) {
          article =
              new Article(
                  article.id(),
                  article.url(),
                  article.title(),
                  article.body(),
                  article.authors(),
                  options.defaultPublished(),
                  article.section(),
                  article.tags());
        }
        sink.accept(article);
      }
    }
  }

  /**
   * Parses one article object, as found on a line or in an HTTP request body.
   *
   * @throws MalformedArticleException when it is not JSON, not an object, has no title, has a date
   *     that is not ISO-8601, or a field of the wrong type
   */
  public Article parse(String json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedArticleException(
          "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedArticleException("expected a JSON object");
    }
    String title = text(node, "title");
    if (title == null || title.isBlank()) {
      throw new MalformedArticleException("missing title");
    }
    String url = text(node, "url");
    String body = text(node, "body");
    List<String> authors = strings(node, "author");
    authors.addAll(strings(node, "authors"));
    Instant published = published(node);
    String section = text(node, "section");
    List<String> tags = strings(node, "tags");
    String id = text(node, "id");
    if (id == null || id.isBlank()) {
      id = ArticleIds.derive(url, title, body);
    }
    return new Article(
        id.strip(),
        blankToNull(url),
        title.strip(),
        body == null ? "" : body.strip(),
        authors,
        published,
        blankToNull(section),
        tags);
  }

  private static Instant published(JsonNode node) {
    String value = text(node, "published");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return PublishedDates.parseIso(value);
    } catch (IllegalArgumentException e) {
      throw new MalformedArticleException("bad published date: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() && "id".equals(field)) {
      return value.asText();
    }
    throw new MalformedArticleException(
        "field '" + field + "' must be a string, not " + value.getNodeType());
  }

  private static List<String> strings(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> result = new ArrayList<>();
    if (value == null || value.isNull()) {
      return result;
    }
    if (value.isTextual()) {
      addNonBlank(result, value.textValue());
      return result;
    }
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isTextual()) {
          addNonBlank(result, item.textValue());
        } else if (item.isObject() && item.path("name").isTextual()) {
          addNonBlank(result, item.path("name").textValue());
        } else if (!item.isNull()) {
          throw new MalformedArticleException(
              "field '" + field + "' must hold strings, found " + item.getNodeType());
        }
      }
      return result;
    }
    throw new MalformedArticleException(
        "field '" + field + "' must be a string or a list of strings, not " + value.getNodeType());
  }

  private static void addNonBlank(List<String> into, String value) {
    if (value != null && !value.isBlank()) {
      into.add(value.strip());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
