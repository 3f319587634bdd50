package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A remembered fuzzy rewrite (issue 12) finds and scores exactly as Lucene's default one. */
class CachedFuzzyRewriteTest {

  @Test
  void cachedFuzzyRewriteMatchesTheDefaultAndIsRememberedPerReader() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        for (String body :
            List.of("renault sales", "renault renault profits", "the rennault typo", "kia")) {
          Document doc = new Document();
          doc.add(new TextField("body", body, Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Term typo = new Term("body", "renualt");
        TopDocs expected = searcher.search(new FuzzyQuery(typo, 2), 10);
        FuzzyQuery cached = CachedFuzzyRewrite.fuzzy(typo, 2);
        TopDocs first = searcher.search(cached, 10);
        TopDocs again = searcher.search(CachedFuzzyRewrite.fuzzy(typo, 2), 10);
        assertEquals(describe(expected), describe(first));
        assertEquals(describe(expected), describe(again));
        Query rewritten = cached.rewrite(searcher);
        assertSame(rewritten, CachedFuzzyRewrite.fuzzy(typo, 2).rewrite(searcher));
      }
    }
  }

  private static String describe(TopDocs top) {
    StringBuilder text = new StringBuilder(top.totalHits.toString());
    for (ScoreDoc hit : top.scoreDocs) {
      text.append(' ').append(hit.doc).append(':').append(hit.score);
    }
    return text.toString();
  }
}
