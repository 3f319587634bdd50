package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.analysis.NameKeys;
import dev.carnews.curation.DecisionKind;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexCurationTest {

  private static final Instant DAY = Instant.parse("2026-11-02T08:00:00Z");

  private static TaggedArticle tagged(String id, String body, List<Entity> persons) {
    Article article = new Article(id, null, "Title " + id, body, List.of(), DAY, null, List.of());
    return new TaggedArticle(
        article,
        List.of(),
        persons,
        List.of(new Entity(EntityType.BRAND, "Renault", 1, 0.5)),
        List.of());
  }

  private static Entity person(String name, double salience) {
    return new Entity(EntityType.PERSON, name, 1, salience);
  }

  private static void write(ArticleIndex index) throws IOException {
    index.write(
        tagged(
            "a", "Reagan met the board.", List.of(person("Reagan", 0.9), person("Ampere", 0.1))));
    index.write(tagged("b", "Ronald Reagan spoke today.", List.of(person("Ronald Reagan", 0.8))));
    index.write(tagged("c", "Nothing about people here at all.", List.of()));
    index.commit();
  }

  private static List<String> shown(ArticleIndex index, String id) throws IOException {
    return stored(index, id).shownPersons;
  }

  private record Stored(List<String> shownPersons, String fields) {}

  private static Stored stored(ArticleIndex index, String id) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1).scoreDocs;
      Document doc = searcher.storedFields().document(hits[0].doc);
      return new Stored(
          ArticleDocuments.shownFromStored(doc).personNames(), doc.getFields().toString());
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static int personCount(ArticleIndex index, String name) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return searcher.count(new TermQuery(new Term(ArticleSchema.PERSON_KEY, NameKeys.key(name))));
    } finally {
      index.searchers().release(searcher);
    }
  }

  @Test
  void theModelsConfidenceIsKeptThroughDecisionsAndUnsureValuesAreIndexed(@TempDir Path dir)
      throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      TaggedArticle plain =
          tagged("a", "Reagan met Ampere.", List.of(person("Reagan", 0.9), person("Ampere", 0.1)));
      index.write(
          new TaggedArticle(
              plain.article(),
              plain.authors(),
              plain.persons(),
              plain.brands(),
              plain.mentions(),
              null,
              Map.of("Reagan", 0.97, "Ampere", 0.31)));
      // An article tagged without the model (or written by an older version) has none.
      index.write(tagged("b", "Ronald Reagan spoke today.", List.of(person("Ronald Reagan", 0.8))));
      index.commit();
      assertEquals(Map.of("Reagan", 0.97, "Ampere", 0.31), confidence(index, "a"));
      assertEquals(Map.of(), confidence(index, "b"));
      assertEquals(1, count(index, ArticleSchema.LOW_CONFIDENCE_PERSON, "Ampere"));
      assertEquals(0, count(index, ArticleSchema.LOW_CONFIDENCE_PERSON, "Reagan"));

      // A decision rewrites the article from the tagger's values, confidences included.
      index.curate(
          c ->
              c.decide(
                  DecisionKind.MERGE,
                  EntityType.PERSON,
                  "Reagan",
                  "Ronald Reagan",
                  "",
                  "key-test",
                  DAY));
      assertEquals(List.of("Ronald Reagan", "Ampere"), shown(index, "a"));
      assertEquals(Map.of("Reagan", 0.97, "Ampere", 0.31), confidence(index, "a"));
      assertEquals(1, count(index, ArticleSchema.LOW_CONFIDENCE_PERSON, "Ampere"));
    }
  }

  private static Map<String, Double> confidence(ArticleIndex index, String id) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1).scoreDocs;
      return ArticleDocuments.fromStored(searcher.storedFields().document(hits[0].doc))
          .personConfidence();
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static int count(ArticleIndex index, String field, String value) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return searcher.count(new TermQuery(new Term(field, value)));
    } finally {
      index.searchers().release(searcher);
    }
  }

  @Test
  void aMergeRewritesTheArticlesOfTheValueAndUndoRestoresTheirDocumentsExactly(@TempDir Path dir)
      throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      write(index);
      String before = stored(index, "a").fields();
      ArticleIndex.Curated merged =
          index.curate(
              c ->
                  c.decide(
                      DecisionKind.MERGE,
                      EntityType.PERSON,
                      "Reagan",
                      "Ronald Reagan",
                      "",
                      "key-test",
                      DAY));
      assertEquals(1, merged.rewritten());
      assertEquals(List.of("Ronald Reagan", "Ampere"), shown(index, "a"));
      assertEquals(2, personCount(index, "Ronald Reagan"));
      assertEquals(0, personCount(index, "Reagan"));
      index.curate(
          c -> c.decide(DecisionKind.HIDE, EntityType.PERSON, "Ampere", null, "", "key-test", DAY));
      assertEquals(List.of("Ronald Reagan"), shown(index, "a"));
      // Written after the decisions: shown through them.
      index.write(tagged("d", "Reagan again.", List.of(person("Reagan", 0.7))));
      index.commit();
      assertEquals(List.of("Ronald Reagan"), shown(index, "d"));
      index.curate(c -> c.decide(DecisionKind.UNDO, null, null, "d2", "", "key-test", DAY));
      index.curate(c -> c.decide(DecisionKind.UNDO, null, null, "d1", "", "key-test", DAY));
      assertEquals(before, stored(index, "a").fields());
      assertEquals(List.of("Reagan"), shown(index, "d"));
      assertEquals(1, personCount(index, "Ronald Reagan"));
    }
  }

  @Test
  void decisionsAreKeptInTheCommitAndReadWhenTheIndexOpens(@TempDir Path dir) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      write(index);
      index.curate(
          c ->
              c.decide(
                  DecisionKind.RETYPE,
                  EntityType.PERSON,
                  "Ampere",
                  "brand",
                  "a division",
                  "k",
                  DAY));
    }
    try (ArticleIndex index = ArticleIndex.open(dir)) {
      assertEquals(1, index.curation().log().size());
      assertEquals("a division", index.curation().log().get(0).note());
      assertEquals(List.of("Reagan"), shown(index, "a"));
      index.write(tagged("e", "Ampere grows.", List.of(person("Ampere", 0.9))));
      index.commit();
      assertEquals(List.of(), shown(index, "e"));
      // The restory path rewrites from the tagger's values through the curation too.
      Restory.run(index);
      assertEquals(List.of(), shown(index, "e"));
      assertEquals(List.of("Reagan"), shown(index, "a"));
    }
  }
}
