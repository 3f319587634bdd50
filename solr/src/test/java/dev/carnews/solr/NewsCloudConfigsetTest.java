package dev.carnews.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import dev.carnews.solrconfig.NewsSolrConfigset;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.payloads.DelimitedPayloadTokenFilterFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.solr.analysis.TokenizerChain;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;
import org.apache.solr.request.LocalSolrQueryRequest;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.SchemaField;
import org.apache.solr.schema.StrField;
import org.apache.solr.schema.TextField;
import org.apache.solr.search.QParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud configset ({@link NewsSolrConfigset}) and the service's {@link ArticleSchema} stay
 * one schema: every field the service writes exists in Solr with the same indexing choices, and
 * Solr's field types, built from the analyzers jar's factories, produce {@link NewsAnalyzers}'
 * tokens exactly (term, offsets, position increment and length, type).
 */
class NewsCloudConfigsetTest {

  private static final List<String> TEXTS =
      List.of(
          "Renault's CX-5 rival: the Citroën ë-C4 and Audi e-tron GT EVs, ID.4 vs. cx 5 & CX5.",
          "Mercedes' SUVs and the sport utility vehicle market; François Provost’s EV plans.",
          "Hyundai IONIQ 5 N — 650 PS, 0-100 km/h in 3.5 s; the Q4 e-tron's rivals",
          "");

  private static CoreContainer container;
  private static SolrCore core;
  private static IndexSchema schema;

  @BeforeAll
  static void loadConfigset(@TempDir Path home) throws IOException {
    Files.writeString(home.resolve("solr.xml"), "<solr/>", StandardCharsets.UTF_8);
    Path coreDir = home.resolve("news");
    NewsSolrConfigset.writeTo(coreDir.resolve("conf"));
    Files.writeString(coreDir.resolve("core.properties"), "name=news\n", StandardCharsets.UTF_8);
    container = CoreContainer.createAndLoad(home);
    assertTrue(
        container.getCoreInitFailures().isEmpty(),
        () -> container.getCoreInitFailures().toString());
    core = container.getCore("news");
    schema = core.getLatestSchema();
  }

  @AfterAll
  static void close() {
    if (core != null) {
      core.close();
    }
    if (container != null) {
      container.shutdown();
    }
  }

  @Test
  void everyFieldNameOfArticleSchemaIsAFieldOfTheConfigset() throws IllegalAccessException {
    List<String> checked = new ArrayList<>();
    for (Field constant : ArticleSchema.class.getFields()) {
      if (constant.getType() == String.class && Modifier.isStatic(constant.getModifiers())) {
        String name = (String) constant.get(null);
        assertNotNull(schema.getFieldOrNull(name), constant.getName() + " = " + name);
        checked.add(name);
      }
    }
    // The reflection found the schema's field names, not an empty list that would pass anything.
    assertTrue(
        checked.containsAll(
            List.of(
                ArticleSchema.ID,
                ArticleSchema.TITLE,
                ArticleSchema.BODY,
                ArticleSchema.PERSON_KEY)),
        checked.toString());
  }

