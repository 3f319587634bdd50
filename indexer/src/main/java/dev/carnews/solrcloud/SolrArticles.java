package dev.carnews.solrcloud;

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
import static dev.carnews.index.ArticleSchema.TAGS;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.curation.Curation;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleFields;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * The only place that maps a {@link TaggedArticle} to a Solr document of the news configset and
 * back, rendering the same {@link ArticleFields} plan as {@code ArticleDocuments} writes to the
 * local index.
 */
public final class SolrArticles {

  private SolrArticles() {}

  /**
   * The Solr document of an article. Facet labels are values of their field (the configset gives it
   * doc values); ranking features are {@code key|salience} payloads.
   */
  public static SolrInputDocument toDocument(TaggedArticle tagged) {
    return toDocument(tagged, Curation.none());
  }

  /**
   * The Solr document of an article as the tagger tagged it, its entities shown as {@code curation}
   * makes them; a curated article also keeps the tagger's ({@code raw_*}), as on a local index.
   */
  public static SolrInputDocument toDocument(TaggedArticle tagged, Curation curation) {
    SolrInputDocument doc = new SolrInputDocument();
    for (ArticleFields.Value planned : ArticleFields.of(tagged, curation)) {
      Object value = planned.value();
      if (value instanceof ArticleFields.RankFeature feature) {
        value = String.format(Locale.ROOT, "%s|%.6f", feature.key(), feature.weight());
      } else if (value instanceof float[] vector) {
        value = floats(vector);
      }
      doc.addField(planned.name(), value);
    }
    return doc;
  }

  /**
   * A copy of an article's document in a story, like {@code ArticleDocuments.withStory}: the story
   * id and the band terms that find its versions. The signature is not written: a write reads its
   * candidates' text anyway (one request), so it computes their signatures from that text.
   */
  public static SolrInputDocument withStory(
      SolrInputDocument doc, String story, List<String> bands) {
    SolrInputDocument result = doc.deepCopy();
    result.setField(STORY, story);
    result.removeField(STORY_BAND);
    if (!bands.isEmpty()) {
      result.setField(STORY_BAND, new ArrayList<>(bands));
    }
    return result;
  }

