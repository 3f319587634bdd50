package dev.carnews.search.lucene.facets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SumFacetsTest {

  @Test
  void aValueJustOutsideOneSidesTopIsCountedWhenTheOtherSideLiftsIt() throws IOException {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("brand", true);
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        // Matched by words: Kia 3, Ford 2, Opel 1. Not matched (the extra nearest): Opel 2, Audi 1.
        add(writer, config, "words", "Kia");
        add(writer, config, "words", "Kia");
        add(writer, config, "words", "Kia", "Ford");
        add(writer, config, "words", "Ford");
        add(writer, config, "words", "Opel");
        add(writer, config, "extra", "Opel");
        add(writer, config, "extra", "Opel", "Audi");
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        DefaultSortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        Facets words = counts(searcher, state, "words");
        FacetsCollector extra =
            searcher.search(new TermQuery(new Term("side", "extra")), new FacetsCollectorManager());
        Facets sum = new SumFacets(words, new SortedSetDocValuesFacetCounts(state, extra));
        // Opel is third on the words' side (top 2: Kia, Ford) but 3 in all: it ties Kia.
        assertEquals(List.of("Kia=3", "Opel=3"), values(sum.getTopChildren(2, "brand")));
        assertEquals(
            List.of("Kia=3", "Opel=3", "Ford=2", "Audi=1"),
            values(sum.getTopChildren(10, "brand")));
        assertEquals(3L, sum.getSpecificValue("brand", "Opel"));
        assertEquals(1L, sum.getSpecificValue("brand", "Audi"));
        assertEquals(4, sum.getAllChildren("brand").labelValues.length);
      }
    }
  }

  private static Facets counts(
      IndexSearcher searcher, DefaultSortedSetDocValuesReaderState state, String side)
      throws IOException {
    FacetsCollector hits =
        searcher.search(new TermQuery(new Term("side", side)), new FacetsCollectorManager());
    return new SortedSetDocValuesFacetCounts(state, hits);
  }

  private static List<String> values(FacetResult result) {
    List<String> values = new ArrayList<>();
    for (LabelAndValue value : result.labelValues) {
      values.add(value.label + "=" + value.value);
    }
    return values;
  }

  private static void add(IndexWriter writer, FacetsConfig config, String side, String... brands)
      throws IOException {
    Document doc = new Document();
    doc.add(new StringField("side", side, Field.Store.NO));
    for (String brand : brands) {
      doc.add(new SortedSetDocValuesFacetField("brand", brand));
    }
    writer.addDocument(config.build(doc));
  }
}
