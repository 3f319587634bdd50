package dev.carnews.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The test resources under {@code ingest/}. */
public final class Fixtures {

  private Fixtures() {}

  /** The path of a fixture file under {@code src/test/resources/ingest/}. */
  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/ingest/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