  /** A vector as Solr's {@code DenseVectorField} takes it: a list of floats. */
  private static List<Float> floats(float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float v : vector) {
      values.add(v);
    }
    return values;
  }

  /** The stored fields every answer reads ({@code fl}); payload and key fields are not stored. */
  public static final List<String> STORED =
      List.of(
          ID,
          URL,
          TITLE,
          BODY,
          BRAND,
          BRAND_MENTIONS,
          BRAND_SALIENCE,
          PERSON,
          PERSON_MENTIONS,
          PERSON_SALIENCE,
          AUTHOR,
          PUBLISHED,
          SECTION,
          TAGS);

  /**
   * The stored fields of a curated article's tagger entities, the model's confidence in the
   * tagger's persons, and the article's vector: read with {@link #STORED} by whoever writes an
   * article again ({@link #taggedFromDocument}), so the rewrite keeps them. A collection on an
   * older configset, which does not store vectors, returns none (and its rewrites have none).
   */
  public static final List<String> RAW_STORED =
      List.of(
          VECTOR,
          PERSON_CONFIDENCE,
          RAW_PERSON,
          RAW_PERSON_MENTIONS,
          RAW_PERSON_SALIENCE,
          RAW_BRAND,
          RAW_BRAND_MENTIONS,
          RAW_BRAND_SALIENCE);

  /**
   * The article as the tagger tagged it, from a document read with {@link #STORED} and {@link
   * #RAW_STORED}: a curated article's {@code raw_*} entities, else the shown ones (which are the
   * tagger's). Writing it again with the current curation never starts from an earlier decision.
   */
  public static TaggedArticle taggedFromDocument(SolrDocument doc) {
    TaggedArticle shown = fromDocument(doc);
    if (doc.getFieldValues(RAW_PERSON) == null && doc.getFieldValues(RAW_BRAND) == null) {
      return shown;
    }
    // A curated article keeps both raw lists (an empty one has no values).
    return new TaggedArticle(
        shown.article(),
        shown.authors(),
        entities(doc, EntityType.PERSON, RAW_PERSON, RAW_PERSON_MENTIONS, RAW_PERSON_SALIENCE),
        entities(doc, EntityType.BRAND, RAW_BRAND, RAW_BRAND_MENTIONS, RAW_BRAND_SALIENCE),
        List.of(),
        shown.vector(),
        shown.personConfidence());
  }

  /**
   * The article as Solr stored it, like {@code ArticleDocuments.fromStored}, with its vector when
   * the document was read with it ({@link #RAW_STORED}).
   */
  public static TaggedArticle fromDocument(SolrDocument doc) {
    Object published = doc.getFirstValue(PUBLISHED);
    Instant when =
        published == null ? null : Instant.ofEpochMilli(((Number) published).longValue());
    List<String> authors = strings(doc, AUTHOR);
    Article article =
        new Article(
            (String) doc.getFirstValue(ID),
            (String) doc.getFirstValue(URL),
            (String) doc.getFirstValue(TITLE),
            (String) doc.getFirstValue(BODY),
            authors,
            when,
            (String) doc.getFirstValue(SECTION),
            strings(doc, TAGS));
    return new TaggedArticle(
        article,
        authors,
        entities(doc, EntityType.PERSON, PERSON, PERSON_MENTIONS, PERSON_SALIENCE),
        entities(doc, EntityType.BRAND, BRAND, BRAND_MENTIONS, BRAND_SALIENCE),
        List.of(),
        vectorOf(doc),
        confidence(doc));
  }

  /**
   * The vector of a document read with {@link ArticleSchema#VECTOR} in its fields, as the configset
   * stores it (a list of floats); {@code null} when it has none or was read without it.
   */
  public static float[] vectorOf(SolrDocument doc) {
    List<Object> values = list(doc.getFieldValues(VECTOR));
    if (values.isEmpty()) {
      return null;
    }
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = ((Number) values.get(i)).floatValue();
    }
    return vector;
  }

  /**
   * The model's confidence in each of the tagger's persons, read parallel to them ({@link
   * dev.carnews.index.ArticleSchema#PERSON_CONFIDENCE}, read only when asked for with {@link
   * #RAW_STORED}), like {@code ArticleDocuments}; empty when the article has none.
   */
  private static Map<String, Double> confidence(SolrDocument doc) {
    List<Object> values = list(doc.getFieldValues(PERSON_CONFIDENCE));
    if (values.isEmpty()) {
      return Map.of();
    }
    boolean curated =
        doc.getFieldValues(RAW_PERSON) != null || doc.getFieldValues(RAW_BRAND) != null;
    List<String> names = strings(doc, curated ? RAW_PERSON : PERSON);
    Map<String, Double> confidence = new HashMap<>();
    for (int i = 0; i < names.size() && i < values.size(); i++) {
      confidence.put(names.get(i), ((Number) values.get(i)).doubleValue());
    }
    return confidence;
  }

  /** The values of a multi-valued stored field as strings, empty when absent. */
  public static List<String> strings(SolrDocument doc, String field) {
    Collection<Object> values = doc.getFieldValues(field);
    List<String> result = new ArrayList<>();
    if (values != null) {
      values.forEach(value -> result.add(String.valueOf(value)));
    }
    return result;
  }

  private static List<Entity> entities(
      SolrDocument doc, EntityType type, String display, String mentions, String salience) {
    List<String> names = strings(doc, display);
    List<Object> counts = list(doc.getFieldValues(mentions));
    List<Object> saliences = list(doc.getFieldValues(salience));
    List<Entity> result = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      int count = i < counts.size() ? ((Number) counts.get(i)).intValue() : 0;
      double score = i < saliences.size() ? ((Number) saliences.get(i)).doubleValue() : 0;
      result.add(new Entity(type, names.get(i), count, score));
    }
    return result;
  }

  private static List<Object> list(Collection<Object> values) {
    return values == null ? List.of() : new ArrayList<>(values);
  }
}
