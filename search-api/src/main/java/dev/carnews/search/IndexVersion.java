package dev.carnews.search;

/**
 * Which state of the index an answer was computed on: it changes with every visible write or
 * delete, so HTTP caches can tell a fresh answer from a stale one without any index type leaking
 * out of the search side.
 *
 * @param generation the generation of the last commit the searcher's reader descends from
 * @param version a number that grows with every change the reader sees (committed or not)
 */
public record IndexVersion(long generation, long version) {

  /** Validates the fields. */
  public IndexVersion {
    if (generation < 0 || version < 0) {
      throw new IllegalArgumentException("generation and version must be >= 0");
    }
  }

  /** A short text form, {@code g<generation>v<version>} in base 36, for validators and logs. */
  public String token() {
    return "g" + Long.toString(generation, 36) + "v" + Long.toString(version, 36);
  }
}
