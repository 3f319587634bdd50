package dev.carnews.search;

import java.util.Objects;

/**
 * Which backend serves the archive and whether it can answer now, for {@code /health}.
 *
 * @param backend {@code local} (the Lucene index of this process) or {@code solrcloud}
 * @param ready whether searches can be answered now
 * @param detail what a reader of {@code /health} should know (cluster state), or {@code null}
 */
public record ArchiveStatus(String backend, boolean ready, String detail) {

  /** Requires the backend's name. */
  public ArchiveStatus {
    Objects.requireNonNull(backend, "backend");
  }

  /** The local index, which answers whenever the process does. */
  public static ArchiveStatus local() {
    return new ArchiveStatus("local", true, null);
  }
}
