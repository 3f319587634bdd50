package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_MENTIONS;
import static dev.carnews.index.ArticleSchema.BRAND_SALIENCE;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_CONFIDENCE;
import static dev.carnews.index.ArticleSchema.PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.RAW_BRAND;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_MENTIONS;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_SALIENCE;
import static dev.carnews.index.ArticleSchema.RAW_PERSON;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.SECTION;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.STORY_SIGNATURE;
import static dev.carnews.index.ArticleSchema.TAGS;
import static dev.carnews.index.ArticleSchema.TEXT_TYPE;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.curation.Curation;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.PersonLinks;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.story.MinHashBands;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The only place that maps a {@link TaggedArticle} to a Lucene {@link Document} and stored fields
 * back to a {@link TaggedArticle}. Field names and types come from {@link ArticleSchema}.
 */
public final class ArticleDocuments {

  private ArticleDocuments() {}

  /**
   * The document to index for an article, facet fields already translated by the schema's {@link
   * ArticleSchema#facetsConfig()}.
   */
  public static Document toDocument(TaggedArticle tagged) {
    return toDocument(tagged, TEXT_TYPE);
  }

  /**
   * The document to index for an article, with title and body indexed as {@code textType} says:
   * {@link ArticleSchema#TEXT_TYPE}, or {@link ArticleSchema#TEXT_TYPE_WITHOUT_OFFSETS} for an
   * index that was built without them.
   */
  public static Document toDocument(TaggedArticle tagged, FieldType textType) {
    return toDocument(tagged, textType, Curation.none());
  }

  /**
   * The document of an article as the tagger tagged it, its entities shown as {@code curation}
   * makes them (keeping the tagger's, {@link ArticleFields#of(TaggedArticle, Curation)}).
   */
  public static Document toDocument(TaggedArticle tagged, FieldType textType, Curation curation) {
    Document doc = new Document();
    for (ArticleFields.Value value : ArticleFields.of(tagged, curation)) {
      add(doc, value, textType);
    }
    try {
      return ArticleSchema.facetsConfig().build(doc);
    } catch (IOException e) {
      // Only taxonomy facets do I/O in build(); this schema has none.
      throw new IllegalStateException("facet build failed for " + tagged.article().id(), e);
    }
  }

  /** One planned value as the Lucene fields it takes; facet labels are named by their field. */
  private static void add(Document doc, ArticleFields.Value planned, FieldType textType) {
    String name = planned.name();
    Object value = planned.value();
    switch (planned.use()) {
      case TEXT -> doc.add(new Field(name, (String) value, textType));
      case KEYWORD_STORED -> doc.add(new KeywordField(name, (String) value, Field.Store.YES));
      case KEYWORD -> doc.add(new KeywordField(name, (String) value, Field.Store.NO));
      case STORED -> doc.add(stored(name, value));
      case STORED_FACET -> {
        doc.add(new StoredField(name, (String) value));
        doc.add(new SortedSetDocValuesFacetField(name, (String) value));
      }
      case FACET -> doc.add(new SortedSetDocValuesFacetField(name, (String) value));
      case LONG -> doc.add(new LongField(name, (Long) value, Field.Store.YES));
      case RANK_FEATURE -> {
        ArticleFields.RankFeature feature = (ArticleFields.RankFeature) value;
        doc.add(new FeatureField(name, feature.key(), (float) feature.weight()));
      }
      case VECTOR ->
          doc.add(
              new KnnFloatVectorField(name, (float[]) value, VectorSimilarityFunction.DOT_PRODUCT));
    }
  }

  private static StoredField stored(String name, Object value) {
    if (value instanceof Integer i) {
      return new StoredField(name, i);
    }
    if (value instanceof Double d) {
      return new StoredField(name, d);
    }
    return new StoredField(name, (String) value);
  }

  /**
   * The document with its story fields: {@code story} set to {@code story} (replacing any), the
   * band terms and the signature of its fingerprint.
   */
  public static Document withStory(Document doc, String story, MinHashBands.Fingerprint print) {
    Document result = new Document();
    for (IndexableField field : doc) {
      String name = field.name();
      if (!STORY.equals(name) && !STORY_BAND.equals(name) && !STORY_SIGNATURE.equals(name)) {
        result.add(field);
      }
    }
    List<String> bands = print.bands();
    if (print.signature().length > 0) {
      result.add(new BinaryDocValuesField(STORY_SIGNATURE, new BytesRef(print.signature())));
    }
    result.add(new StringField(STORY, story, Field.Store.YES));
    result.add(new SortedDocValuesField(STORY, new BytesRef(story)));
    for (String band : bands) {
      result.add(new StringField(STORY_BAND, band, Field.Store.NO));
    }
    return result;
  }

