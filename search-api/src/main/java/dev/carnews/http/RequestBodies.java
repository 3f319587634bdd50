package dev.carnews.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies within limits: the size ({@code 413} beyond it, whether or not the client
 * sent a {@code Content-Length}), valid UTF-8, and JSON within {@link StreamReadConstraints} for
 * nesting depth, string length and number length. Every refusal is an {@link ApiException}; no
 * message repeats the client's input.
 */
final class RequestBodies {

  /** The largest body of one article ({@code PUT}), in bytes. */
  static final int MAX_ARTICLE_BYTES = 1 << 20;

  /** The largest body of a batch ({@code POST}), in bytes. */
  static final int MAX_BATCH_BYTES = 8 << 20;

  /** The deepest JSON nesting accepted (an article needs 3). */
  static final int MAX_JSON_DEPTH = 32;

  /** The longest JSON string accepted, in characters. */
  static final int MAX_JSON_STRING = 500_000;

  /** The longest JSON number accepted, in characters. */
  static final int MAX_JSON_NUMBER = 50;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_JSON_DEPTH)
                .maxStringLength(MAX_JSON_STRING)
                .maxNumberLength(MAX_JSON_NUMBER)
                .maxDocumentLength(MAX_BATCH_BYTES)
                .build());
    JSON.getFactory().disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);
  }

  private RequestBodies() {}

  /** The body as UTF-8 text, at most {@code maxBytes} long. */
  static String text(Context ctx, int maxBytes) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buffer = new byte[16_384];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (bytes.size() + n > maxBytes) {
          throw tooLarge(maxBytes);
        }
        bytes.write(buffer, 0, n);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(400, "bad_body", "the body is not valid UTF-8");
    }
  }

  /** One JSON value within the limits. */
  static JsonNode json(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ApiException(400, "bad_body", "the body is empty");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new ApiException(
          400,
          "body_limit",
          "the JSON exceeds a limit (nesting depth "
              + MAX_JSON_DEPTH
              + ", string length "
              + MAX_JSON_STRING
              + ", number length "
              + MAX_JSON_NUMBER
              + ")");
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ApiException(400, "bad_body", "the body is not valid JSON" + where);
    }
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        413, "too_large", "the request body is larger than " + maxBytes + " bytes");
  }
}
