package dev.carnews.index;

import static dev.carnews.index.ArticleSchema.ABOUT_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.ABOUT_MIN_SALIENCE;
import static dev.carnews.index.ArticleSchema.ABOUT_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.AUTHOR;
import static dev.carnews.index.ArticleSchema.AUTHOR_KEY;
import static dev.carnews.index.ArticleSchema.BODY;
import static dev.carnews.index.ArticleSchema.BRAND;
import static dev.carnews.index.ArticleSchema.BRAND_KEY;
import static dev.carnews.index.ArticleSchema.BRAND_MENTIONS;
import static dev.carnews.index.ArticleSchema.BRAND_SALIENCE;
import static dev.carnews.index.ArticleSchema.BRAND_SALIENCE_RANK;
import static dev.carnews.index.ArticleSchema.CURATED;
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.LOW_CONFIDENCE;
import static dev.carnews.index.ArticleSchema.LOW_CONFIDENCE_PERSON;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_CONFIDENCE;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE_RANK;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.RAW_BRAND;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_KEY;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_MENTIONS;
import static dev.carnews.index.ArticleSchema.RAW_BRAND_SALIENCE;
import static dev.carnews.index.ArticleSchema.RAW_PERSON;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_KEY;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.RAW_PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.SECTION;
import static dev.carnews.index.ArticleSchema.TAGS;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;
import static dev.carnews.index.ArticleSchema.VECTOR;

import dev.carnews.analysis.NameKeys;
import dev.carnews.curation.Curation;
import dev.carnews.entity.Entity;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The field plan of an article: every field value it is indexed with and how, computed once from a
 * {@link TaggedArticle}. {@link ArticleDocuments} renders the plan as a Lucene document and {@code
 * SolrArticles} as a Solr document, so a new field is added here and nowhere else.
 */
public final class ArticleFields {

  /** Below this a salience is not worth a ranking feature (and may not encode as one). */
  static final double MIN_RANKED_SALIENCE = 1e-4;

  private ArticleFields() {}

  /** How a field value is indexed. */
  public enum Use {
    /** Analysed full text, stored. */
    TEXT,
    /** One exact term, stored, with doc values. */
    KEYWORD_STORED,
    /** One exact term with doc values, not stored: keys for filters and lookups. */
    KEYWORD,
    /** Stored only: a string, an {@link Integer} or a {@link Double}. */
    STORED,
    /** A stored string that is also a facet label of the field's name. */
    STORED_FACET,
    /** A facet label only. */
    FACET,
    /** A {@link Long}: indexed as a point, with doc values, stored. */
    LONG,
    /** A {@link RankFeature}: a ranking feature named by its key. */
    RANK_FEATURE,
    /** A {@code float[]} unit vector for nearest-neighbour search. */
    VECTOR
  }

  /**
   * A ranking feature: the key it is named by and its weight.
   *
   * @param key the entity key ({@link NameKeys#key})
   * @param weight the salience, {@code MIN_RANKED_SALIENCE..1}
   */
  public record RankFeature(String key, double weight) {

