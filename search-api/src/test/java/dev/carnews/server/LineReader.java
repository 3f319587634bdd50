package dev.carnews.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleReader;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only JSON Lines reader, just enough for the bootstrap test; the real one is the indexer's
 * {@code JsonLinesArticleReader}.
 */
final class LineReader implements ArticleReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().endsWith(".jsonl");
  }

  @Override
  public void read(Path file, ReadOptions options, ArticleSink sink) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node = JSON.readTree(lines.get(i));
      try {
        sink.accept(
            new Article(
                node.path("id").asText(null),
                node.path("url").asText(null),
                node.path("title").asText(null),
                node.path("body").asText(""),
                strings(node.path("author")),
                date(node.path("published").asText(null)),
                node.path("section").asText(null),
                strings(node.path("tags"))));
      } catch (IllegalArgumentException e) {
        sink.skipped(file.getFileName() + ":" + (i + 1), e.getMessage());
      }
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }

  private static Instant date(String value) {
    if (value == null) {
      return null;
    }
    return value.length() == 10
        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
        : OffsetDateTime.parse(value).toInstant();
  }
}
