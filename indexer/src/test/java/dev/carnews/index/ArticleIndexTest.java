package dev.carnews.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {

  private static TaggedArticle tagged(String id, String title, Instant published) {
    Article article =
        new Article(
            id,
            "https://news.example/" + id,
            title,
            "Body of " + title + ".",
            List.of("Jane Doe"),
            published,
            "news",
            List.of("ev"));
    return new TaggedArticle(
        article,
        List.of("Jane Doe", "Paul Grey"),
        List.of(new Entity(EntityType.PERSON, "Élodie Marchand", 3, 0.9)),
        List.of(
            new Entity(EntityType.BRAND, "Renault", 4, 1.0),
            new Entity(EntityType.BRAND, "Nissan", 1, 0.25)),
        List.of());
  }

  private static TaggedArticle stored(ArticleIndex index, String id) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      return ArticleDocuments.fromStored(searcher.storedFields().document(top.scoreDocs[0].doc));
    } finally {
      index.searchers().release(searcher);
    }
  }

  @Test
  void writingAnIdTwiceReplacesAndReportsTheUpdate() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      assertTrue(index.write(tagged("a", "First", null)).created());
      assertFalse(index.write(tagged("a", "Second", null)).created(), "before a refresh");
      index.refresh();
      assertFalse(index.write(tagged("a", "Third", null)).created(), "after a refresh");
      assertTrue(index.write(tagged("b", "Other", null)).created());
      index.refresh();
      assertEquals(2, index.count());
      assertEquals("Third", stored(index, "a").article().title());
    }
  }

  @Test
  void newReadersAreWarmedBeforeAnySearchSeesThem() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      List<Integer> warmedCounts = new ArrayList<>();
      List<Object> warmedReaders = new ArrayList<>();
      index.warmNewReadersWith(
          searcher -> {
            warmedReaders.add(searcher.getIndexReader());
            warmedCounts.add(searcher.getIndexReader().numDocs());
          });
      index.write(tagged("a", "First", null));
      index.refresh();
      index.write(tagged("b", "Second", null));
      index.commit();
      IndexSearcher searcher = index.searchers().acquire();
      try {
        assertEquals(List.of(1, 2), warmedCounts, "each new reader, once, with its writes");
        assertTrue(warmedReaders.get(1) == searcher.getIndexReader(), "the reader now served");
      } finally {
        index.searchers().release(searcher);
      }
    }
  }

  @Test
  void aFailingWarmerDoesNotStopTheReaderFromServing() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      AtomicInteger later = new AtomicInteger();
      index.warmNewReadersWith(
          searcher -> {
            throw new IOException("disk trouble while warming");
          });
      index.warmNewReadersWith(searcher -> later.incrementAndGet());
      index.write(tagged("a", "First", null));
      index.refresh();
      assertEquals(1, index.count(), "the write is visible");
      assertEquals(1, later.get(), "the next warmer still ran");
    }
  }

  @Test
  void deleteReportsWhetherTheArticleExisted() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.write(tagged("a", "First", null));
      assertTrue(index.delete("a"));
      assertFalse(index.delete("a"));
      assertTrue(index.write(tagged("a", "Back", null)).created());
      index.refresh();
      assertEquals(1, index.count());
      assertFalse(index.delete("never"));
    }
  }

  @Test
  void storedFieldsRoundTripTheTaggedArticle() throws IOException {
    Instant when = Instant.parse("2025-07-03T10:15:30Z");
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      TaggedArticle original = tagged("a", "Renault <b>news</b>", when);
      index.write(original);
      index.refresh();
      TaggedArticle back = stored(index, "a");
      assertEquals(original.article().title(), back.article().title());
      assertEquals(original.article().body(), back.article().body());
      assertEquals(original.article().url(), back.article().url());
      assertEquals(when, back.article().published());
      assertEquals("news", back.article().section());
      assertEquals(List.of("ev"), back.article().tags());
      assertEquals(List.of("Jane Doe", "Paul Grey"), back.authors());
      assertEquals(original.persons(), back.persons());
      assertEquals(original.brands(), back.brands());
    }
  }

  @Test
  void unknownDateStaysUnknown() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.write(tagged("a", "Undated", null));
      index.refresh();
      assertNull(stored(index, "a").article().published());
    }
  }

  @Test
  void mergeLeavesOneSegmentWithoutDeletedArticlesWhileSearchesAndWritesGoOn() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      for (int i = 0; i < 30; i++) {
        index.write(tagged("a" + i, "Article " + i, Instant.parse("2024-01-01T00:00:00Z")));
        if (i % 10 == 9) {
          index.commit();
        }
      }
      index.write(tagged("a3", "Article 3, updated", null));
      IndexSearcher before = index.searchers().acquire();
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 30; i < 60; i++) {
                    index.write(tagged("a" + i, "Article " + i, null));
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      ArticleIndex.Merged merged = index.merge(1);
      writer.join();
      try {
        assertEquals(30, before.getIndexReader().numDocs(), "a searcher taken before still reads");
        assertEquals(
            1, before.search(new TermQuery(new Term(ArticleSchema.ID, "a7")), 1).totalHits.value);
      } finally {
        index.searchers().release(before);
      }
      assertTrue(merged.before() >= merged.after(), merged.toString());
      index.commit();
      assertEquals(60, index.count(), "every write made during the merge is kept");
      assertEquals("Article 3, updated", stored(index, "a3").article().title());

      index.write(tagged("a5", "Article 5, updated", null));
      assertEquals(1, index.merge(1).after());
      IndexSearcher after = index.searchers().acquire();
      try {
        assertEquals(1, after.getIndexReader().leaves().size());
        assertEquals(60, after.getIndexReader().maxDoc(), "the replaced version is dropped");
        assertEquals(60, after.getIndexReader().numDocs());
      } finally {
        index.searchers().release(after);
      }
      assertThrows(IllegalArgumentException.class, () -> index.merge(0));
    }
  }

  @Test
  void commitIsDurableAcrossReopen(@TempDir Path folder) throws IOException {
    try (ArticleIndex index = ArticleIndex.open(folder)) {
      index.write(tagged("a", "Kept", Instant.parse("2024-01-01T00:00:00Z")));
      index.commit();
    }
    try (ArticleIndex reopened = ArticleIndex.open(folder)) {
      assertEquals(1, reopened.count());
      assertFalse(reopened.write(tagged("a", "Kept again", null)).created());
    }
  }

  @Test
  void concurrentWritersCountEachIdOnceAsCreated() throws Exception {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      AtomicInteger created = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      if (index.write(tagged("id" + (i % 50), "T" + i, null)).created()) {
                        created.incrementAndGet();
                      }
                      if (i % 37 == 0) {
                        index.refresh();
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } finally {
        pool.shutdown();
      }
      index.refresh();
      assertEquals(50, created.get());
      assertEquals(50, index.count());
    }
  }

  @Test
  void longBatchesStayExactAcrossSelfRefreshes() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      int total = ArticleIndex.MAX_PENDING + 500;
      int created = 0;
      for (int i = 0; i < total; i++) {
        created += index.write(tagged("id" + i, "T", null)).created() ? 1 : 0;
      }
      assertEquals(total, created);
      assertTrue(index.count() >= ArticleIndex.MAX_PENDING, "refreshed on its own");
      assertFalse(index.write(tagged("id7", "Again", null)).created());
      assertFalse(index.write(tagged("id" + (total - 1), "Again", null)).created());
    }
  }

  @Test
  void newIndexesKeepOffsetsForSnippetsAndCompressStoredFields() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndex index = ArticleIndex.open(directory)) {
      index.write(tagged("a1", "Renault opens a plant", Instant.parse("2024-05-01T00:00:00Z")));
      index.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        FieldInfo body = FieldInfos.getMergedFieldInfos(reader).fieldInfo(ArticleSchema.BODY);
        assertEquals(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS, body.getIndexOptions());
        assertFalse(reader.leaves().isEmpty(), "a committed segment");
        for (LeafReaderContext leaf : reader.leaves()) {
          SegmentReader segment = (SegmentReader) leaf.reader();
          assertEquals(NewsCodec.NAME, segment.getSegmentInfo().info.getCodec().getName());
        }
        assertEquals("Renault opens a plant", reader.storedFields().document(0).get("title"));
      }
    }
  }

  @Test
  void anIndexBuiltWithoutOffsetsStaysWritableWithout() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer());
    config.setIndexSort(ArticleSchema.newestFirst());
    try (IndexWriter older = new IndexWriter(directory, config)) {
      Document doc = new Document();
      doc.add(new KeywordField(ArticleSchema.ID, "old", Field.Store.YES));
      doc.add(
          new Field(
              ArticleSchema.TITLE, "An older story", ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS));
      doc.add(
          new Field(
              ArticleSchema.BODY,
              "Written without offsets.",
              ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS));
      older.addDocument(doc);
    }
    try (ArticleIndex index = ArticleIndex.open(directory)) {
      assertTrue(index.write(tagged("new", "A newer story", null)).created());
      index.commit();
      assertEquals(2, index.count());
      assertEquals("A newer story", stored(index, "new").article().title());
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(
            IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
            FieldInfos.getMergedFieldInfos(reader).fieldInfo(ArticleSchema.BODY).getIndexOptions());
      }
    }
  }

  @Test
  void salienceIsWrittenAsARankingFeaturePerEntity() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      index.write(tagged("a1", "Renault opens a plant", null));
      index.refresh();
      IndexSearcher searcher = index.searchers().acquire();
      try {
        TopDocs top =
            searcher.search(
                FeatureField.newLinearQuery(ArticleSchema.BRAND_SALIENCE_RANK, "renault", 1f), 1);
        assertEquals(1, top.totalHits.value);
        assertEquals(1.0, top.scoreDocs[0].score, 0.01);
        TopDocs nissan =
            searcher.search(
                FeatureField.newLinearQuery(ArticleSchema.BRAND_SALIENCE_RANK, "nissan", 1f), 1);
        assertEquals(0.25, nissan.scoreDocs[0].score, 0.01);
        TopDocs person =
            searcher.search(
                FeatureField.newLinearQuery(
                    ArticleSchema.PERSON_SALIENCE_RANK, NameKeys.key("Élodie Marchand"), 1f),
                1);
        assertEquals(0.9, person.scoreDocs[0].score, 0.01);
      } finally {
        index.searchers().release(searcher);
      }
    }
  }
}
