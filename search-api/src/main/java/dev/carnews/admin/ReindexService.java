package dev.carnews.admin;

/**
 * Rebuilds the index the service serves from its stored articles, beside it, while the service
 * keeps answering and writing, then switches the service to the new index. Implemented over the
 * local index; the HTTP layer sees only this.
 */
public interface ReindexService {

  /**
   * Starts a reindex in the background and returns its first status.
   *
   * @throws ReindexBusyException when one is running
   */
  ReindexStatus start();

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
}
