package dev.carnews.search;

import java.io.IOException;

/** The archive's backend cannot answer now (a cluster not reachable yet); the client may retry. */
public final class ArchiveUnavailableException extends IOException {

  /** With the reason, shown to clients as it is (never client input). */
  public ArchiveUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