  @Test
  void fieldsAreIndexedStoredAndSortedAsTheServiceIndexesThem() {
    Document doc = ArticleDocuments.toDocument(sampleArticle());
    Map<String, List<IndexableField>> byName = new HashMap<>();
    for (IndexableField field : doc.getFields()) {
      byName.computeIfAbsent(field.name(), n -> new ArrayList<>()).add(field);
    }
    for (Map.Entry<String, List<IndexableField>> entry : byName.entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("$")) {
        continue; // Lucene's facet field: Solr counts docValues of the dimension's own field.
      }
      SchemaField solr = schema.getField(name);
      List<IndexableField> fields = entry.getValue();
      if (fields.get(0) instanceof FeatureField) {
        assertTrue(solr.indexed() && !solr.stored(), name);
        assertTrue(hasFactory(solr, DelimitedPayloadTokenFilterFactory.class), name);
        continue;
      }
      boolean stored = fields.stream().anyMatch(f -> f.fieldType().stored());
      boolean indexed =
          fields.stream().anyMatch(f -> f.fieldType().indexOptions() != IndexOptions.NONE);
      boolean points = fields.stream().anyMatch(f -> f.fieldType().pointDimensionCount() > 0);
      long values = fields.stream().filter(f -> f.fieldType().stored()).count();
      assertEquals(stored, solr.stored(), name + " stored");
      assertEquals(indexed || points, solr.indexed(), name + " indexed");
      if (values > 1) {
        assertTrue(solr.multiValued(), name + " multi-valued");
      }
      if (points) {
        assertTrue(solr.getType().isPointField() && solr.hasDocValues(), name + " points");
      }
      IndexableField first = fields.get(0);
      if (first.fieldType().tokenized() && indexed) {
        IndexOptions options = first.fieldType().indexOptions();
        assertTrue(solr.getType() instanceof TextField, name + " analysed");
        assertEquals(
            options.compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0,
            !solr.omitPositions(),
            name + " positions");
        assertEquals(
            options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
            solr.storeOffsetsWithPositions(),
            name + " offsets");
      } else if (indexed && !points) {
        // One term per value: a StrField, or the name_key type whose keyword tokenizer folds it.
        assertTrue(
            solr.getType() instanceof StrField || hasFactory(solr, KeywordTokenizerFactory.class),
            name + " one term per value");
      }
    }
  }

  /**
   * The vector is stored in Solr (the local index reads it back from its vector values), so an
   * article written again from its stored fields keeps it and related articles read it.
   */
  @Test
  void theVectorIsIndexedForNearestNeighboursAndStoredForRewrites() {
    SchemaField vector = schema.getField(ArticleSchema.VECTOR);
    assertTrue(vector.indexed(), "indexed");
    assertTrue(vector.stored(), "stored");
    assertFalse(vector.multiValued(), "one vector per article");
  }

  @Test
  void facetDimensionsAreDocValuesStringsWithTheSameArity() {
    for (String dim :
        List.of(
            ArticleSchema.BRAND_FACET,
            ArticleSchema.PERSON_FACET,
            ArticleSchema.AUTHOR_FACET,
            ArticleSchema.MONTH_FACET)) {
      SchemaField solr = schema.getField(dim);
      assertTrue(solr.getType() instanceof StrField && solr.hasDocValues(), dim);
      assertEquals(
          ArticleSchema.facetsConfig().getDimConfig(dim).multiValued, solr.multiValued(), dim);
    }
    assertTrue(schema.getField(ArticleSchema.PUBLISHED).hasDocValues(), "published sorts");
    assertTrue(schema.getField(ArticleSchema.ID).hasDocValues(), "id breaks cursor ties");
  }

  @Test
  void titleAndBodyAnalyseLikeNewsAnalyzersTextAndTextQuery() throws IOException {
    for (String field : List.of(ArticleSchema.TITLE, ArticleSchema.BODY)) {
      Analyzer index = schema.getFieldType(field).getIndexAnalyzer();
      Analyzer query = schema.getFieldType(field).getQueryAnalyzer();
      try (Analyzer text = NewsAnalyzers.text();
          Analyzer textQuery = NewsAnalyzers.textQuery()) {
        for (String sample : TEXTS) {
          assertEquals(tokens(text, field, sample), tokens(index, field, sample), sample);
          assertEquals(tokens(textQuery, field, sample), tokens(query, field, sample), sample);
        }
      }
    }
  }

  @Test
  void nameKeysAndCompletionsAnalyseLikeNewsAnalyzers() throws IOException {
    List<String> names =
        List.of("François Provost", " FRANCOIS\u00a0 PROVOST ", "O’Neil–Smith", "Citroën", "Škoda");
    try (Analyzer nameKey = NewsAnalyzers.nameKey()) {
      for (String field : List.of("brand_key", "person_key", "author_key", "about_brand_key")) {
        Analyzer solr = schema.getFieldType(field).getIndexAnalyzer();
        for (String name : names) {
          assertEquals(tokens(nameKey, field, name), tokens(solr, field, name), name);
        }
      }
    }
    try (Analyzer index = NewsAnalyzers.autocomplete();
        Analyzer query = NewsAnalyzers.autocompleteQuery()) {
      var type = schema.getFieldType("title_prefix");
      for (String sample : TEXTS) {
        assertEquals(tokens(index, "t", sample), tokens(type.getIndexAnalyzer(), "t", sample));
        assertEquals(tokens(query, "t", sample), tokens(type.getQueryAnalyzer(), "t", sample));
      }
    }
  }

  /**
   * Edismax as the service asks it reads a multi-word car synonym as a phrase, as the local index
   * does ({@code ev} finds "electric vehicle", not "electric" and "vehicle" anywhere), and the
   * query's own words as words, each anywhere.
   */
  @Test
  void edismaxMatchesMultiWordSynonymsAsPhrasesAndWordsAsWords() throws Exception {
    String ev = parsed("edismax", "ev");
    assertTrue(ev.contains("body:\"electric vehicle\""), ev);
    assertTrue(ev.contains("title:\"electric car\""), ev);
    String words = parsed("edismax", "renault battery plant");
    assertTrue(!words.contains("\""), words);
    assertTrue(words.contains("body:plant"), words);
    String mixed = parsed("edismax", "renault ev plans");
    assertTrue(mixed.contains("body:\"electric vehicle\"") && !mixed.contains("\"renault"), mixed);
  }

  private static String parsed(String parser, String text) throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("qf", "title^3 body");
    params.set("mm", "100%");
    params.set("sow", "false");
    try (SolrQueryRequest request = new LocalSolrQueryRequest(core, params)) {
      return QParser.getParser(text, parser, request).getQuery().toString();
    }
  }

  private static boolean hasFactory(SchemaField field, Class<?> factory) {
    if (!(field.getType().getIndexAnalyzer() instanceof TokenizerChain chain)) {
      return false;
    }
    if (factory.isInstance(chain.getTokenizerFactory())) {
      return true;
    }
    for (var filter : chain.getTokenFilterFactories()) {
      if (factory.isInstance(filter)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            term
                + " +"
                + increment.getPositionIncrement()
                + "/"
                + length.getPositionLength()
                + " ["
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + "] "
                + type.type());
      }
      stream.end();
    }
    return tokens;
  }

  private static TaggedArticle sampleArticle() {
    Article article =
        new Article(
            "a-1",
            "https://news.example/a-1",
            "Renault and Škoda plan EVs",
            "Renault's chief Ann Example and Škoda's Bo Sample met in Paris.",
            List.of("Cy Writer", "Di Author"),
            Instant.parse("2024-03-05T10:00:00Z"),
            "business",
            List.of("ev", "industry"));
    return new TaggedArticle(
        article,
        List.of("Cy Writer", "Di Author"),
        List.of(
            new Entity(EntityType.PERSON, "Ann Example", 2, 0.7),
            new Entity(EntityType.PERSON, "Bo Sample", 1, 0.2)),
        List.of(
            new Entity(EntityType.BRAND, "Renault", 3, 0.9),
            new Entity(EntityType.BRAND, "Škoda", 2, 0.6)),
        List.of());
  }
}
