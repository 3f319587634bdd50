package dev.carnews.solrcloud;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Solr call again while the failure is transient (a node down, a leader being elected, an
 * overloaded node: connection errors and HTTP 429, 500, 502, 503, 504, 510) with doubling pauses up
 * to a deadline; anything else (a bad request, a missing collection, a refused login) is permanent
 * and fails at once with Solr's message.
 */
public final class SolrRetries {

  private static final Logger LOG = LoggerFactory.getLogger(SolrRetries.class);
  private static final Set<Integer> TRANSIENT_CODES = Set.of(429, 500, 502, 503, 504, 510);

  /**
   * The longest one attempt may take beyond the deadline of all attempts. The JDK's HTTP client was
   * seen to keep an update to a node being stopped waiting past its own request timeout (and SolrJ
   * waits on it with no limit), which held a writer for good; an attempt that outlasts both answers
   * as a transient failure instead.
   */
  static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(30);

  /** The threads attempts run on, so a stuck one can be abandoned (daemons, made as needed). */
  private static final ExecutorService ATTEMPTS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "solr-call");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration deadline;

  /** Retries transient failures for up to {@code deadline} in all. */
  public SolrRetries(Duration deadline) {
    this.deadline = deadline;
  }

  /** A Solr call. */
  @FunctionalInterface
  public interface Call<T> {
    /** Makes the call. */
    T run() throws SolrServerException, IOException;
  }

  /** Solr refused the request for good: retrying cannot help. */
  public static final class PermanentFailure extends IOException {
    private final int code;

    PermanentFailure(String what, int code, Throwable cause) {
      super(what + " failed (HTTP " + code + "): " + cause.getMessage(), cause);
      this.code = code;
    }

    /** Solr's HTTP status. */
    public int code() {
      return code;
    }
  }

  /** Whether a failure may pass when the call is made again. */
  public static boolean isTransient(Throwable failure) {
    if (failure instanceof SolrException solr) {
      return TRANSIENT_CODES.contains(solr.code());
    }
    return failure instanceof SolrServerException || failure instanceof IOException;
  }

  /**
   * Runs {@code call}, again after transient failures until the deadline.
   *
   * @throws PermanentFailure when Solr refuses the request
   * @throws IOException when transient failures outlast the deadline
   */
  public <T> T run(String what, Call<T> call) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    long pauseMillis = 100;
    for (int attempt = 1; ; attempt++) {
      Exception failure;
      try {
        return bounded(call, Math.max(ATTEMPT_LIMIT.toNanos(), end - System.nanoTime()));
      } catch (SolrException e) {
        if (!isTransient(e)) {
          throw new PermanentFailure(what, e.code(), e);
        }
        failure = e;
      } catch (SolrServerException | IOException e) {
        failure = e;
      }
      if (System.nanoTime() + pauseMillis * 1_000_000 > end) {
        throw new IOException(
            what + " still failing after " + attempt + " attempts: " + failure.getMessage(),
            failure);
      }
      LOG.warn(
          "{} failed (attempt {}), retrying in {} ms: {}",
          what,
          attempt,
          pauseMillis,
          failure.toString());
      sleep(pauseMillis);
      pauseMillis = Math.min(pauseMillis * 2, 5_000);
    }
  }

  /** One attempt, abandoned (its thread interrupted) when it takes longer than {@code nanos}. */
  private static <T> T bounded(Call<T> call, long nanos) throws SolrServerException, IOException {
    Future<T> attempt = ATTEMPTS.submit(call::run);
    try {
      return attempt.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      attempt.cancel(true);
      throw new IOException("no answer within " + TimeUnit.NANOSECONDS.toSeconds(nanos) + " s", e);
    } catch (InterruptedException e) {
      attempt.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Solr", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SolrServerException solr) {
        throw solr;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }
}
