package dev.carnews.solrcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.SolrInputField;
import org.junit.jupiter.api.Test;

/**
 * Pins the fields a fixture article becomes, in the local index and in Solr (both renderings of
 * {@code ArticleFields}), so that a change to the field plan shows as a change to the expected
 * files under {@code src/test/resources/index/}.
 */
class ArticleFieldsTest {

  /** Every case the mappings branch on: duplicates, blanks, low and high salience, a shared key. */
  static TaggedArticle fixture() {
    Article article =
        new Article(
            "a-1",
            "https://wheels.example/a-1",
            "Citroen names Anna Berg chief",
            "Anna Berg will run Citroën. Olek Nowak stays at Peugeot.",
            List.of("Mara Lind", " Mara Lind ", ""),
            Instant.parse("2024-03-05T10:15:30Z"),
            "Industry",
            List.of("people", "people", "france"));
    List<Entity> persons =
        List.of(
            new Entity(EntityType.PERSON, "Anna Berg", 2, 0.8),
            new Entity(EntityType.PERSON, "Olek Nowak", 1, 0.3),
            new Entity(EntityType.PERSON, "Ola Brandt", 1, 0.00001));
    List<Entity> brands =
        List.of(
            new Entity(EntityType.BRAND, "Citroën", 2, 0.7),
            new Entity(EntityType.BRAND, "Citroen", 1, 0.6),
            new Entity(EntityType.BRAND, "Peugeot", 1, 0.2));
    return new TaggedArticle(article, List.of("Mara Lind", "Jon Aas"), persons, brands, List.of());
  }

  @Test
  void luceneDocumentOfTheFixtureIsPinned() throws IOException {
    assertEquals(expected("lucene-fields.txt"), lucene(ArticleDocuments.toDocument(fixture())));
  }

  @Test
  void solrDocumentOfTheFixtureIsPinned() throws IOException {
    assertEquals(expected("solr-fields.txt"), solr(SolrArticles.toDocument(fixture())));
  }

  /** One line a field: class, name, type, value; a feature with its encoded weight. */
  static List<String> lucene(Document doc) throws IOException {
    List<String> lines = new ArrayList<>();
    for (IndexableField field : doc) {
      String value;
      if (field.numericValue() != null) {
        value = field.numericValue().getClass().getSimpleName() + " " + field.numericValue();
      } else if (field.binaryValue() != null) {
        value = "bytes " + field.binaryValue();
      } else {
        value = "string " + field.stringValue();
      }
      if (field instanceof FeatureField feature) {
        value += " " + featureWeight(feature);
      }
      lines.add(
          field.getClass().getSimpleName()
              + " "
              + field.name()
              + " ["
              + field.fieldType()
              + "] "
              + value);
    }
    return lines;
  }

  private static String featureWeight(FeatureField feature) throws IOException {
    try (TokenStream stream = feature.tokenStream(null, null)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TermFrequencyAttribute freq = stream.addAttribute(TermFrequencyAttribute.class);
      stream.reset();
      stream.incrementToken();
      return term + "=" + freq.getTermFrequency();
    }
  }

  /** One line a field, in name order (Solr keys fields by name): name and typed values. */
  static List<String> solr(SolrInputDocument doc) {
    Map<String, SolrInputField> sorted = new TreeMap<>();
    doc.forEach(field -> sorted.put(field.getName(), field));
    List<String> lines = new ArrayList<>();
    for (SolrInputField field : sorted.values()) {
      StringBuilder line = new StringBuilder(field.getName());
      for (Object value : field.getValues()) {
        line.append(" | ").append(value.getClass().getSimpleName()).append(' ').append(value);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static List<String> expected(String name) throws IOException {
    try (InputStream in = ArticleFieldsTest.class.getResourceAsStream("/index/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
