package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.search.Fixtures;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.views.NameLexicon.Known;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;

class EntityLexiconTest {

  private static List<Known> known(ArticleIndex index, EntityLexicon.Builder builder)
      throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      return builder == null
          ? EntityLexicon.build(searcher.getIndexReader()).known()
          : builder.build(searcher.getIndexReader()).known();
    } finally {
      index.searchers().release(searcher);
    }
  }

  private static Known named(List<Known> known, String label) {
    return known.stream().filter(k -> k.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void aReaderAfterWritesAndDeletesReadsAsIfEverySegmentWereReadAfresh() throws IOException {
    try (ArticleIndex index = Fixtures.index()) {
      EntityLexicon.Builder builder = new EntityLexicon.Builder();
      List<Known> before = known(index, builder);
      long marchand = named(before, "Élodie Marchand").count();
      TagsEntityTagger tagger = new TagsEntityTagger();
      index.write(
          tagger.tag(
              Fixtures.article(
                  "n1",
                  "A new name in the archive",
                  "Ines Dalgaard spoke at the plant.",
                  "Jane Doe",
                  "2025-09-01T00:00:00Z",
                  "person:Ines Dalgaard",
                  "person:Élodie Marchand")));
      index.commit();
      List<Known> afterWrite = known(index, builder);
      assertEquals(known(index, null), afterWrite, "the same names, counts, dates and order");
      assertEquals(1, named(afterWrite, "Ines Dalgaard").count());
      assertEquals(marchand + 1, named(afterWrite, "Élodie Marchand").count());

      assertTrue(index.delete("n1"));
      index.commit();
      List<Known> afterDelete = known(index, builder);
      assertEquals(known(index, null), afterDelete, "a segment whose deletions changed is re-read");
      assertEquals(marchand, named(afterDelete, "Élodie Marchand").count());
      assertTrue(afterDelete.stream().noneMatch(k -> k.label().equals("Ines Dalgaard")));
    }
  }
}
