package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.index.ArticleIndex;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {

  private static SampleCorpus corpus(String resource) {
    return new SampleCorpus(new LineReader(), new TagsEntityTagger(), resource);
  }

  @Test
  void fillsAnEmptyIndexOnceAndSkipsBadRecords() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      assertEquals(3, corpus("/fixture/articles.jsonl").fillIfEmpty(index));
      assertEquals(3, index.count());
      assertEquals(0, corpus("/fixture/articles.jsonl").fillIfEmpty(index), "not empty any more");
      LuceneNewsArchive searcher = new LuceneNewsArchive(index);
      assertEquals(2, searcher.search(SearchRequest.of("").withBrands(List.of("mazda"))).total());
    }
  }

  @Test
  void aMissingCorpusLeavesTheIndexEmpty() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory())) {
      assertEquals(0, corpus("/fixture/none.jsonl").fillIfEmpty(index));
      assertEquals(0, index.count());
    }
  }
}
