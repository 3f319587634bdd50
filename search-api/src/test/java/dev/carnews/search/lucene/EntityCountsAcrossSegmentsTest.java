package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.carnews.entity.EntityType;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityPage;
import dev.carnews.search.Fixtures;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.TrendingRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The entity directory, entity pages and trending count through per-segment ordinal tables (issue
 * 25): the same articles written as one segment and as one segment each must give the same answers,
 * names spelt two ways in one article counted once, and articles of equal salience listed in the
 * same order (newest first, not in document order).
 */
class EntityCountsAcrossSegmentsTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /** The last four days of the articles, when Mara Lind and Nissan are named far more often. */
  private static final TrendingRequest LAST_DAYS =
      new TrendingRequest(
          EnumSet.of(EntityType.PERSON, EntityType.BRAND),
          LocalDate.parse("2025-07-09"),
          LocalDate.parse("2025-07-12"),
          2,
          20);

  private static Directory oneFolder;
  private static Directory manyFolder;
  private static ArticleIndex one;
  private static ArticleIndex many;

  @BeforeAll
  static void build() throws IOException {
    oneFolder = new ByteBuffersDirectory();
    manyFolder = new ByteBuffersDirectory();
    one = ArticleIndex.open(oneFolder);
    many = ArticleIndex.open(manyFolder);
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article : articles()) {
      one.write(tagger.tag(article));
      many.write(tagger.tag(article));
      many.commit();
    }
    one.commit();
  }

  @AfterAll
  static void close() throws IOException {
    one.close();
    many.close();
  }

  /** Twelve days of articles; later days name Mara Lind and Nissan far more often. */
  private static List<Article> articles() {
    List<Article> articles = new ArrayList<>();
    for (int day = 1; day <= 12; day++) {
      List<String> tags = new ArrayList<>(List.of("brand:Renault", "person:François Provost"));
      if (day % 3 == 0) {
        tags.add("person:Francois Provost");
      }
      if (day > 8) {
        tags.addAll(List.of("person:Mara Lind", "brand:Nissan"));
      }
      if (day == 5) {
        tags.add("brand:Dacia");
      }
      articles.add(
          Fixtures.article(
              "a" + day,
              "Title " + day,
              "Body of day " + day + ".",
              day % 2 == 0 ? "Jane Doe" : "Paul Grey",
              String.format("2025-07-%02dT08:00:00Z", day),
              tags.toArray(String[]::new)));
    }
    return articles;
  }

  private static int segments(Directory folder) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(folder)) {
      return reader.leaves().size();
    }
  }

  @Test
  void theIndexesDifferOnlyInSegments() throws IOException {
    assertEquals(1, segments(oneFolder));
    assertTrue(segments(manyFolder) > 1, "written as " + segments(manyFolder) + " segments");
  }

  @Test
  void directoryPagesAndTrendsAreTheSameInOneSegmentAndInMany() throws IOException {
    LuceneNewsArchive oneArchive = new LuceneNewsArchive(one);
    LuceneNewsArchive manyArchive = new LuceneNewsArchive(many);
    for (EntityType type : List.of(EntityType.PERSON, EntityType.BRAND, EntityType.AUTHOR)) {
      EntityListRequest listing =
          new EntityListRequest(type, "", EntityListRequest.Sort.COUNT, 1, 20);
      assertEquals(
          json(oneArchive.entities(listing)), json(manyArchive.entities(listing)), "" + type);
    }
    for (String[] entity :
        List.of(
            new String[] {"person", "Francois Provost"},
            new String[] {"person", "Mara Lind"},
            new String[] {"brand", "Nissan"})) {
      EntityType type = EntityType.valueOf(entity[0].toUpperCase(java.util.Locale.ROOT));
      assertEquals(
          json(oneArchive.entity(type, entity[1], SearchRequest.of("")).orElseThrow()),
          json(manyArchive.entity(type, entity[1], SearchRequest.of("")).orElseThrow()),
          entity[1]);
    }
    // Two spellings in one article count once: twelve articles name François Provost.
    assertEquals(12, provost(oneArchive).count());
    String trends = json(oneArchive.trending(LAST_DAYS));
    assertEquals(trends, json(manyArchive.trending(LAST_DAYS)));
    assertTrue(trends.contains("Mara Lind") && trends.contains("Nissan"), trends);
  }

  /**
   * A live archive counts each segment once and keeps the tally while the segment is open: after
   * more writes and a delete, its directory, pages and trends must equal those of an archive that
   * counts every segment afresh, and the deleted article must no longer count.
   */
  @Test
  void aReaderAfterWritesAndADeleteCountsAsAFreshOne() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      TagsEntityTagger tagger = new TagsEntityTagger();
      List<Article> articles = articles();
      EntityListRequest people =
          new EntityListRequest(EntityType.PERSON, "", EntityListRequest.Sort.COUNT, 1, 20);
      LuceneNewsArchive live = new LuceneNewsArchive(index);
      for (Article article : articles) {
        index.write(tagger.tag(article));
        index.commit();
        live.entities(people);
      }
      assertTrue(index.delete("a3"));
      index.commit();
      LuceneNewsArchive fresh = new LuceneNewsArchive(index);
      for (EntityType type : List.of(EntityType.PERSON, EntityType.BRAND, EntityType.AUTHOR)) {
        EntityListRequest listing =
            new EntityListRequest(type, "", EntityListRequest.Sort.COUNT, 1, 20);
        assertEquals(json(fresh.entities(listing)), json(live.entities(listing)), "" + type);
      }
      assertEquals(json(provost(fresh)), json(provost(live)));
      assertEquals(11, provost(live).count());
      assertEquals(json(fresh.trending(LAST_DAYS)), json(live.trending(LAST_DAYS)));
    }
  }

  /** The entity page of François Provost (either spelling). */
  private static EntityPage provost(LuceneNewsArchive archive) throws IOException {
    return archive
        .entity(EntityType.PERSON, "Francois Provost", SearchRequest.of(""))
        .orElseThrow();
  }

  private static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }
}
