package dev.carnews.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of each request, so a developer's bug report points at one access-log line: the client's
 * {@code X-Request-Id} when it is 1..{@value #MAX_LENGTH} characters of letters, digits and {@code
 * - _ . : + = / @}, otherwise a new random UUID. It is sent back on every answer, written on the
 * access-log line and put into every error body.
 */
final class RequestIds {

  /** The request and response header. */
  static final String HEADER = "X-Request-Id";

  /** The longest id accepted from a client. */
  static final int MAX_LENGTH = 128;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:+=/@-]{1," + MAX_LENGTH + "}");

  private static final String ATTRIBUTE = "carnews.requestId";

  private RequestIds() {}

  /** The before-handler: takes or makes the id and sends it back. */
  static void assign(Context ctx) {
    String id = accepted(ctx.header(HEADER));
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
  }

  /** The id of this request; one is assigned now if the before-handler did not run. */
  static String of(Context ctx) {
    if (ctx.attribute(ATTRIBUTE) instanceof String id) {
      return id;
    }
    assign(ctx);
    return ctx.attribute(ATTRIBUTE);
  }

  /** The client's id when it is valid, else a new one. */
  static String accepted(String fromClient) {
    if (fromClient != null && VALID.matcher(fromClient).matches()) {
      return fromClient;
    }
    return UUID.randomUUID().toString();
  }
}
