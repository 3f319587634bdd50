package dev.carnews.solrcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.curation.Curation;
import dev.carnews.curation.DecisionKind;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 on SolrCloud: a curated article's Solr document shows the decided entities and keeps the
 * tagger's, and reading it back for a rewrite gives the tagger's, never an earlier decision's.
 */
class SolrArticlesCurationTest {

  private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void aCuratedDocumentShowsTheDecisionAndKeepsTheTaggersEntities() {
    TaggedArticle raw = ArticleFieldsTest.fixture();
    Curation merged =
        Curation.none()
            .decide(
                DecisionKind.MERGE,
                EntityType.PERSON,
                "Olek Nowak",
                "Anna Berg",
                "",
                "editor",
                WHEN)
            .decide(DecisionKind.HIDE, EntityType.BRAND, "Peugeot", null, "", "editor", WHEN);

    SolrInputDocument doc = SolrArticles.toDocument(raw, merged);
    assertEquals(
        List.of("Anna Berg", "Ola Brandt"), List.copyOf(doc.getFieldValues(ArticleSchema.PERSON)));
    assertFalse(doc.getFieldValues(ArticleSchema.BRAND).contains("Peugeot"));
    assertEquals("1", doc.getFieldValue(ArticleSchema.CURATED));
    assertTrue(doc.getFieldValues(ArticleSchema.RAW_PERSON_KEY).contains("olek nowak"));

    TaggedArticle back = SolrArticles.taggedFromDocument(stored(doc));
    assertEquals(raw.persons(), back.persons());
    assertEquals(raw.brands(), back.brands());
    // The shown view, for answers, is the decided one.
    assertEquals(
        new Entity(EntityType.PERSON, "Anna Berg", 3, 0.8),
        SolrArticles.fromDocument(stored(doc)).persons().get(0));
    assertEquals(merged.apply(raw).persons(), SolrArticles.fromDocument(stored(doc)).persons());
  }

  @Test
  void anArticleNoDecisionTouchesIsWrittenAsTagged() {
    TaggedArticle raw = ArticleFieldsTest.fixture();
    Curation unrelated =
        Curation.none()
            .decide(DecisionKind.HIDE, EntityType.BRAND, "Kia", null, "", "editor", WHEN);
    SolrInputDocument doc = SolrArticles.toDocument(raw, unrelated);
    assertNull(doc.getFieldValue(ArticleSchema.CURATED));
    assertFalse(doc.containsKey(ArticleSchema.RAW_PERSON));
    assertEquals(
        SolrArticles.toDocument(raw).getFieldNames(), doc.getFieldNames(), "the same fields");
    TaggedArticle back = SolrArticles.taggedFromDocument(stored(doc));
    assertEquals(raw.persons(), back.persons());
  }

  @Test
  void aRewriteKeepsTheModelsConfidenceInTheTaggersPersons() {
    TaggedArticle tagged = ArticleFieldsTest.fixture();
    TaggedArticle raw =
        new TaggedArticle(
            tagged.article(),
            tagged.authors(),
            tagged.persons(),
            tagged.brands(),
            List.of(),
            null,
            Map.of("Anna Berg", 0.9, "Olek Nowak", 0.3, "Ola Brandt", 0.6));
    Curation merged =
        Curation.none()
            .decide(
                DecisionKind.MERGE,
                EntityType.PERSON,
                "Olek Nowak",
                "Anna Berg",
                "",
                "editor",
                WHEN);
    for (Curation curation : List.of(Curation.none(), merged)) {
      SolrInputDocument doc = SolrArticles.toDocument(raw, curation);
      assertEquals(
          List.of(0.9, 0.3, 0.6), List.copyOf(doc.getFieldValues(ArticleSchema.PERSON_CONFIDENCE)));
      assertEquals(
          List.of("Olek Nowak"),
          List.copyOf(doc.getFieldValues(ArticleSchema.LOW_CONFIDENCE_PERSON)));

      TaggedArticle back = SolrArticles.taggedFromDocument(stored(doc));
      assertEquals(raw.personConfidence(), back.personConfidence(), curation.toString());
      SolrInputDocument again = SolrArticles.toDocument(back, curation);
      for (String field :
          List.of(ArticleSchema.PERSON_CONFIDENCE, ArticleSchema.LOW_CONFIDENCE_PERSON)) {
        assertEquals(
            List.copyOf(doc.getFieldValues(field)),
            List.copyOf(again.getFieldValues(field)),
            field + " after a rewrite with " + curation);
      }
    }
    // Read without the confidence (an answer's fields), an article has none.
    SolrDocument shown = stored(SolrArticles.toDocument(raw));
    shown.removeFields(ArticleSchema.PERSON_CONFIDENCE);
    assertEquals(Map.of(), SolrArticles.fromDocument(shown).personConfidence());
  }

  /**
   * An article written again from its stored fields (a curation rewrite, a story re-pointed, a
   * restory) keeps its vector, which the configset stores; read without it, it has none.
   */
  @Test
  void aRewriteKeepsTheArticlesVector() {
    float[] meaning = {0.6f, -0.8f, 0f, 0.125f};
    TaggedArticle raw = ArticleFieldsTest.fixture().withVector(meaning);
    Curation merged =
        Curation.none()
            .decide(
                DecisionKind.MERGE,
                EntityType.PERSON,
                "Olek Nowak",
                "Anna Berg",
                "",
                "editor",
                WHEN);
    for (Curation curation : List.of(Curation.none(), merged)) {
      SolrDocument stored = stored(SolrArticles.toDocument(raw, curation));
      assertArrayEquals(meaning, SolrArticles.taggedFromDocument(stored).vector(), 0f);
      assertArrayEquals(meaning, SolrArticles.fromDocument(stored).vector(), 0f);
      TaggedArticle again = SolrArticles.taggedFromDocument(stored);
      assertEquals(
          List.copyOf(SolrArticles.toDocument(raw, curation).getFieldValues(ArticleSchema.VECTOR)),
          List.copyOf(
              SolrArticles.toDocument(again, curation).getFieldValues(ArticleSchema.VECTOR)));
    }
    SolrDocument answer = stored(SolrArticles.toDocument(raw));
    answer.removeFields(ArticleSchema.VECTOR);
    assertNull(SolrArticles.fromDocument(answer).vector());
  }

  /** The document as Solr gives it back: the stored fields the reads ask for. */
  private static SolrDocument stored(SolrInputDocument doc) {
    SolrDocument stored = new SolrDocument();
    for (String field : SolrArticles.STORED) {
      if (doc.containsKey(field)) {
        stored.setField(field, doc.getFieldValues(field));
      }
    }
    for (String field : SolrArticles.RAW_STORED) {
      if (doc.containsKey(field)) {
        stored.setField(field, doc.getFieldValues(field));
      }
    }
    return stored;
  }
}
