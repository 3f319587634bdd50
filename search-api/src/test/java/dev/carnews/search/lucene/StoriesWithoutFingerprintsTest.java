package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.StoryRef;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Issue 15: an index built before stories keeps working; each article is a story of its own. */
class StoriesWithoutFingerprintsTest {

  private static TaggedArticle article(String id, Instant when) {
    String body =
        "The invented carmaker Velora opened a test track near Drenton on Monday, where its"
            + " engineers will try the brakes and batteries of its small electric hatchback.";
    return new TaggedArticle(
        new Article(id, null, "Velora opens test track", body, List.of(), when, null, List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void copiesInAnIndexWithoutStoriesAreStoriesOfTheirOwn() throws IOException {
    try (ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory(), (VersionRule) null)) {
      index.write(article("t1", Instant.parse("2026-05-04T08:00:00Z")));
      index.write(article("t2", Instant.parse("2026-05-04T09:00:00Z")));
      index.commit();
      LuceneNewsArchive searcher = new LuceneNewsArchive(index);
      SearchResponse collapsed = searcher.search(SearchRequest.of("velora").withCollapse(true));
      assertEquals(2, collapsed.hits().size());
      for (SearchHit hit : collapsed.hits()) {
        assertEquals(new StoryRef(hit.id(), 1), hit.story());
      }
      assertEquals(new StoryRef("t1", 1), searcher.article("t1").orElseThrow().story());
      assertEquals(1, searcher.story("t2").orElseThrow().versions().size());
      assertEquals(List.of(), searcher.related("t1", 5).orElseThrow().versions());
    }
  }
}