  /**
   * An article's stored fields with its vector, if it has one, as a {@link KnnFloatVectorField}:
   * what {@link #fromStored} needs to rewrite an article (a story change, a restory) without losing
   * its vector, which is not a stored field.
   */
  public static Document storedWithVector(IndexSearcher searcher, int doc) throws IOException {
    Document stored = searcher.storedFields().document(doc);
    float[] vector = vectorOf(searcher.getIndexReader(), doc);
    if (vector != null) {
      stored.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return stored;
  }

  /** The vector of a document (its top-level number in {@code reader}), or {@code null}. */
  public static float[] vectorOf(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
    int local = doc - leaf.docBase;
    return vectors != null && vectors.advance(local) == local
        ? vectors.vectorValue().clone()
        : null;
  }

  /**
   * The article as the tagger tagged it, read from the index: title, body, url, date, section,
   * tags, authors, and the tagger's persons and brands with their mentions and salience (the raw
   * ones of a curated article), so writing it again applies the curation of that time. Mentions
   * (offsets) are not stored, so the result has none.
   */
  public static TaggedArticle fromStored(Document stored) {
    // A curated article has at least one raw entity (a decision changed one of them).
    if (stored.getField(RAW_PERSON) == null && stored.getField(RAW_BRAND) == null) {
      return shownFromStored(stored);
    }
    TaggedArticle shown = shownFromStored(stored);
    return new TaggedArticle(
        shown.article(),
        shown.authors(),
        entities(stored, EntityType.PERSON, RAW_PERSON, RAW_PERSON_MENTIONS, RAW_PERSON_SALIENCE),
        entities(stored, EntityType.BRAND, RAW_BRAND, RAW_BRAND_MENTIONS, RAW_BRAND_SALIENCE),
        List.of(),
        shown.vector(),
        shown.personConfidence());
  }

  /**
   * The model's confidence in each of the tagger's persons, read parallel to them ({@link
   * ArticleSchema#PERSON_CONFIDENCE}); empty when the article has none.
   */
  private static Map<String, Double> confidence(Document stored) {
    IndexableField[] values = stored.getFields(PERSON_CONFIDENCE);
    if (values.length == 0) {
      return Map.of();
    }
    boolean curated = stored.getField(RAW_PERSON) != null || stored.getField(RAW_BRAND) != null;
    String[] names = stored.getValues(curated ? RAW_PERSON : PERSON);
    Map<String, Double> confidence = new HashMap<>();
    for (int i = 0; i < names.length && i < values.length; i++) {
      confidence.put(names[i], values[i].numericValue().doubleValue());
    }
    return confidence;
  }

  /**
   * Every live article's id, publication time, text and the tagger's person values (the raw ones of
   * a curated article): what automatic person links are computed from, so applying them again sees
   * the values the links were made of, not the names they already show.
   */
  public static List<PersonLinks.ArticlePersons> taggedPersons(IndexReader reader)
      throws IOException {
    Set<String> fields = Set.of(ID, PUBLISHED, PERSON, RAW_PERSON, RAW_BRAND, TITLE, BODY);
    List<PersonLinks.ArticlePersons> articles = new ArrayList<>(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document document = stored.document(doc, fields);
        boolean curated =
            document.getField(RAW_PERSON) != null || document.getField(RAW_BRAND) != null;
        IndexableField published = document.getField(PUBLISHED);
        String title = document.get(TITLE);
        String body = document.get(BODY);
        articles.add(
            new PersonLinks.ArticlePersons(
                document.get(ID),
                published == null
                    ? null
                    : Instant.ofEpochMilli(published.numericValue().longValue()),
                List.of(document.getValues(curated ? RAW_PERSON : PERSON)),
                (title == null ? "" : title) + "\n\n" + (body == null ? "" : body)));
      }
    }
    return articles;
  }

  /**
   * The article as the answers show it: like {@link #fromStored}, with the persons and brands the
   * curation made of the tagger's.
   */
  public static TaggedArticle shownFromStored(Document stored) {
    String id = stored.get(ID);
    IndexableField published = stored.getField(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue());
    List<String> authors = List.of(stored.getValues(AUTHOR));
    Article article =
        new Article(
            id,
            stored.get(URL),
            stored.get(TITLE),
            stored.get(BODY),
            authors,
            when,
            stored.get(SECTION),
            List.of(stored.getValues(TAGS)));
    return new TaggedArticle(
        article,
        authors,
        entities(stored, EntityType.PERSON, PERSON, PERSON_MENTIONS, PERSON_SALIENCE),
        entities(stored, EntityType.BRAND, BRAND, BRAND_MENTIONS, BRAND_SALIENCE),
        List.of(),
        stored.getField(VECTOR) instanceof KnnFloatVectorField vector ? vector.vectorValue() : null,
        confidence(stored));
  }

  private static List<Entity> entities(
      Document stored, EntityType type, String display, String mentions, String salience) {
    String[] names = stored.getValues(display);
    IndexableField[] counts = stored.getFields(mentions);
    IndexableField[] saliences = stored.getFields(salience);
    List<Entity> result = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      int count = i < counts.length ? counts[i].numericValue().intValue() : 0;
      double score = i < saliences.length ? saliences[i].numericValue().doubleValue() : 0;
      result.add(new Entity(type, names[i], count, score));
    }
    return result;
  }
}
