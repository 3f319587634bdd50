package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.search.SearchHit;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a list of hits as an Atom 1.0 or a JSON Feed 1.1 document. Entry ids are stable ({@code
 * urn:carnews:article:} and the article id), {@code updated} is the article's date, the link is the
 * article's url; titles and snippets are escaped by the XML writer (Atom) or the JSON writer, never
 * by hand. An article without a date is dated {@link Instant#EPOCH} in Atom, which requires a date.
 */
final class FeedDocuments {

  /**
   * One feed.
   *
   * @param title the feed's title
   * @param self the absolute URL of the feed itself (also its id)
   * @param page the absolute URL of the page it follows
   * @param hits the entries, in feed order
   */
  record Feed(String title, String self, String page, List<SearchHit> hits) {

    /** Copies. */
    Feed {
      hits = List.copyOf(hits);
    }

    /** The newest article date of the entries, {@link Instant#EPOCH} when none is dated. */
    Instant updated() {
      return hits.stream()
          .map(SearchHit::published)
          .filter(Objects::nonNull)
          .max(Instant::compareTo)
          .orElse(Instant.EPOCH);
    }
  }

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String GENERATOR = "News search";

  private FeedDocuments() {}

  /** The stable id of an article's entry. */
  static String entryId(String articleId) {
    return "urn:carnews:article:" + URLEncoder.encode(articleId, StandardCharsets.UTF_8);
  }

  /** The feed as Atom 1.0, UTF-8. */
  static byte[] atom(Feed feed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      element(xml, "id", feed.self());
      element(xml, "title", feed.title());
      element(xml, "updated", date(feed.updated()));
      link(xml, "self", "application/atom+xml", feed.self());
      link(xml, "alternate", "text/html", feed.page());
      xml.writeStartElement("author");
      element(xml, "name", GENERATOR);
      xml.writeEndElement();
      element(xml, "generator", GENERATOR);
      for (SearchHit hit : feed.hits()) {
        entry(xml, hit);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the Atom feed could not be written", e);
    }
    return out.toByteArray();
  }

  private static void entry(XMLStreamWriter xml, SearchHit hit) throws XMLStreamException {
    xml.writeStartElement("entry");
    element(xml, "id", entryId(hit.id()));
    xml.writeStartElement("title");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(xmlText(hit.title()));
    xml.writeEndElement();
    Instant when = hit.published() == null ? Instant.EPOCH : hit.published();
    element(xml, "updated", date(when));
    if (hit.published() != null) {
      element(xml, "published", date(hit.published()));
    }
    if (hit.url() != null && !hit.url().isBlank()) {
      link(xml, "alternate", "text/html", hit.url());
    }
    for (String author : hit.authors()) {
      xml.writeStartElement("author");
      element(xml, "name", author);
      xml.writeEndElement();
    }
    category(xml, "brand", hit.brands());
    category(xml, "person", hit.persons());
    if (hit.snippet() != null) {
      xml.writeStartElement("summary");
      xml.writeAttribute("type", "html");
      xml.writeCharacters(xmlText(hit.snippet()));
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** The feed as JSON Feed 1.1. */
  static byte[] jsonFeed(Feed feed, ObjectMapper json) {
    List<JsonItem> items = new ArrayList<>();
    for (SearchHit hit : feed.hits()) {
      List<String> tags = new ArrayList<>(hit.brands());
      tags.addAll(hit.persons());
      items.add(
          new JsonItem(
              entryId(hit.id()),
              hit.url(),
              hit.title(),
              hit.snippet(),
              hit.published() == null ? null : date(hit.published()),
              hit.authors().stream().map(JsonAuthor::new).toList(),
              tags));
    }
    try {
      return json.writeValueAsBytes(
          new JsonFeed(
              "https://jsonfeed.org/version/1.1", feed.title(), feed.page(), feed.self(), items));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the JSON feed could not be written", e);
    }
  }

  /** A JSON Feed 1.1 document (the fields this service fills). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record JsonFeed(
      String version,
      String title,
      @JsonProperty("home_page_url") String homePageUrl,
      @JsonProperty("feed_url") String feedUrl,
      List<JsonItem> items) {}

  /** One JSON Feed item. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record JsonItem(
      String id,
      String url,
      String title,
      @JsonProperty("content_html") String contentHtml,
      @JsonProperty("date_published") String datePublished,
      List<JsonAuthor> authors,
      List<String> tags) {}

  /** One JSON Feed author. */
  record JsonAuthor(String name) {}

  private static void category(XMLStreamWriter xml, String scheme, List<String> names)
      throws XMLStreamException {
    for (String name : names) {
      xml.writeEmptyElement("category");
      xml.writeAttribute("term", xmlText(name));
      xml.writeAttribute("scheme", "urn:carnews:" + scheme);
    }
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", xmlText(href));
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  /**
   * The text without the characters XML 1.0 cannot carry at all (most control characters, lone
   * surrogates): the XML writer escapes markup but would write those as they are.
   */
  static String xmlText(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean surrogatePair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (surrogatePair) {
        clean.append(c).append(text.charAt(++i));
      } else if (c == '\t'
          || c == '\n'
          || c == '\r'
          || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  private static String date(Instant when) {
    return DateTimeFormatter.ISO_INSTANT.format(when);
  }
}
