package dev.carnews.admin;

import java.io.IOException;

/**
 * Rebuilds the index the service serves from its stored articles, beside it, while the service
 * keeps answering and writing, then switches the service to the new index. Implemented over the
 * local index and over a SolrCloud collection alias; the HTTP layer sees only this.
 */
public interface ReindexService {

  /**
   * Starts a reindex in the background and returns its first status.
   *
   * @throws ReindexBusyException when one is running
   * @throws ReindexRefusedException when what the service serves cannot be switched
   * @throws IOException when what it serves cannot be read now
   */
  ReindexStatus start() throws IOException;

  /** The status of the running reindex, or of the last one ({@code idle} when none ran). */
  ReindexStatus status();

  /** Thrown when a reindex is asked for while another one runs. */
  final class ReindexBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with its reason. */
    public ReindexBusyException(String message) {
      super(message);
    }
  }

  /**
   * Thrown when the service serves something a reindex cannot switch (on SolrCloud, a collection
   * rather than an alias); the message says what to do instead.
   */
  final class ReindexRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with what to do instead. */
    public ReindexRefusedException(String message) {
      super(message);
    }
  }
}
