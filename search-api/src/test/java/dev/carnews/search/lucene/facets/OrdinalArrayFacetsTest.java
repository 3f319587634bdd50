package dev.carnews.search.lucene.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The array counts answer exactly as Lucene's own sorted-set facet counts. */
class OrdinalArrayFacetsTest {

  private static final List<String> DIMS = List.of("brand", "person", "month", "tag");

  private static FacetsConfig config() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("brand", true);
    config.setMultiValued("person", true);
    config.setMultiValued("tag", true);
    config.setRequireDimCount("tag", true);
    return config;
  }

  @Test
  void countsAndTopValuesAreLucenesOnRandomIndexes() throws IOException {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      FacetsConfig config = config();
      try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
        List<String> labels = fill(directory, config, random, seed % 3 == 0);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (SortedSetDocValuesReaderState state :
              List.of(
                  new DefaultSortedSetDocValuesReaderState(reader, config),
                  new LabelCachingState(reader, config))) {
            assertTrue(OrdinalArrayFacets.counts(state));
            for (int q = 0; q < 12; q++) {
              FacetsCollector hits = searcher.search(query(random), new FacetsCollectorManager());
              compare(
                  new SortedSetDocValuesFacetCounts(state, hits),
                  new OrdinalArrayFacets(state, hits),
                  labels,
                  "seed " + seed + " query " + q + " segments " + reader.leaves().size());
            }
          }
        }
      }
    }
  }

  @Test
  void noHitsGiveNoValuesAndAPathOnAFlatDimensionIsRefused() throws IOException {
    FacetsConfig config = config();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      fill(directory, config, new Random(7), false);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state = new LabelCachingState(reader, config);
        FacetsCollector none =
            searcher.search(
                new TermQuery(new Term("bucket", "none")), new FacetsCollectorManager());
        Facets ours = new OrdinalArrayFacets(state, none);
        assertNull(ours.getTopChildren(5, "brand"));
        assertNull(ours.getAllChildren("month"));
        assertEquals(List.of(), ours.getAllDims(5));
        assertThrows(IllegalArgumentException.class, () -> ours.getTopChildren(5, "brand", "x"));
        assertThrows(IllegalArgumentException.class, () -> ours.getTopChildren(0, "brand"));
        assertThrows(IllegalArgumentException.class, () -> ours.getSpecificValue("brand"));
      }
    }
  }

  private static void compare(Facets lucene, Facets ours, List<String> labels, String where)
      throws IOException {
    for (String dim : DIMS) {
      for (int topN : new int[] {1, 2, 5, 100}) {
        assertSame(lucene.getTopChildren(topN, dim), ours.getTopChildren(topN, dim), where);
      }
      assertSame(lucene.getAllChildren(dim), ours.getAllChildren(dim), where);
      for (String label : labels) {
        assertEquals(
            lucene.getSpecificValue(dim, label), ours.getSpecificValue(dim, label), where + label);
      }
    }
    assertEquals(lucene.getTopChildren(3, "unknown"), ours.getTopChildren(3, "unknown"), where);
    List<FacetResult> luceneDims = lucene.getAllDims(3);
    List<FacetResult> ourDims = ours.getAllDims(3);
    assertEquals(luceneDims.size(), ourDims.size(), where);
    for (int i = 0; i < luceneDims.size(); i++) {
      assertSame(luceneDims.get(i), ourDims.get(i), where);
    }
  }

  /** The same dimension, path, total, values in order and number of values. */
  private static void assertSame(FacetResult expected, FacetResult actual, String where) {
    assertEquals(String.valueOf(expected), String.valueOf(actual), where);
  }

  /** Random articles in several segments, some deleted; returns every label used. */
  private static List<String> fill(
      ByteBuffersDirectory directory, FacetsConfig config, Random random, boolean oneSegment)
      throws IOException {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      labels.add("v" + i);
    }
    IndexWriterConfig writerConfig = new IndexWriterConfig();
    if (!oneSegment) {
      writerConfig.setMergePolicy(NoMergePolicy.INSTANCE);
    }
    try (IndexWriter writer = new IndexWriter(directory, writerConfig)) {
      int docs = 50 + random.nextInt(400);
      for (int i = 0; i < docs; i++) {
        Document doc = new Document();
        doc.add(new StringField("id", "d" + i, Field.Store.NO));
        doc.add(new StringField("bucket", "b" + random.nextInt(4), Field.Store.NO));
        for (String dim : List.of("brand", "person", "tag")) {
          int values = random.nextInt(4);
          for (int v = 0; v < values; v++) {
            // Skewed, so ties and long tails both occur.
            String label = labels.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * 40));
            doc.add(new SortedSetDocValuesFacetField(dim, label));
          }
        }
        if (random.nextInt(5) > 0) {
          doc.add(new SortedSetDocValuesFacetField("month", labels.get(random.nextInt(12))));
        }
        writer.addDocument(config.build(doc));
        if (random.nextInt(60) == 0) {
          writer.commit();
        }
        if (random.nextInt(10) == 0) {
          writer.deleteDocuments(new Term("id", "d" + random.nextInt(i + 1)));
        }
      }
      if (oneSegment) {
        writer.forceMerge(1);
      }
    }
    return labels;
  }

  private static Query query(Random random) {
    if (random.nextInt(4) == 0) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int buckets = 1 + random.nextInt(2);
    for (int i = 0; i < buckets; i++) {
      any.add(
          new TermQuery(new Term("bucket", "b" + random.nextInt(5))), BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }
}
