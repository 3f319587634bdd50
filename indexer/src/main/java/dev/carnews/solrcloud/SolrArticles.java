package dev.carnews.solrcloud;

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
import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.MONTH_FACET;
import static dev.carnews.index.ArticleSchema.PERSON;
import static dev.carnews.index.ArticleSchema.PERSON_KEY;
import static dev.carnews.index.ArticleSchema.PERSON_MENTIONS;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE;
import static dev.carnews.index.ArticleSchema.PERSON_SALIENCE_RANK;
import static dev.carnews.index.ArticleSchema.PUBLISHED;
import static dev.carnews.index.ArticleSchema.SECTION;
import static dev.carnews.index.ArticleSchema.TAGS;
import static dev.carnews.index.ArticleSchema.TITLE;
import static dev.carnews.index.ArticleSchema.URL;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * The only place that maps a {@link TaggedArticle} to a Solr document of the news configset and
 * back: the same fields and values as {@code ArticleDocuments} writes to the local index, with the
 * salience ranking features as {@code key|salience} payloads.
 */
public final class SolrArticles {

  /** Below this a salience is not worth a ranking payload, as in the local index. */
  private static final double MIN_RANKED_SALIENCE = 1e-4;

  private SolrArticles() {}

  /** The Solr document of an article. */
  public static SolrInputDocument toDocument(TaggedArticle tagged) {
    Article article = tagged.article();
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, article.id());
    if (article.url() != null && !article.url().isBlank()) {
      doc.setField(URL, article.url());
    }
    doc.setField(TITLE, article.title());
    doc.setField(BODY, article.body());
    addEntities(doc, tagged.brands(), BRAND, BRAND_KEY, BRAND_MENTIONS, BRAND_SALIENCE);
    addEntities(doc, tagged.persons(), PERSON, PERSON_KEY, PERSON_MENTIONS, PERSON_SALIENCE);
    addRanks(doc, tagged.brands(), BRAND_SALIENCE_RANK, ABOUT_BRAND_KEY);
    addRanks(doc, tagged.persons(), PERSON_SALIENCE_RANK, ABOUT_PERSON_KEY);
    for (String author : distinct(tagged.authors())) {
      doc.addField(AUTHOR, author);
      doc.addField(AUTHOR_KEY, NameKeys.key(author));
    }
    if (article.published() != null) {
      doc.setField(PUBLISHED, article.published().toEpochMilli());
      doc.setField(MONTH_FACET, ArticleSchema.monthOf(article.published()));
    }
    if (article.section() != null && !article.section().isBlank()) {
      doc.setField(SECTION, article.section());
    }
    for (String tag : distinct(article.tags())) {
      doc.addField(TAGS, tag);
    }
    return doc;
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

  /** The article as Solr stored it, like {@code ArticleDocuments.fromStored}. */
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
        List.of());
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

  private static void addEntities(
      SolrInputDocument doc,
      List<Entity> entities,
      String display,
      String key,
      String mentions,
      String salience) {
    Set<String> seen = new LinkedHashSet<>();
    for (Entity entity : entities) {
      if (seen.add(entity.name())) {
        doc.addField(display, entity.name());
        doc.addField(mentions, entity.mentions());
        doc.addField(salience, entity.salience());
        doc.addField(key, NameKeys.key(entity.name()));
      }
    }
  }

  private static void addRanks(
      SolrInputDocument doc, List<Entity> entities, String rank, String aboutKey) {
    Set<String> ranked = new LinkedHashSet<>();
    Set<String> about = new LinkedHashSet<>();
    for (Entity entity : entities) {
      String key = NameKeys.key(entity.name());
      if (entity.salience() >= MIN_RANKED_SALIENCE && ranked.add(key)) {
        doc.addField(rank, String.format(Locale.ROOT, "%s|%.6f", key, entity.salience()));
      }
      if (entity.salience() >= ABOUT_MIN_SALIENCE && about.add(key)) {
        doc.addField(aboutKey, key);
      }
    }
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