    /** Validates the key. */
    public RankFeature {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * One value of one field.
   *
   * @param name the field, an {@link ArticleSchema} name
   * @param value a {@link String}, {@link Integer}, {@link Double}, {@link Long}, {@link
   *     RankFeature} or {@code float[]}, as {@code use} says
   * @param use how it is indexed
   */
  public record Value(String name, Object value, Use use) {

    /** Validates the fields. */
    public Value {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(use, "use");
    }
  }

  /** The field values of an article, in the order they are written. */
  public static List<Value> of(TaggedArticle tagged) {
    List<Value> plan = new ArrayList<>(shown(tagged));
    addConfidence(plan, tagged);
    return List.copyOf(plan);
  }

  /**
   * The field values of an article as the tagger tagged it ({@code raw}) with its entities shown as
   * {@code curation} makes them. When the curation changes them the plan also keeps the raw
   * entities (and the {@link ArticleSchema#CURATED} mark), so a later decision or an undo
   * recomputes the shown entities from the tagger's, never from an earlier decision's.
   */
  public static List<Value> of(TaggedArticle raw, Curation curation) {
    TaggedArticle shown = curation.apply(raw);
    if (shown == raw
        || (shown.persons().equals(raw.persons()) && shown.brands().equals(raw.brands()))) {
      return of(raw);
    }
    List<Value> plan = new ArrayList<>(shown(shown));
    addConfidence(plan, raw);
    plan.add(new Value(CURATED, "1", Use.KEYWORD));
    addRaw(
        plan, raw.persons(), RAW_PERSON, RAW_PERSON_KEY, RAW_PERSON_MENTIONS, RAW_PERSON_SALIENCE);
    addRaw(plan, raw.brands(), RAW_BRAND, RAW_BRAND_KEY, RAW_BRAND_MENTIONS, RAW_BRAND_SALIENCE);
    return List.copyOf(plan);
  }

  /**
   * The model's confidence in each of the tagger's persons, parallel to them (only when every one
   * is known), and the persons it was unsure of.
   */
  private static void addConfidence(List<Value> plan, TaggedArticle raw) {
    Map<String, Double> confidence = raw.personConfidence();
    if (confidence.isEmpty()
        || !raw.persons().stream().allMatch(p -> confidence.containsKey(p.name()))) {
      return;
    }
    Set<String> low = new LinkedHashSet<>();
    for (Entity person : raw.persons()) {
      double value = confidence.get(person.name());
      plan.add(new Value(PERSON_CONFIDENCE, value, Use.STORED));
      if (value < LOW_CONFIDENCE && low.add(person.name())) {
        plan.add(new Value(LOW_CONFIDENCE_PERSON, person.name(), Use.KEYWORD));
      }
    }
  }

  private static void addRaw(
      List<Value> plan,
      List<Entity> entities,
      String name,
      String key,
      String mentions,
      String salience) {
    Set<String> keys = new LinkedHashSet<>();
    for (Entity entity : entities) {
      plan.add(new Value(name, entity.name(), Use.STORED));
      plan.add(new Value(mentions, entity.mentions(), Use.STORED));
      plan.add(new Value(salience, entity.salience(), Use.STORED));
      if (keys.add(NameKeys.key(entity.name()))) {
        plan.add(new Value(key, NameKeys.key(entity.name()), Use.KEYWORD));
      }
    }
  }

  private static List<Value> shown(TaggedArticle tagged) {
    Article article = tagged.article();
    List<Value> plan = new ArrayList<>();
    plan.add(new Value(ID, article.id(), Use.KEYWORD_STORED));
    if (article.url() != null && !article.url().isBlank()) {
      plan.add(new Value(URL, article.url(), Use.STORED));
    }
    plan.add(new Value(TITLE, article.title(), Use.TEXT));
    plan.add(new Value(BODY, article.body(), Use.TEXT));
    addEntities(
        plan,
        tagged.brands(),
        BRAND,
        BRAND_KEY,
        BRAND_MENTIONS,
        BRAND_SALIENCE,
        BRAND_SALIENCE_RANK);
    addEntities(
        plan,
        tagged.persons(),
        PERSON,
        PERSON_KEY,
        PERSON_MENTIONS,
        PERSON_SALIENCE,
        PERSON_SALIENCE_RANK);
    addAbout(plan, tagged.brands(), ABOUT_BRAND_KEY);
    addAbout(plan, tagged.persons(), ABOUT_PERSON_KEY);
    for (String author : distinct(tagged.authors())) {
      plan.add(new Value(AUTHOR, author, Use.STORED_FACET));
      plan.add(new Value(AUTHOR_KEY, NameKeys.key(author), Use.KEYWORD));
    }
    if (article.published() != null) {
      plan.add(new Value(PUBLISHED, article.published().toEpochMilli(), Use.LONG));
      plan.add(new Value(MONTH_FACET, ArticleSchema.monthOf(article.published()), Use.FACET));
    }
    if (article.section() != null && !article.section().isBlank()) {
      plan.add(new Value(SECTION, article.section(), Use.KEYWORD_STORED));
    }
    for (String tag : distinct(article.tags())) {
      plan.add(new Value(TAGS, tag, Use.KEYWORD_STORED));
    }
    if (tagged.hasVector()) {
      plan.add(new Value(VECTOR, tagged.vector(), Use.VECTOR));
    }
    return List.copyOf(plan);
  }

  /**
   * Each entity once by name: its name (stored and a facet label), mention count, salience and key;
   * one ranking feature per key (spellings of one name share it), none for a near-zero salience.
   */
  private static void addEntities(
      List<Value> plan,
      List<Entity> entities,
      String display,
      String key,
      String mentions,
      String salience,
      String rank) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> ranked = new LinkedHashSet<>();
    for (Entity entity : entities) {
      if (!seen.add(entity.name())) {
        continue;
      }
      String nameKey = NameKeys.key(entity.name());
      plan.add(new Value(display, entity.name(), Use.STORED_FACET));
      plan.add(new Value(mentions, entity.mentions(), Use.STORED));
      plan.add(new Value(salience, entity.salience(), Use.STORED));
      plan.add(new Value(key, nameKey, Use.KEYWORD));
      if (entity.salience() >= MIN_RANKED_SALIENCE && ranked.add(nameKey)) {
        plan.add(new Value(rank, new RankFeature(nameKey, entity.salience()), Use.RANK_FEATURE));
      }
    }
  }

  /** The keys of the entities the article is about, for {@code about} filters. */
  private static void addAbout(List<Value> plan, List<Entity> entities, String aboutKey) {
    Set<String> keys = new LinkedHashSet<>();
    for (Entity entity : entities) {
      if (entity.salience() >= ABOUT_MIN_SALIENCE) {
        keys.add(NameKeys.key(entity.name()));
      }
    }
    keys.forEach(key -> plan.add(new Value(aboutKey, key, Use.KEYWORD)));
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
