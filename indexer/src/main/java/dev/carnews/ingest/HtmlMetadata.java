package dev.carnews.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata of an HTML news page, taken from JSON-LD first, then OpenGraph and meta tags, then
 * the visible page.
 *
 * @param title the headline, or {@code null} when the page has none
 * @param authors the raw author names, in page order
 * @param published the publication time, or {@code null} when the page states none
 * @param url the canonical url, or {@code null}
 * @param articleBody the JSON-LD {@code articleBody}, or {@code null}
 * @param section the site section, or {@code null}
 * @param tags the {@code article:tag} values
 */
record HtmlMetadata(
    String title,
    List<String> authors,
    Instant published,
    String url,
    String articleBody,
    String section,
    List<String> tags) {

  private static final Logger LOG = LoggerFactory.getLogger(HtmlMetadata.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .build();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "askpublicnewsarticle",
          "blogposting",
          "liveblogposting",
          "socialmediaposting",
          "techarticle",
          "report");
  private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(?:posted\\s+)?by[:\\s]+");
  private static final Pattern URL_LIKE = Pattern.compile("^(?i)(?:https?:)?//.*|^www\\..*");

  /** Copies the lists. */
  HtmlMetadata {
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** Reads the metadata; call before the body extractor changes the document. */
  static HtmlMetadata of(Document doc) {
    List<JsonNode> nodes = jsonLdNodes(doc);
    JsonNode ld = article(nodes);
    String title = ldText(ld, "headline");
    if (title == null) {
      title = ldText(ld, "name");
    }
    if (title == null) {
      title = firstMeta(doc, "og:title", "twitter:title", "title", "sailthru.title", "dc.title");
    }
    if (title == null) {
      Element h1 = doc.selectFirst("h1");
      title = h1 == null ? null : blankToNull(h1.text());
    }
    if (title == null) {
      title = blankToNull(doc.title());
    }

    Set<String> authors = new LinkedHashSet<>();
    addAuthors(field(ld, nodes, "author"), authors);
    if (authors.isEmpty() && ld != null) {
      addAuthors(ld.get("creator"), authors);
    }
    if (authors.isEmpty()) {
      metaAuthors(doc, authors);
    }
    if (authors.isEmpty()) {
      visibleByline(doc, authors);
    }

    JsonNode ldDate = field(ld, nodes, "datePublished");
    Instant published = ldDate == null ? null : date(ldDate.asText(null)).orElse(null);
    if (published == null && ld != null) {
      published = date(ldText(ld, "dateCreated")).orElse(null);
    }
    if (published == null) {
      published = metaDate(doc);
    }

    String url = ld == null ? null : ldUrl(ld);
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && !canonical.absUrl("href").isBlank()) {
      url = canonical.absUrl("href");
    } else if (canonical != null && canonical.attr("href").startsWith("http")) {
      url = canonical.attr("href");
    }
    if (url == null || !url.startsWith("http")) {
      String og = firstMeta(doc, "og:url");
      url = og != null && og.startsWith("http") ? og : null;
    }

    String section = ld == null ? null : ldText(ld, "articleSection");
    if (section == null) {
      section = firstMeta(doc, "article:section", "parsely-section");
    }
    List<String> tags = new ArrayList<>();
    for (Element tag : doc.select("meta[property=article:tag][content]")) {
      String value = tag.attr("content").strip();
      if (!value.isEmpty() && !tags.contains(value)) {
        tags.add(value);
      }
    }
    String articleBody = ld == null ? null : ldText(ld, "articleBody");
    return new HtmlMetadata(
        clean(title), List.copyOf(authors), published, url, articleBody, section, tags);
  }

  private static String clean(String text) {
    return text == null ? null : text.replaceAll("(?U)\\s+", " ").strip();
  }

  /** Every JSON object in the page's JSON-LD blocks, outer ones first. */
  private static List<JsonNode> jsonLdNodes(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data().strip();
      data =
          data.replace("<!--", "").replace("-->", "").replace("<![CDATA[", "").replace("]]>", "");
      if (data.isEmpty()) {
        continue;
      }
      try {
        flatten(JSON.readTree(data), nodes, 0);
      } catch (JsonProcessingException e) {
        LOG.debug("ignoring unparseable JSON-LD block: {}", e.getOriginalMessage());
      }
    }
    return nodes;
  }

  private static void flatten(JsonNode node, List<JsonNode> into, int depth) {
    if (node == null || depth > 8) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        flatten(item, into, depth + 1);
      }
    } else if (node.isObject()) {
      into.add(node);
      for (String key : List.of("@graph", "mainEntity", "mainEntityOfPage", "hasPart")) {
        flatten(node.get(key), into, depth + 1);
      }
    }
  }

  /** The article node: one typed as an article, else any node with a headline (a web page). */
  private static JsonNode article(List<JsonNode> nodes) {
    for (JsonNode node : nodes) {
      if (isArticleType(node.get("@type"))) {
        return node;
      }
    }
    for (JsonNode node : nodes) {
      if (node.path("headline").isTextual()) {
        return node;
      }
    }
    return null;
  }

  /** The field from the article node, else from the first node that has it (a page node). */
  private static JsonNode field(JsonNode article, List<JsonNode> nodes, String name) {
    if (article != null && article.hasNonNull(name)) {
      return article.get(name);
    }
    for (JsonNode node : nodes) {
      if (node.hasNonNull(name)) {
        return node.get(name);
      }
    }
    return null;
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode item : type) {
        if (isArticleType(item)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText("");
    name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return ARTICLE_TYPES.contains(name);
  }

  private static String ldText(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value != null && value.isArray() && value.size() > 0) {
      value = value.get(0);
    }
    if (value == null || !value.isValueNode()) {
      return null;
    }
    return blankToNull(Parser.unescapeEntities(value.asText(), false));
  }

  private static String ldUrl(JsonNode ld) {
    String url = ldText(ld, "url");
    if (url == null) {
      JsonNode page = ld.get("mainEntityOfPage");
      if (page != null && page.isTextual()) {
        url = page.asText();
      } else if (page != null && page.path("@id").isTextual()) {
        url = page.path("@id").asText();
      }
    }
    return url;
  }

  private static void addAuthors(JsonNode node, Set<String> into) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        addAuthors(item, into);
      }
    } else if (node.isObject()) {
      addAuthors(node.get("name"), into);
    } else if (node.isTextual()) {
      addAuthor(node.asText(), into);
    }
  }

  private static void addAuthor(String raw, Set<String> into) {
    if (raw == null) {
      return;
    }
    String name =
        BY_PREFIX.matcher(raw.replaceAll("(?U)\\s+", " ").strip()).replaceFirst("").strip();
    if (name.isEmpty() || name.length() > 100 || URL_LIKE.matcher(name).matches()) {
      return;
    }
    into.add(name);
  }

  private static void metaAuthors(Document doc, Set<String> into) {
    for (String key :
        List.of(
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dcterms.creator",
            "byl",
            "cxenseparse:author")) {
      for (Element meta : metaElements(doc, key)) {
        addAuthor(meta.attr("content"), into);
      }
      if (!into.isEmpty()) {
        return;
      }
    }
    for (Element author : doc.select("[itemprop=author]")) {
      Element name = author.selectFirst("[itemprop=name]");
      if (name != null) {
        addAuthor(name.hasAttr("content") ? name.attr("content") : name.text(), into);
      } else if (author.hasAttr("content")) {
        addAuthor(author.attr("content"), into);
      } else if (author.text().length() <= 60) {
        addAuthor(author.text(), into);
      }
    }
  }

  private static void visibleByline(Document doc, Set<String> into) {
    for (Element link : doc.select("a[rel=author]")) {
      addAuthor(link.text(), into);
    }
    if (!into.isEmpty()) {
      return;
    }
    for (Element byline :
        doc.select("[class~=(?i)byline|author-name|authorname], [id~=(?i)byline]")) {
      String text = byline.text();
      if (!text.isBlank() && text.length() <= 80) {
        addAuthor(text, into);
        return;
      }
    }
  }

  private static Instant metaDate(Document doc) {
    for (String key :
        List.of(
            "article:published_time",
            "og:article:published_time",
            "article:published",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
            "dcterms.date",
            "date",
            "original-publish-date",
            "article.published",
            "cxenseparse:recs:publishtime")) {
      for (Element meta : metaElements(doc, key)) {
        Optional<Instant> date = date(meta.attr("content"));
        if (date.isPresent()) {
          return date.get();
        }
      }
    }
    for (Element el : doc.select("[itemprop=datePublished]")) {
      String value =
          el.hasAttr("content")
              ? el.attr("content")
              : el.hasAttr("datetime") ? el.attr("datetime") : el.text();
      Optional<Instant> date = date(value);
      if (date.isPresent()) {
        return date.get();
      }
    }
    for (Element time : doc.select("time[datetime]")) {
      Optional<Instant> date = date(time.attr("datetime"));
      if (date.isPresent()) {
        return date.get();
      }
    }
    return null;
  }

  private static Optional<Instant> date(String value) {
    return value == null ? Optional.empty() : PublishedDates.find(value);
  }

  private static List<Element> metaElements(Document doc, String key) {
    List<Element> found = new ArrayList<>();
    for (Element meta : doc.select("meta[content]")) {
      String name = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
      if (name.isEmpty()) {
        name = meta.attr("itemprop");
      }
      if (name.equalsIgnoreCase(key)) {
        found.add(meta);
      }
    }
    return found;
  }

  private static String firstMeta(Document doc, String... keys) {
    for (String key : keys) {
      for (Element meta : metaElements(doc, key)) {
        String value = blankToNull(meta.attr("content"));
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
