package dev.carnews.search.lucene.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The matches read from postings shared by a page's hits are Lucene's own weight matches: the same
 * hits with and without matches, the same fields, the same terms at the same positions and offsets,
 * whatever order the hits and fields are read in.
 */
class PageTermMatchesTest {

  private static final String[] WORDS = {
    "kia", "recall", "vans", "door", "latch", "electric", "battery", "range", "price", "renault"
  };

  @Test
  void findsWhatLucenesWeightFindsForEveryQueryOfTermsAndBooleans() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      Random random = new Random(3);
      try (IndexWriter writer =
          new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
        FieldType withOffsets = new FieldType();
        withOffsets.setTokenized(true);
        withOffsets.setStored(true);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        for (int i = 0; i < 300; i++) {
          Document doc = new Document();
          doc.add(new Field("title", text(random, 4), withOffsets));
          doc.add(new Field("body", text(random, 40), withOffsets));
          writer.addDocument(doc);
          if (i % 70 == 69) {
            writer.commit(); // several segments
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        int compared = 0;
        for (Query query : queries(random)) {
          Query rewritten = searcher.rewrite(query);
          PageTermMatches page = PageTermMatches.of(rewritten);
          if (page == null) {
            continue; // rewritten to no docs or a constant score: left to the weight
          }
          compared++;
          Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
          // A page: hits in no doc order, all read for the body first, then for the title.
          List<Integer> hits = new ArrayList<>();
          for (int n = 0; n < 12; n++) {
            hits.add(random.nextInt(reader.maxDoc()));
          }
          List<Matches> ours = new ArrayList<>();
          List<Matches> lucenes = new ArrayList<>();
          for (int doc : hits) {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            ours.add(page.matches(leaf, doc - leaf.docBase));
            lucenes.add(weight.matches(leaf, doc - leaf.docBase));
          }
          for (String field : List.of("body", "title")) {
            for (int i = 0; i < hits.size(); i++) {
              String what = query + " doc " + hits.get(i) + " " + field;
              if (lucenes.get(i) == null) {
                assertNull(ours.get(i), what);
                continue;
              }
              assertEquals(read(lucenes.get(i), field), read(ours.get(i), field), what);
            }
          }
          // Read again, as a second field highlighter would.
          if (lucenes.get(0) != null) {
            assertEquals(read(lucenes.get(0), "body"), read(ours.get(0), "body"), query.toString());
          }
        }
        assertTrue(compared > 60, compared + " queries compared");
      }
    }
  }

  @Test
  void leavesOtherQueriesToTheWeight() {
    assertNull(PageTermMatches.of(new PhraseQuery("body", "door", "latch")));
    assertNull(
        PageTermMatches.of(
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("body", "kia")), Occur.SHOULD)
                .add(new PhraseQuery("body", "door", "latch"), Occur.SHOULD)
                .build()));
  }

  private static List<Query> queries(Random random) {
    List<Query> queries = new ArrayList<>();
    for (String word : WORDS) {
      queries.add(new TermQuery(new Term("body", word)));
      queries.add(combined(word));
    }
    for (int n = 0; n < 60; n++) {
      BooleanQuery.Builder bool = new BooleanQuery.Builder();
      int clauses = 1 + random.nextInt(4);
      int should = 0;
      for (int c = 0; c < clauses; c++) {
        Occur occur = Occur.values()[random.nextInt(Occur.values().length)];
        should += occur == Occur.SHOULD ? 1 : 0;
        String word = WORDS[random.nextInt(WORDS.length)];
        Query clause =
            switch (random.nextInt(3)) {
              case 0 -> combined(word);
              case 1 -> new BoostQuery(new TermQuery(new Term("title", word)), 2f);
              default -> new TermQuery(new Term("body", word));
            };
        bool.add(clause, occur);
      }
      if (should > 1 && random.nextBoolean()) {
        bool.setMinimumNumberShouldMatch(2);
      }
      queries.add(bool.build());
    }
    return queries;
  }

  private static Query combined(String word) {
    return new CombinedFieldQuery.Builder()
        .addField("title", 2f)
        .addField("body")
        .addTerm(new org.apache.lucene.util.BytesRef(word))
        .build();
  }

  /** Every match of the field: term, positions and offsets, in order. */
  private static List<String> read(Matches matches, String field) throws IOException {
    List<String> read = new ArrayList<>();
    MatchesIterator it = matches.getMatches(field);
    if (it == null) {
      return read;
    }
    while (it.next()) {
      read.add(
          it.getQuery()
              + "@"
              + it.startPosition()
              + "-"
              + it.endPosition()
              + ":"
              + it.startOffset()
              + "-"
              + it.endOffset());
    }
    return read;
  }

  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(5) == 0 ? ". " : " ");
    }
    return text.toString();
  }
}
