package dev.carnews.search.lucene.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import dev.carnews.search.Fixtures;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snippets read from the offsets in postings (indexes written since issue 25) are the snippets
 * re-analysing the stored text gives (older indexes without offsets): the same marks, the same
 * passages, for words, phrases, names, stems and operators.
 */
class OffsetSourcesTest {

  private static ArticleIndex withOffsets;
  private static ArticleIndex withoutOffsets;

  @BeforeAll
  static void indexTwice() throws IOException {
    withOffsets = Fixtures.index();
    ByteBuffersDirectory older = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer());
    config.setIndexSort(ArticleSchema.newestFirst());
    try (IndexWriter writer = new IndexWriter(older, config)) {
      Document seed = new Document();
      seed.add(new KeywordField(ArticleSchema.ID, "seed", Field.Store.YES));
      seed.add(new Field(ArticleSchema.BODY, "seed", ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS));
      seed.add(new Field(ArticleSchema.TITLE, "seed", ArticleSchema.TEXT_TYPE_WITHOUT_OFFSETS));
      writer.addDocument(seed);
    }
    withoutOffsets = ArticleIndex.open(older);
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article : Fixtures.ARTICLES) {
      withoutOffsets.write(tagger.tag(article));
    }
    withoutOffsets.delete("seed");
    withoutOffsets.commit();
  }

  @AfterAll
  static void close() throws IOException {
    withOffsets.close();
    withoutOffsets.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "battery plant",
        "\"electric platform\"",
        "electric",
        "electric hatchback",
        "Élodie Marchand",
        "plants",
        "hybrid screen",
        "brake OR battery",
        "renault -nissan"
      })
  void snippetsFromPostingsAreThoseOfReanalysis(String q) throws IOException {
    assertTrue(hasOffsets(withOffsets), "new indexes have offsets");
    assertFalse(hasOffsets(withoutOffsets), "the older index has none");
    SearchResponse fromPostings = new LuceneNewsArchive(withOffsets).search(SearchRequest.of(q));
    SearchResponse byAnalysis = new LuceneNewsArchive(withoutOffsets).search(SearchRequest.of(q));
    assertFalse(fromPostings.hits().isEmpty(), "the fixture answers " + q);
    assertEquals(marks(byAnalysis.hits()), marks(fromPostings.hits()), q);
  }

  private static boolean hasOffsets(ArticleIndex index) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return PageHighlighter.hasOffsets(searcher.getIndexReader(), ArticleSchema.BODY)
          && PageHighlighter.hasOffsets(searcher.getIndexReader(), ArticleSchema.TITLE);
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static List<String> marks(List<SearchHit> hits) {
    return hits.stream()
        .map(hit -> hit.id() + " " + hit.titleHtml() + " " + hit.snippet())
        .toList();
  }
}
