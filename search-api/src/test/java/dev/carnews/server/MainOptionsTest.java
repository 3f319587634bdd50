package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** One startup path: an option the chosen backend cannot honour is refused, never ignored. */
class MainOptionsTest {

  /** Runs main's command line without starting anything it refuses; the exit code and stderr. */
  private static String[] run(String... args) {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"--index=/tmp/elsewhere", "--no-sample", "--full-check", "--search-threads=2"})
  void localIndexOptionsAreRefusedOnSolrCloud(String option) {
    String[] answer =
        run("--solr", "http://127.0.0.1:1/solr", "--collection", "news", "--port", "0", option);
    assertEquals("2", answer[0], answer[1]);
    String name = option.split("=")[0];
    assertTrue(answer[1].contains(name + " applies to a local index only"), answer[1]);
  }

  @Test
  void solrAndCollectionGoTogether() {
    String[] answer = run("--collection", "news");
    assertEquals("2", answer[0]);
    assertTrue(answer[1].contains("--solr and --collection go together"), answer[1]);
  }

  @Test
  void valuesOutOfRangeAreRefusedBeforeTheIndexIsTouched(@TempDir Path dir) {
    Path index = dir.resolve("index");
    for (String bad :
        new String[] {
          "--port=70000",
          "--search-cache-size=-1",
          "--search-cache-warm=-1",
          "--query-vector-cache-size=-1",
          "--cache-max-age=-5",
          "--search-threads=0",
          "--backup-keep=0"
        }) {
      String[] answer = run("--index", index.toString(), bad);
      assertEquals("2", answer[0], bad + ": " + answer[1]);
      assertTrue(answer[1].contains(bad.substring(0, bad.indexOf('='))), answer[1]);
    }
    assertTrue(Files.notExists(index), "a refused start creates no index");
  }
}
