package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.Fixtures;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.TagsEntityTagger;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** When a search may spread over threads, and that spreading never changes an answer. */
class SearchThreadsTest {

  @Test
  void aSearchAloneGetsThePoolAndOneAmongOthersDoesNot() {
    try (SearchThreads threads = SearchThreads.of(2)) {
      try (SearchThreads.Lease first = threads.lease()) {
        assertTrue(first.pool().isPresent(), "alone: spread over the cores");
        try (SearchThreads.Lease second = threads.lease()) {
          assertFalse(second.pool().isPresent(), "the cores are busy: stay on the caller");
        }
      }
      try (SearchThreads.Lease again = threads.lease()) {
        assertTrue(again.pool().isPresent(), "closed leases no longer count");
      }
    }
  }

  @Test
  void aSearchThatEmbedsItsQueryTakesTwoCoresAndSoStaysOnItsCaller() throws IOException {
    try (SearchThreads threads = SearchThreads.of(4);
        DirectoryReader even = readerOfSegments(50, 50, 50)) {
      try (SearchThreads.Lease embedding = threads.lease(even, 2)) {
        assertTrue(embedding.pool().isPresent(), "two cores of four: may still spread");
        try (SearchThreads.Lease other = threads.lease(even, 1)) {
          assertFalse(other.pool().isPresent(), "three cores of four taken: stay on the caller");
        }
      }
      try (SearchThreads.Lease alone = threads.lease(even, 1)) {
        assertTrue(alone.pool().isPresent(), "a closed lease gives back both its cores");
      }
    }
    try (SearchThreads two = SearchThreads.of(2);
        DirectoryReader even = readerOfSegments(50, 50);
        SearchThreads.Lease embedding = two.lease(even, 2)) {
      assertFalse(embedding.pool().isPresent(), "on two cores the embedding takes the other one");
    }
  }

  @Test
  void onlyAReaderWhoseWorkDividesIsSpread() throws IOException {
    try (SearchThreads threads = SearchThreads.of(2)) {
      try (DirectoryReader one = readerOfSegments(120)) {
        assertFalse(SearchThreads.divides(one), "one segment is one thread's work");
        try (SearchThreads.Lease lease = threads.lease(one, 1)) {
          assertFalse(lease.pool().isPresent());
        }
      }
      try (DirectoryReader merged = readerOfSegments(200, 3, 2)) {
        assertFalse(SearchThreads.divides(merged), "a merged archive and the few articles since");
      }
      try (DirectoryReader even = readerOfSegments(40, 40, 30)) {
        assertTrue(SearchThreads.divides(even));
        try (SearchThreads.Lease lease = threads.lease(even, 1)) {
          assertTrue(lease.pool().isPresent());
        }
      }
    }
  }

  /** A reader of segments of these sizes, in this order (nothing merged). */
  private static DirectoryReader readerOfSegments(int... sizes) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int size : sizes) {
        for (int i = 0; i < size; i++) {
          writer.addDocument(List.of(new StringField("id", size + "-" + i, Field.Store.NO)));
        }
        writer.commit();
      }
    }
    DirectoryReader reader = DirectoryReader.open(directory);
    assertEquals(sizes.length, reader.leaves().size());
    return reader;
  }

  @Test
  void closingALeaseTwiceCountsOnce() {
    try (SearchThreads threads = SearchThreads.of(4)) {
      SearchThreads.Lease a = threads.lease();
      SearchThreads.Lease b = threads.lease();
      a.close();
      a.close();
      try (SearchThreads.Lease c = threads.lease()) {
        assertTrue(c.pool().isPresent(), "two running of four threads may still spread");
        try (SearchThreads.Lease d = threads.lease()) {
          assertFalse(d.pool().isPresent(), "three running of four may not");
        }
      }
      b.close();
    }
  }

  @Test
  void oneThreadIsSequentialAndZeroIsRefused() {
    try (SearchThreads one = SearchThreads.of(1);
        SearchThreads.Lease lease = one.lease()) {
      assertFalse(lease.pool().isPresent());
    }
    assertThrows(IllegalArgumentException.class, () -> SearchThreads.of(0));
  }

  @Test
  void spreadSearchesAnswerExactlyAsSequentialOnes() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory());
        SearchThreads threads = SearchThreads.of(2)) {
      TagsEntityTagger tagger = new TagsEntityTagger();
      for (int i = 0; i < 60; i++) {
        index.write(tagger.tag(article(i)));
        if (i % 20 == 19) {
          index.commit(); // three segments alike, so matching and facet counting are shared out
        }
      }
      index.commit();
      IndexSearcher held = index.searchers().acquire();
      IndexReader reader = held.getIndexReader();
      index.searchers().release(held);
      assertTrue(reader.leaves().size() >= 2, "segments: " + reader.leaves().size());
      assertTrue(SearchThreads.divides(reader), "the spread searches must really spread");

      LuceneNewsArchive sequential = new LuceneNewsArchive(index);
      LuceneNewsArchive spread =
          new LuceneNewsArchive(
              index.searchers(),
              Ranking.defaults(),
              LuceneNewsArchive.DEFAULT_TIME_BUDGET,
              threads);
      List<SearchRequest> requests = new ArrayList<>();
      requests.add(SearchRequest.of(""));
      requests.add(SearchRequest.of("battery plant"));
      requests.add(SearchRequest.of("electric").withBrands(List.of("Renault", "Kia")));
      requests.add(SearchRequest.of("van").withPage(SortOrder.NEWEST, 2, 5));
      requests.add(
          SearchRequest.of("hybrid")
              .withDates(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30)));
      for (SearchRequest request : requests) {
        SearchResponse expected = sequential.search(request);
        SearchResponse actual = spread.search(request);
        assertEquals(expected.total(), actual.total(), request.q());
        assertEquals(ids(expected), ids(actual), request.q());
        assertEquals(expected.facets(), actual.facets(), request.q());
        assertEquals(expected.hits(), actual.hits(), request.q());
      }
    }
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).toList();
  }

  private static final List<String> BRANDS = List.of("Renault", "Kia", "Toyota", "Ford", "Nissan");
  private static final List<String> WORDS =
      List.of("electric van", "battery plant", "hybrid estate", "van battery", "plant hybrid");

  /** Invented product news, varied by number: brands, words, dates across 2024 and 2025. */
  private static Article article(int i) {
    String brand = BRANDS.get(i % BRANDS.size());
    String words = WORDS.get(i % WORDS.size());
    String month = String.format(Locale.ROOT, "%02d", 1 + i % 12);
    return Fixtures.article(
        "t" + i,
        brand + " shows a new " + words,
        "The "
            + words
            + " goes on sale next year, the company said. Story "
            + i
            + " of the test series.",
        "Writer " + (char) ('A' + i % 4),
        (2024 + i % 2) + "-" + month + "-1" + (i % 10) + "T08:00:00Z",
        "brand:" + brand);
  }
}
