package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ABOUT_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ABOUT_MIN_SALIENCE;
import static dev.carnews.index.ArticleSchema.ABOUT_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.AUTHOR_FACET;
import static dev.carnews.index.ArticleSchema.AUTHOR_KEY;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_FACET;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.BRAND_MENTIONS;
import static dev.carnews.index.ArticleSchema.BRAND_SALIENCE;
import static dev.carnews.index.ArticleSchema.BRAND_SALIENCE_RANK;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_FACET;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE_RANK;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.SECTION;
import static dev.carnews.index.ArticleSchema.STORY;
import static dev.carnews.index.ArticleSchema.STORY_BAND;
import static dev.carnews.index.ArticleSchema.STORY_SIGNATURE;
import static dev.carnews.index.ArticleSchema.TAGS;
import static dev.carnews.index.ArticleSchema.TEXT_TYPE;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.story.MinHashBands;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
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
   * {@link ArticleSchema#TEXT_TYPE}, or {@link ArticleSchema#TEXT_TYPE_WITH_OFFSETS} for an index
   * that was built with offsets.
   */
  public static Document toDocument(TaggedArticle tagged, FieldType textType) {
    Article article = tagged.article();
    Document doc = new Document();
    doc.add(new KeywordField(ID, article.id(), Field.Store.YES));
    if (article.url() != null && !article.url().isBlank()) {
      doc.add(new StoredField(URL, article.url()));
    }
    doc.add(new Field(TITLE, article.title(), textType));
    doc.add(new Field(BODY, article.body(), textType));
    addEntities(doc, tagged.brands(), BRAND_FIELDS);
    addEntities(doc, tagged.persons(), PERSON_FIELDS);
    addAbout(doc, tagged.brands(), ABOUT_BRAND_KEY);
    addAbout(doc, tagged.persons(), ABOUT_PERSON_KEY);
    for (String author : distinct(tagged.authors())) {
      doc.add(new StoredField(AUTHOR, author));
      doc.add(new KeywordField(AUTHOR_KEY, NameKeys.key(author), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(AUTHOR_FACET, author));
    }
    if (article.published() != null) {
      long millis = article.published().toEpochMilli();
      doc.add(new LongField(PUBLISHED, millis, Field.Store.YES));
      doc.add(
          new SortedSetDocValuesFacetField(
              MONTH_FACET, ArticleSchema.monthOf(article.published())));
    }
    if (article.section() != null && !article.section().isBlank()) {
      doc.add(new KeywordField(SECTION, article.section(), Field.Store.YES));
    }
    for (String tag : distinct(article.tags())) {
      doc.add(new KeywordField(TAGS, tag, Field.Store.YES));
    }
    try {
      return ArticleSchema.facetsConfig().build(doc);
    } catch (IOException e) {
      // Only taxonomy facets do I/O in build(); this schema has none.
      throw new IllegalStateException("facet build failed for " + article.id(), e);
    }
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
   * The article as stored in the index: title, body, url, date, section, tags, authors, and the
   * persons and brands with their mentions and salience. Mentions (offsets) are not stored, so the
   * result has none.
   */
  public static TaggedArticle fromStored(Document stored) {
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
        List.of());
  }

  /** The fields one kind of entity is written to. */
  private record EntityFields(
      String display, String key, String mentions, String salience, String rank, String facet) {}

  private static final EntityFields BRAND_FIELDS =
      new EntityFields(
          BRAND, BRAND_KEY, BRAND_MENTIONS, BRAND_SALIENCE, BRAND_SALIENCE_RANK, BRAND_FACET);

  private static final EntityFields PERSON_FIELDS =
      new EntityFields(
          PERSON, PERSON_KEY, PERSON_MENTIONS, PERSON_SALIENCE, PERSON_SALIENCE_RANK, PERSON_FACET);

  /** Below this a salience is not worth a ranking feature (and may not encode as one). */
  private static final double MIN_RANKED_SALIENCE = 1e-4;

  private static void addEntities(Document doc, List<Entity> entities, EntityFields fields) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> ranked = new LinkedHashSet<>();
    for (Entity entity : entities) {
      if (!seen.add(entity.name())) {
        continue;
      }
      String key = NameKeys.key(entity.name());
      doc.add(new StoredField(fields.display(), entity.name()));
      doc.add(new StoredField(fields.mentions(), entity.mentions()));
      doc.add(new StoredField(fields.salience(), entity.salience()));
      doc.add(new KeywordField(fields.key(), key, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(fields.facet(), entity.name()));
      // One feature per key (spellings of one name share it); a near-zero salience scores nothing.
      if (entity.salience() >= MIN_RANKED_SALIENCE && ranked.add(key)) {
        doc.add(new FeatureField(fields.rank(), key, (float) entity.salience()));
      }
    }
  }

  /** The keys of the entities the article is about, for {@code about} filters. */
  private static void addAbout(Document doc, List<Entity> entities, String aboutKey) {
    Set<String> keys = new LinkedHashSet<>();
    for (Entity entity : entities) {
      if (entity.salience() >= ABOUT_MIN_SALIENCE) {
        keys.add(NameKeys.key(entity.name()));
      }
    }
    keys.forEach(key -> doc.add(new KeywordField(aboutKey, key, Field.Store.NO)));
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

  private static List<String> distinct(List<String> values) {
    Set<String> result = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        result.add(value.strip());
      }
    }
    return List.copyOf(result);
  }
}
