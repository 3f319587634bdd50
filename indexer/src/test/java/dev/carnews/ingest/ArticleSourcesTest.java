package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourcesTest {

  @Test
  void walksFoldersInSortedOrderAndReportsEveryBadFileWithoutStopping(@TempDir Path dir)
      throws IOException {
    Path nested = Files.createDirectories(dir.resolve("b/deeper"));
    Files.copy(Fixtures.path("page-text/tarvik-hatch-recall.txt"), nested.resolve("z.txt"));
    Files.copy(Fixtures.path("html/meta-only.htm"), dir.resolve("b/page.htm"));
    Files.writeString(
        dir.resolve("a.jsonl"), "{\"id\": \"j1\", \"title\": \"First\"}\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("broken.html.gz"), "not gzip at all", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("empty.jsonl"), "", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("blank.jsonl"), "\n\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notes.pdf"), "%PDF", StandardCharsets.UTF_8);
    Path missing = dir.resolve("missing.jsonl");

    RecordingSink recording = new RecordingSink();
    CountingSink sink = new CountingSink(recording);
    List<String> progress = new ArrayList<>();
    ArticleSources.standard()
        .read(
            List.of(dir, missing),
            ReadOptions.defaults(),
            sink,
            (done, total, articles) -> progress.add(done + "/" + total + ":" + articles));

    assertEquals(
        List.of(
            "j1",
            "Tarvik recalls small hatch over loose seat-belt anchor",
            "Grell prices its hybrid estate"),
        recording.articles.stream().map(a -> a.id().equals("j1") ? "j1" : a.title()).toList());
    assertEquals(3, sink.accepted());
    assertEquals(
        List.of(
            missing + " -> no such file or folder",
            dir.resolve("blank.jsonl") + " -> no articles in file",
            dir.resolve("broken.html.gz")
                + " -> unreadable: not a readable gzip file: Not in GZIP format",
            dir.resolve("empty.jsonl") + " -> empty file",
            dir.resolve("notes.pdf")
                + " -> unsupported file type (expected .jsonl, .jsonl.gz, .html, .htm, .html.gz or .txt)"),
        recording.skips);
    assertEquals(5, sink.skippedCount());
    assertEquals(List.of("1/7:1", "2/7:2", "3/7:3", "4/7:3", "5/7:3", "6/7:3", "7/7:3"), progress);
  }

  @Test
  void reportsProgressInsideALargeFile(@TempDir Path dir) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2_500; i++) {
      lines
          .append("{\"id\": \"n")
          .append(i)
          .append("\", \"title\": \"Item ")
          .append(i)
          .append("\"}\n");
    }
    Path file = dir.resolve("big.jsonl");
    Files.writeString(file, lines, StandardCharsets.UTF_8);
    List<String> events = new ArrayList<>();

    ArticleSources.standard()
        .read(
            List.of(file),
            ReadOptions.defaults(),
            CountingSink.counting(),
            new ProgressListener() {
              @Override
              public void fileDone(int done, int total, long articles) {
                events.add("done " + done + "/" + total + ":" + articles);
              }

              @Override
              public void reading(int done, int total, long articles) {
                events.add("reading " + done + "/" + total + ":" + articles);
              }
            });

    assertEquals(List.of("reading 0/1:1000", "reading 0/1:2000", "done 1/1:2500"), events);
  }

  @Test
  void keepsTheArticlesBeforeAGzipFileBreaksOffAndReportsTheFile(@TempDir Path dir)
      throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(packed)) {
      for (int i = 0; i < 2_000; i++) {
        out.write(
            ("{\"id\": \"t" + i + "\", \"title\": \"Truncated feed item number " + i + "\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] bytes = packed.toByteArray();
    Path file = dir.resolve("cut.jsonl.gz");
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    RecordingSink sink = new RecordingSink();

    ArticleSources.standard()
        .read(List.of(file), ReadOptions.defaults(), sink, ProgressListener.none());

    assertTrue(
        sink.articles.size() > 0 && sink.articles.size() < 2_000, "read " + sink.articles.size());
    assertEquals(1, sink.skips.size());
    assertTrue(sink.skips.get(0).startsWith(file + " -> unreadable: "), sink.skips.get(0));
  }

  @Test
  void picksTheReaderByFileName() {
    ArticleSources sources = ArticleSources.standard();

    assertTrue(
        sources.readerFor(Path.of("x.jsonl.gz")).orElseThrow() instanceof JsonLinesArticleReader);
    assertTrue(sources.readerFor(Path.of("x.html.gz")).orElseThrow() instanceof HtmlArticleReader);
    assertTrue(sources.readerFor(Path.of("x.txt")).orElseThrow() instanceof PageTextArticleReader);
    assertTrue(sources.readerFor(Path.of("x.csv")).isEmpty());
  }
}
