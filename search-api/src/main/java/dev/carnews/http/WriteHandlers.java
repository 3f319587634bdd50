package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.ingest.Article;
import dev.carnews.write.ArticleWriter;
import dev.carnews.write.InvalidArticleException;
import dev.carnews.write.WriteOutcome;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write routes ({@code PUT /api/articles/{id}}, {@code POST /api/articles}, {@code DELETE
 * /api/articles/{id}}): check the key, read the body within limits, parse it with the JSON Lines
 * reader's rules, and answer only once the write is durable; a write that cannot be made durable
 * answers 503.
 */
final class WriteHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(WriteHandlers.class);

  /** The most articles one batch may carry. */
  static final int MAX_BATCH_ARTICLES = 1000;

  /** The longest article id, in characters. */
  static final int MAX_ID_LENGTH = 512;

  /** The longest title, in characters. */
  static final int MAX_TITLE_LENGTH = 1000;

  /**
   * The longest run of text without white space, in characters: the tokenizer's work on one such
   * run grows with the square of its length (a 400,000-character run took minutes), while real
   * words and links are far shorter.
   */
  static final int MAX_WORD_LENGTH = 1000;

  private final Optional<ArticleWriter> writer;
  private final ApiKeys keys;
  private final HttpMetrics metrics;

  WriteHandlers(Optional<ArticleWriter> writer, ApiKeys keys, HttpMetrics metrics) {
    this.writer = writer;
    this.keys = keys;
    this.metrics = metrics;
  }

  /**
   * The answer to one write.
   *
   * @param id the article id
   * @param result {@code created}, {@code updated} or {@code deleted}
   */
  record Written(String id, String result) {}

  /**
   * One item of a batch answer: either a result or an error.
   *
   * @param index the 0-based position in the batch
   * @param id the article id, when it could be read
   * @param status the HTTP status this item would have had alone
   * @param result {@code created} or {@code updated}, when written
   * @param error why the item was skipped, when it was
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BatchItem(int index, String id, int status, String result, ApiError error) {}

  /**
   * The answer to a batch.
   *
   * @param written how many articles were written
   * @param failed how many items were skipped
   * @param items one entry per item, in order
   */
  record BatchAnswer(int written, int failed, List<BatchItem> items) {
    BatchAnswer {
      items = List.copyOf(items);
    }
  }

  void put(Context ctx) throws IOException {
    ArticleWriter target = authorized(ctx);
    String id = pathId(ctx);
    JsonNode node = RequestBodies.json(RequestBodies.text(ctx, RequestBodies.MAX_ARTICLE_BYTES));
    if (!(node instanceof ObjectNode object)) {
      throw new ApiException(400, "bad_article", "the body must be one JSON object");
    }
    JsonNode bodyId = object.get("id");
    if (bodyId != null && !bodyId.isNull() && !id.equals(bodyId.asText())) {
      throw new ApiException(400, "id_mismatch", "the id in the body differs from the path");
    }
    object.put("id", id);
    Article article = parse(object.toString());
    WriteOutcome result = durably(() -> target.put(article));
    metrics.ingested("put", 1);
    ctx.status(result == WriteOutcome.CREATED ? 201 : 200).json(new Written(id, result.label()));
  }

  void batch(Context ctx) throws IOException {
    ArticleWriter target = authorized(ctx);
    String text = RequestBodies.text(ctx, RequestBodies.MAX_BATCH_BYTES);
    List<String> items = items(text);
    List<BatchItem> answers = new ArrayList<>(items.size());
    int written = 0;
    for (int i = 0; i < items.size(); i++) {
      Article article;
      try {
        JsonNode node = RequestBodies.json(items.get(i));
        if (!node.isObject()) {
          throw new ApiException(400, "bad_article", "an item must be a JSON object");
        }
        article = parse(node.toString());
        if (article.id().length() > MAX_ID_LENGTH) {
          throw new ApiException(
              400, "bad_article", "an id must be at most " + MAX_ID_LENGTH + " characters");
        }
      } catch (ApiException e) {
        answers.add(new BatchItem(i, null, e.toError().status(), null, e.toError()));
        continue;
      }
      WriteOutcome result = durably(() -> target.write(article));
      answers.add(
          new BatchItem(
              i, article.id(), result == WriteOutcome.CREATED ? 201 : 200, result.label(), null));
      written++;
    }
    if (written > 0) {
      durably(
          () -> {
            target.awaitDurable();
            return null;
          });
    }
    metrics.ingested("batch", written);
    ctx.json(new BatchAnswer(written, items.size() - written, answers));
  }

  void delete(Context ctx) throws IOException {
    ArticleWriter target = authorized(ctx);
    String id = pathId(ctx);
    boolean existed = durably(() -> target.delete(id));
    if (!existed) {
      throw ApiException.notFound("no article with this id");
    }
    metrics.ingested("delete", 1);
    ctx.json(new Written(id, "deleted"));
  }

  private ArticleWriter authorized(Context ctx) {
    keys.authorize(ctx);
    return writer.orElseThrow(
        () -> new ApiException(403, "writes_disabled", "writes are disabled on this server"));
  }

  private static String pathId(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || !id.equals(id.strip()) || id.length() > MAX_ID_LENGTH) {
      throw ApiException.badParameter(
          "id must be 1.." + MAX_ID_LENGTH + " characters without surrounding spaces");
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badParameter("id must not contain control characters");
    }
    return id;
  }

  private Article parse(String json) {
    Article article;
    try {
      article = ArticleWriter.parse(json);
    } catch (InvalidArticleException e) {
      throw new ApiException(400, "bad_article", e.getMessage());
    }
    if (article.title().length() > MAX_TITLE_LENGTH) {
      throw new ApiException(
          400, "bad_article", "the title must be at most " + MAX_TITLE_LENGTH + " characters");
    }
    if (longestWord(article.title()) > MAX_WORD_LENGTH
        || longestWord(article.body()) > MAX_WORD_LENGTH) {
      throw new ApiException(
          400,
          "bad_article",
          "the text has a word (a run without spaces) longer than "
              + MAX_WORD_LENGTH
              + " characters");
    }
    return article;
  }

  private static int longestWord(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /** A batch body: a JSON array of objects, or JSON Lines (one object per non-blank line). */
  private static List<String> items(String text) {
    String trimmed = text.strip();
    List<String> items = new ArrayList<>();
    if (trimmed.startsWith("[")) {
      JsonNode array = RequestBodies.json(trimmed);
      array.forEach(node -> items.add(node.toString()));
    } else {
      trimmed.lines().filter(line -> !line.isBlank()).forEach(items::add);
    }
    if (items.isEmpty()) {
      throw new ApiException(400, "bad_body", "the batch has no articles");
    }
    if (items.size() > MAX_BATCH_ARTICLES) {
      throw new ApiException(
          413, "too_large", "a batch may carry at most " + MAX_BATCH_ARTICLES + " articles");
    }
    return items;
  }

  /** A step whose failure means the write may not be on disk. */
  private interface DurableStep<T> {
    T run() throws IOException, InterruptedException;
  }

  private static <T> T durably(DurableStep<T> step) {
    try {
      return step.run();
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      LOG.error("A write could not be made durable", e);
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  private static ApiException unavailable() {
    return new ApiException(
        503, "not_durable", "the write could not be stored durably; it may be lost, retry it");
  }
}
