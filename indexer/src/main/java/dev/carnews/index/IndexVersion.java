package dev.carnews.index;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an index records about how it was written, in the user data of every commit: the schema
 * version ({@value #SCHEMA}) and the version of each model that tagged its articles ({@value
 * #MODEL}{@code <name>}). The schema version is stamped when the index is created and never changed
 * by later writers, so it says how the index was built; models are stamped by whoever writes with
 * them.
 *
 * <p>An index without a schema version was written before versions were recorded; its layout is
 * schema 1, which this build reads (and stamps as such with its next commit).
 */
public final class IndexVersion {

  /** The user-data key of the schema version. */
  public static final String SCHEMA = "carnews.schema";

  /** The prefix of the user-data key of a model's version: {@code carnews.model.entities}. */
  public static final String MODEL = "carnews.model.";

  /**
   * The schema this build writes. Raise it when a change to {@link ArticleSchema} makes an index
   * unreadable by the previous release or wrong for this one; raise {@link #OLDEST_READABLE} with
   * it when this build cannot serve the older index any more.
   */
  public static final int CURRENT = 1;

  /** The oldest schema this build serves and writes to. */
  public static final int OLDEST_READABLE = 1;

  /** The schema of an index written before versions were recorded. */
  static final int UNRECORDED = 1;

  private IndexVersion() {}

  /** The schema version an index's commit user data says. */
  public static int schemaOf(Map<String, String> userData) throws IncompatibleIndexException {
    String recorded = userData.get(SCHEMA);
    if (recorded == null) {
      return UNRECORDED;
    }
    try {
      return Integer.parseInt(recorded.strip());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /**
   * Refuses an index this build cannot serve or write to, with one line that says what to run.
   *
   * @param folder where the index is, for the message
   * @param userData the user data of its last commit
   */
  public static void check(Object folder, Map<String, String> userData)
      throws IncompatibleIndexException {
    int schema = schemaOf(userData);
    if (schema > CURRENT) {
      throw new IncompatibleIndexException(
          "the index at "
              + folder
              + " has schema version "
              + userData.get(SCHEMA)
              + ", newer than this build's "
              + CURRENT
              + ": run the release that wrote it (or a newer one), or restore a backup taken by"
              + " this release (indexer.jar restore --from BACKUP --index NEWDIR)");
    }
    if (schema < OLDEST_READABLE) {
      throw new IncompatibleIndexException(
          "the index at "
              + folder
              + " has schema version "
              + schema
              + ", older than the oldest this build reads ("
              + OLDEST_READABLE
              + "): rebuild it with indexer.jar index --index NEWDIR ARTICLES and serve NEWDIR");
    }
  }

  /** The schema and model versions of this user data alone, in key order. */
  public static Map<String, String> versions(Map<String, String> userData) {
    Map<String, String> versions = new TreeMap<>();
    userData.forEach(
        (key, value) -> {
          if (key.equals(SCHEMA) || key.startsWith(MODEL)) {
            versions.put(key, value);
          }
        });
    return versions;
  }

  /** An index that this build must not serve or write to. */
  public static final class IncompatibleIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    IncompatibleIndexException(String message) {
      super(message);
    }
  }
}
