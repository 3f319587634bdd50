package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesArticleReaderTest {

  private final JsonLinesArticleReader reader = new JsonLinesArticleReader();

  @Test
  void readsGoodLinesAndReportsBadOnesWithTheirLineNumbers() throws IOException {
    Path file = Fixtures.path("jsonl/mixed.jsonl");
    RecordingSink sink = new RecordingSink();

    reader.read(file, ReadOptions.defaults(), sink);

    assertEquals(
        List.of("a1", "u-", "c-", "a4", "a5"),
        sink.articles.stream()
            .map(a -> a.id().startsWith("a") ? a.id() : a.id().substring(0, 2))
            .toList());
    assertEquals(4, sink.skips.size(), sink.skips.toString());
    assertTrue(sink.skips.get(0).startsWith(file + ":5 -> not valid JSON"), sink.skips.get(0));
    assertEquals(file + ":6 -> missing title", sink.skips.get(1));
    assertTrue(sink.skips.get(2).startsWith(file + ":7 -> bad published date"), sink.skips.get(2));
    assertTrue(sink.skips.get(3).startsWith(file + ":8 -> field 'tags'"), sink.skips.get(3));
  }

  @Test
  void mapsEveryFieldAndIgnoresUnknownOnes() throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), ReadOptions.defaults(), sink);

    Article first = sink.articles.get(0);
    assertEquals("https://example.org/news/a1", first.url());
    assertEquals("Vantor updates its city car", first.title());
    assertEquals(
        "Vantor has refreshed the Mino.\n\nThe update adds a larger screen.", first.body());
    assertEquals(List.of("Ada Kerr"), first.authors());
    assertEquals(Instant.parse("2025-03-01T00:00:00Z"), first.published());
    assertEquals("News", first.section());
    assertEquals(List.of("Vantor", "city cars"), first.tags());
  }

  @Test
  void acceptsAuthorListsAndTheAuthorsField() throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), ReadOptions.defaults(), sink);

    assertEquals(List.of("Ben Olsen", "Cora Vidal"), sink.articles.get(1).authors());
    assertEquals(List.of("Dana Frey"), sink.articles.get(2).authors());
    assertEquals(List.of(), sink.articles.get(3).authors());
  }

  @Test
  void readsDatesWithAndWithoutOffsetAndLeavesMissingOnesUnknown() throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), ReadOptions.defaults(), sink);

    assertEquals(Instant.parse("2025-03-02T10:00:00Z"), sink.articles.get(1).published());
    assertEquals(Instant.parse("2025-03-03T08:30:00Z"), sink.articles.get(2).published());
    assertEquals(Instant.parse("2025-03-04T07:00:00Z"), sink.articles.get(3).published());
    assertNull(sink.articles.get(4).published());
  }

  @Test
  void derivesTheSameIdFromTheUrlOrContentOnEveryRead() throws IOException {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), ReadOptions.defaults(), first);
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), ReadOptions.defaults(), second);

    assertEquals(ArticleIds.fromUrl("https://example.org/news/a2"), first.articles.get(1).id());
    assertEquals(
        ArticleIds.fromContent("Oskar Motors opens a new plant", "The plant will build vans."),
        first.articles.get(2).id());
    assertEquals(first.articles.get(1).id(), second.articles.get(1).id());
    assertEquals(first.articles.get(2).id(), second.articles.get(2).id());
    assertTrue(first.articles.get(1).id().matches("u-[0-9a-f]{16}"));
  }

  @Test
  void fillsAnUnknownDateFromTheOptionsOnly() throws IOException {
    Instant fallback = Instant.parse("2020-01-01T00:00:00Z");
    RecordingSink sink = new RecordingSink();
    reader.read(Fixtures.path("jsonl/mixed.jsonl"), new ReadOptions(fallback), sink);

    assertEquals(fallback, sink.articles.get(4).published());
    assertEquals(Instant.parse("2025-03-01T00:00:00Z"), sink.articles.get(0).published());
  }

  @Test
  void parseRejectsMalformedBodiesWithAClearMessage() {
    MalformedArticleException notObject =
        assertThrows(MalformedArticleException.class, () -> reader.parse("[1, 2]"));
    assertEquals("expected a JSON object", notObject.getMessage());
    MalformedArticleException twoObjects =
        assertThrows(
            MalformedArticleException.class,
            () -> reader.parse("{\"title\": \"a\"} {\"title\": \"b\"}"));
    assertTrue(twoObjects.getMessage().startsWith("not valid JSON"), twoObjects.getMessage());
    MalformedArticleException blankTitle =
        assertThrows(MalformedArticleException.class, () -> reader.parse("{\"title\": \"  \"}"));
    assertEquals("missing title", blankTitle.getMessage());
    MalformedArticleException badAuthor =
        assertThrows(
            MalformedArticleException.class,
            () -> reader.parse("{\"title\": \"t\", \"author\": 7}"));
    assertTrue(badAuthor.getMessage().contains("'author'"), badAuthor.getMessage());
  }

  @Test
  void readsGzippedFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("feed.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          "{\"id\": \"z1\", \"title\": \"Packed\"}\n{\"id\": \"z2\", \"title\": \"Lines\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    RecordingSink sink = new RecordingSink();

    assertTrue(reader.accepts(file));
    reader.read(file, ReadOptions.defaults(), sink);

    assertEquals(List.of("z1", "z2"), sink.articles.stream().map(Article::id).toList());
  }

  @Test
  void failsOnAFileThatIsNotGzipDespiteItsName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.jsonl.gz");
    Files.writeString(file, "{\"title\": \"plain text\"}", StandardCharsets.UTF_8);

    assertThrows(
        IOException.class, () -> reader.read(file, ReadOptions.defaults(), new RecordingSink()));
  }
}
