package dev.carnews.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads one saved news page ({@code .html}, {@code .htm}, {@code .html.gz}) with jsoup. Title,
 * authors, date and url come from JSON-LD ({@code NewsArticle}, {@code Article}, {@code
 * BlogPosting} and kin, also inside arrays and {@code @graph}), then OpenGraph and meta tags, then
 * the visible byline; the id from the canonical url, else from the content. The body is the JSON-LD
 * {@code articleBody} when it is long, else the main content found by {@link MainContentExtractor},
 * paragraphs separated by blank lines. A page without a usable title or body is skipped with the
 * reason.
 */
public final class HtmlArticleReader implements ArticleReader {

  /** A JSON-LD {@code articleBody} shorter than this is a teaser, not the story. */
  private static final int MIN_JSON_LD_BODY = 500;

  /** A short {@code By Jane Doe ...} line. */
  private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s.{2,100}$");

  @Override
  public boolean accepts(Path file) {
    String name = InputFiles.lowerName(file);
    return name.endsWith(".html")
        || name.endsWith(".htm")
        || name.endsWith(".html.gz")
        || name.endsWith(".htm.gz");
  }

  @Override
  public void read(Path file, ReadOptions options, ArticleSink sink) throws IOException {
    byte[] html = InputFiles.readAllBytes(file);
    try {
      sink.accept(parse(html, file.toUri().toString(), options));
    } catch (MalformedArticleException e) {
      sink.skipped(file.toString(), e.getMessage());
    }
  }

  /**
   * Parses one page; the charset comes from the page (BOM or {@code <meta charset>}), else UTF-8.
   *
   * @param baseUri resolves relative links such as the canonical url
   * @throws MalformedArticleException when the page has no usable title or body
   */
  public Article parse(byte[] html, String baseUri, ReadOptions options) {
    Document doc;
    try {
      doc = Jsoup.parse(new ByteArrayInputStream(html), null, baseUri);
    } catch (IOException e) {
      throw new MalformedArticleException("not readable as HTML: " + e.getMessage(), e);
    }
    return parse(doc, options);
  }

  /**
   * Parses a page already in memory; the document is modified (boilerplate removed).
   *
   * @throws MalformedArticleException when the page has no usable title or body
   */
  public Article parse(Document doc, ReadOptions options) {
    HtmlMetadata meta = HtmlMetadata.of(doc);
    if (meta.title() == null || meta.title().isBlank()) {
      throw new MalformedArticleException("no title in JSON-LD, meta tags, <h1> or <title>");
    }
    String body = String.join("\n\n", withoutHeadline(body(doc, meta), meta.title()));
    if (body.isBlank()) {
      throw new MalformedArticleException("no article body found");
    }
    Instant published = meta.published() != null ? meta.published() : options.defaultPublished();
    String url = meta.url() != null && meta.url().startsWith("http") ? meta.url() : null;
    return new Article(
        ArticleIds.derive(url, meta.title(), body),
        url,
        meta.title(),
        body,
        meta.authors(),
        published,
        meta.section(),
        meta.tags());
  }

  /** Drops the headline and a short byline when the content block repeats them at its top. */
  private static List<String> withoutHeadline(List<String> paragraphs, String title) {
    List<String> kept = new ArrayList<>();
    for (String paragraph : paragraphs) {
      boolean atTop = kept.isEmpty();
      if (atTop && paragraph.equalsIgnoreCase(title)) {
        continue;
      }
      if (atTop && BYLINE.matcher(paragraph).matches()) {
        continue;
      }
      kept.add(paragraph);
    }
    return kept;
  }

  /**
   * The page's main content; the JSON-LD {@code articleBody} only when the page shows much less
   * (pages rendered by script). On corpora/aeb the visible text matched the true body better than
   * {@code articleBody}, which often carries captions, teasers or text the page does not show.
   */
  private static List<String> body(Document doc, HtmlMetadata meta) {
    List<String> extracted = MainContentExtractor.paragraphs(doc);
    if (meta.articleBody() != null && meta.articleBody().length() >= MIN_JSON_LD_BODY) {
      int shown = extracted.stream().mapToInt(String::length).sum();
      if (shown < meta.articleBody().length() / 2) {
        return Arrays.stream(Jsoup.parse(meta.articleBody()).wholeText().split("\\R\\s*"))
            .map(paragraph -> paragraph.replaceAll("(?U)\\s+", " ").strip())
            .filter(paragraph -> !paragraph.isEmpty())
            .toList();
      }
    }
    return extracted;
  }
}
