package dev.carnews.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * CORS for an allowlist of origins only: a listed origin gets {@code Access-Control-Allow-Origin}
 * with its own value (never {@code *}) and its preflight requests are answered; any other origin
 * gets no CORS header, so browsers keep the same-origin rule.
 */
final class Cors {

  private final Set<String> origins;

  Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    if (ctx.method() == HandlerType.OPTIONS
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE");
      ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }
}
