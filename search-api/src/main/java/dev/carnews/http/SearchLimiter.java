package dev.carnews.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds concurrent searches: a request waits a little for a permit and is otherwise answered 429
 * with {@code Retry-After} at once, so an overload sheds requests quickly instead of slowing every
 * reader down. Installed as a before-handler that takes the permit and an after-handler that gives
 * it back (after-handlers run even when the endpoint failed).
 */
final class SearchLimiter {

  private static final String HELD = "carnews.searchPermit";

  private final Semaphore permits;
  private final long waitNanos;

  SearchLimiter(int concurrent, Duration wait) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent searches must be >= 1");
    }
    this.permits = new Semaphore(concurrent);
    this.waitNanos = wait.toNanos();
  }

  void enter(Context ctx) throws InterruptedException {
    if (ctx.attribute(HELD) instanceof Boolean) {
      // Two bounded patterns match this path ({name} and {name}.atom): one permit per request.
      return;
    }
    if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
      ctx.header("Retry-After", "1");
      throw new ApiException(429, "overloaded", "too many searches at once; retry after a second");
    }
    ctx.attribute(HELD, Boolean.TRUE);
  }

  void exit(Context ctx) {
    if (ctx.attribute(HELD) instanceof Boolean) {
      ctx.attribute(HELD, null);
      permits.release();
    }
  }
}
