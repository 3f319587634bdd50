package dev.carnews.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class HtmlArticleReaderTest {

  private final HtmlArticleReader reader = new HtmlArticleReader();

  private RecordingSink read(Path file) throws IOException {
    RecordingSink sink = new RecordingSink();
    reader.read(file, ReadOptions.defaults(), sink);
    return sink;
  }

  @Test
  void takesMetadataFromJsonLdInAGraphBeforeMetaTags() throws IOException {
    Article article = read(Fixtures.path("html/jsonld-graph.html")).only();

    assertEquals("Vantor Mino gets a bigger battery", article.title());
    assertEquals(List.of("Ada Kerr", "Ben Olsen"), article.authors());
    assertEquals(Instant.parse("2024-11-05T08:30:00Z"), article.published());
    assertEquals("https://motoring.example/news/vantor-mino-battery", article.url());
    assertEquals(
        ArticleIds.fromUrl("https://motoring.example/news/vantor-mino-battery"), article.id());
  }

  @Test
  void bodyKeepsTheStoryParagraphsAndDropsPageFurniture() throws IOException {
    String body = read(Fixtures.path("html/jsonld-graph.html")).only().body();

    List<String> paragraphs = List.of(body.split("\n\n"));
    assertEquals(4, paragraphs.size(), body);
    assertTrue(paragraphs.get(0).startsWith("Vantor has fitted"));
    assertTrue(paragraphs.get(3).startsWith("A faster on-board charger"));
    for (String furniture :
        List.of(
            "Home",
            "Share",
            "green paint",
            "Advertisement",
            "Related",
            "newsletter",
            "Copyright",
            "tracking",
            "By Ada Kerr")) {
      assertFalse(body.contains(furniture), () -> furniture + " in\n" + body);
    }
  }

  @Test
  void fallsBackToOpenGraphAndMetaTagsAndFindsTheDensestBlock() throws IOException {
    Article article = read(Fixtures.path("html/meta-only.htm")).only();

    assertEquals("Grell prices its hybrid estate", article.title());
    assertEquals(List.of("Cora Vidal"), article.authors());
    assertEquals(Instant.parse("2023-06-12T07:00:00Z"), article.published());
    assertEquals(ArticleIds.fromUrl("https://wheels.example/grell-estate"), article.id());
    assertEquals(4, article.body().split("\n\n").length, article.body());
    assertFalse(article.body().contains("cheapest"));
    assertFalse(article.body().contains("Advertise"));
  }

  @Test
  void usesALongJsonLdArticleBody() {
    String story = "The Pellam coupe will be built in small numbers. ".repeat(15).strip();
    String html =
        "<html><head><script type=\"application/ld+json\">[{\"@type\": \"BlogPosting\","
            + " \"headline\": \"Pellam coupe\", \"author\": \"Dana Frey\", \"articleBody\": \""
            + story
            + "\"}]</script></head><body><div><p>Teaser only.</p></div></body></html>";

    Article article =
        reader.parse(
            html.getBytes(StandardCharsets.UTF_8), "https://x.example/", ReadOptions.defaults());

    assertEquals(story, article.body());
    assertEquals(List.of("Dana Frey"), article.authors());
    assertTrue(article.id().startsWith("c-"));
  }

  @Test
  void readsGzippedPages(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("page.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(Files.readAllBytes(Fixtures.path("html/meta-only.htm")));
    }

    assertTrue(reader.accepts(file));
    assertEquals("Grell prices its hybrid estate", read(file).only().title());
  }

  @Test
  void skipsPagesWithoutBodyOrTitleWithTheReason() throws IOException {
    RecordingSink noBody = read(Fixtures.path("html/no-body.html"));
    RecordingSink noTitle = read(Fixtures.path("html/no-title.html"));

    assertTrue(noBody.articles.isEmpty());
    assertTrue(noBody.skips.get(0).endsWith("no article body found"), noBody.skips.toString());
    assertTrue(noTitle.articles.isEmpty());
    assertTrue(noTitle.skips.get(0).contains("no title"), noTitle.skips.toString());
  }

  @Test
  void decodesThePageInTheCharsetItDeclares() {
    String html =
        "<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 racer</title></head><body>"
            + "<article><p>The caf\u00e9 racer from Grell arrives in May with a retro tank and"
            + " a modern engine, the company said.</p></article></body></html>";

    Article article =
        reader.parse(
            html.getBytes(StandardCharsets.ISO_8859_1),
            "https://x.example/",
            ReadOptions.defaults());

    assertEquals("Caf\u00e9 racer", article.title());
    assertTrue(article.body().startsWith("The caf\u00e9 racer"), article.body());
  }

  @Test
  void acceptsHtmlNamesOnly() {
    assertTrue(reader.accepts(Path.of("a/B.HTML")));
    assertTrue(reader.accepts(Path.of("b.htm")));
    assertFalse(reader.accepts(Path.of("c.txt")));
    assertFalse(reader.accepts(Path.of("d.jsonl.gz")));
  }
}
