package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the search seam (issue 10): the HTTP layer sees the {@code NewsArchive} interface and plain
 * records only, so another backend can stand behind the same handlers.
 */
class SearchSeamTest {

  /** Past this a file holds more than one reason to change. */
  private static final int MAX_LINES = 400;

  private static final Path HTTP = Path.of("src/main/java/dev/carnews/http");

  @Test
  void httpImportsNoLuceneTypeAndNoConcreteSearcher() throws IOException {
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(HTTP)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String trimmed = line.strip();
          if (trimmed.startsWith("import ")
              && (trimmed.contains("org.apache.lucene")
                  || trimmed.contains("dev.carnews.search.LuceneNewsArchive"))) {
            offending.add(file.getFileName() + ": " + trimmed);
          }
          if (!trimmed.startsWith("import ") && trimmed.contains("LuceneNewsArchive")) {
            offending.add(file.getFileName() + ": " + trimmed);
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }

  @Test
  void noSourceFileOfTheServiceIsOverFourHundredLines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".js"))
              .toList()) {
        int lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        if (lines > MAX_LINES) {
          tooLong.add(file + ": " + lines);
        }
      }
    }
    assertEquals(List.of(), tooLong);
  }
}
