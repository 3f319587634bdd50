package dev.carnews.search.lucene.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Cached facet labels (issue 12) give exactly the counts and labels of Lucene's own state. */
class LabelCachingStateTest {

  private static final FacetsConfig CONFIG = config();

  @Test
  void cachedLabelsCountLikeLucenesStateOverSeveralSegments() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(
              directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        // Each segment knows only some labels, so segment and global ordinals differ.
        String[][] segments = {
          {"Renault", "Kia"}, {"Toyota", "Kia", "Alfa Romeo"}, {"Zeekr"}, {"Kia", "Renault"}
        };
        for (String[] brands : segments) {
          for (String brand : brands) {
            Document doc = new Document();
            doc.add(new SortedSetDocValuesFacetField("brand", brand));
            doc.add(new SortedSetDocValuesFacetField("month", "2024-0" + brand.length() % 9));
            writer.addDocument(CONFIG.build(doc));
          }
          writer.commit();
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 1, "the test needs several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        FacetsCollector hits =
            searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
        Facets lucene = counts(new DefaultSortedSetDocValuesReaderState(reader, CONFIG), hits);
        Facets cached = counts(new LabelCachingState(reader, CONFIG), hits);
        for (String dim : List.of("brand", "month")) {
          assertEquals(text(lucene.getTopChildren(10, dim)), text(cached.getTopChildren(10, dim)));
          assertEquals(text(lucene.getAllChildren(dim)), text(cached.getAllChildren(dim)));
        }
        assertEquals(3, cached.getSpecificValue("brand", "Kia"));
        assertEquals(1, cached.getSpecificValue("brand", "Zeekr"));
        assertEquals(
            lucene.getSpecificValue("brand", "Alfa Romeo"),
            cached.getSpecificValue("brand", "Alfa Romeo"));
      }
    }
  }

  private static Facets counts(SortedSetDocValuesReaderState state, FacetsCollector hits)
      throws IOException {
    return new SortedSetDocValuesFacetCounts(state, hits);
  }

  private static String text(FacetResult result) {
    return result == null ? "null" : result.toString();
  }

  private static FacetsConfig config() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("brand", true);
    return config;
  }
}
