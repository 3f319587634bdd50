package dev.carnews.analysis;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.tests.util.LuceneTestCase;
import org.apache.lucene.util.QueryBuilder;

/**
 * Index-level behaviour of the text analyzers: documents indexed with {@link NewsAnalyzers#text()}
 * (offsets in postings, as the news index does) and searched with {@link NewsAnalyzers#textQuery()}
 * through the classic query parser, phrase queries and the unified highlighter.
 */
public class NewsSearchTest extends LuceneTestCase {

  private static final String BODY = "body";

  private static final String[] DOCS = {
    "Mazda refreshes the CX-5 crossover for next year.",
    "Owners praise the CX5 cabin and its quiet ride.",
    "Audi etron deliveries rise in the spring.",
    "The city EV charges in 20 minutes at a fast charger.",
    "Renault's new plant opens near the coast.",
    "Citroën shows a compact hatch with a soft ride.",
    "Ford F-150 Lightning production restarts.",
    "Volkswagen ID.4 arrives with a bigger battery.",
    "Toyota RAV4 hybrid gets a new grille.",
    "A sport utility vehicle for families of five.",
    "Top 5 hatchbacks for city driving.",
    "The brand sold more electric cars than diesels."
  };

  private static final FieldType BODY_TYPE = bodyType();

  private Directory directory;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private Analyzer indexAnalyzer;
  private Analyzer queryAnalyzer;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    indexAnalyzer = NewsAnalyzers.text();
    queryAnalyzer = NewsAnalyzers.textQuery();
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
      for (int i = 0; i < DOCS.length; i++) {
        Document doc = new Document();
        doc.add(new StoredField("id", i));
        doc.add(new Field(BODY, DOCS[i], BODY_TYPE));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @Override
  public void tearDown() throws Exception {
    reader.close();
    directory.close();
    indexAnalyzer.close();
    queryAnalyzer.close();
    super.tearDown();
  }

  public void testJoinedModelCodeFindsHyphenatedAndJoinedText() throws Exception {
    assertEquals(Set.of(0, 1), search("cx5"));
    assertEquals(Set.of(0, 1), search("CX-5"));
  }

  public void testSpacedModelCodeFindsJoinedText() throws Exception {
    assertEquals(Set.of(0, 1), search("\"cx 5\""));
    assertTrue(search("cx 5").containsAll(Set.of(0, 1)));
  }

  public void testModelCodeDoesNotMatchItsNumberAlone() throws Exception {
    assertEquals(Set.of(10), search("\"top 5\""));
    assertFalse(search("cx5").contains(10));
  }

  public void testHyphenatedWordFindsJoinedText() throws Exception {
    assertEquals(Set.of(2), search("e-tron"));
    assertEquals(Set.of(2), search("\"audi e-tron deliveries\""));
  }

  public void testOtherModelCodesFindEachOther() throws Exception {
    assertEquals(Set.of(6), search("f150"));
    assertEquals(Set.of(6), search("\"f150 lightning\""));
    assertEquals(Set.of(7), search("id4"));
    assertEquals(Set.of(7), search("\"id 4 arrives\""));
    assertEquals(Set.of(8), search("rav-4"));
  }

  public void testPhraseAcrossModelCodeInEitherSpelling() throws Exception {
    assertEquals(Set.of(0), search("\"the cx5 crossover\""));
    assertEquals(Set.of(1), search("\"the cx-5 cabin\""));
  }

  public void testSynonymsExpandAtQueryTime() throws Exception {
    assertEquals(Set.of(3, 11), search("\"electric vehicle\""));
    assertEquals(Set.of(9), search("SUV"));
    // "electric car" is in the EV group too, so the plural abbreviation finds both spellings.
    assertEquals(Set.of(3, 11), search("EVs"));
  }

  public void testPossessivesAccentsAndPlurals() throws Exception {
    assertEquals(Set.of(4), search("renault"));
    assertEquals(Set.of(5), search("citroen"));
    assertEquals(Set.of(5), search("CITROËN"));
    QueryParser withoutSynonyms = new QueryParser(BODY, indexAnalyzer);
    assertEquals(Set.of(11), ids(withoutSynonyms.parse("\"electric car\"")));
  }

  public void testPhraseQueryBuiltWithTheQueryAnalyzer() throws Exception {
    QueryBuilder builder = new QueryBuilder(queryAnalyzer);
    assertEquals(Set.of(0, 1), ids(builder.createPhraseQuery(BODY, "cx 5")));
    assertEquals(Set.of(0, 1), ids(builder.createPhraseQuery(BODY, "CX5")));
    assertEquals(Set.of(2), ids(builder.createPhraseQuery(BODY, "e-tron")));
  }

  public void testDefaultQueryAnalyzerMatchesModelCodesToo() throws Exception {
    QueryParser parser = new QueryParser(BODY, indexAnalyzer);
    assertEquals(Set.of(0, 1), ids(parser.parse("cx5")));
    assertEquals(Set.of(0, 1), ids(parser.parse("\"cx 5\"")));
  }

  public void testHighlighterMarksTheWholeModelCode() throws Exception {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, queryAnalyzer).build();
    Query query = parse("cx5");
    TopDocs hits = searcher.search(query, 10);
    String[] snippets = highlighter.highlight(BODY, query, hits);
    Set<String> marked = new TreeSet<>();
    for (String snippet : snippets) {
      marked.add(snippet);
    }
    assertEquals(
        Set.of(
            "Mazda refreshes the <b>CX-5</b> crossover for next year.",
            "Owners praise the <b>CX5</b> cabin and its quiet ride."),
        marked);
  }

  public void testAnyTextQueriedAsPhraseFindsItself() throws Exception {
    try (Directory randomDirectory = new ByteBuffersDirectory()) {
      String[] texts = new String[50 * RANDOM_MULTIPLIER];
      try (IndexWriter writer =
          new IndexWriter(randomDirectory, new IndexWriterConfig(indexAnalyzer))) {
        for (int i = 0; i < texts.length; i++) {
          texts[i] = Compounds.random(random(), 5);
          Document doc = new Document();
          doc.add(new StoredField("id", i));
          doc.add(new Field(BODY, texts[i], BODY_TYPE));
          writer.addDocument(doc);
        }
      }
      try (DirectoryReader randomReader = DirectoryReader.open(randomDirectory)) {
        IndexSearcher randomSearcher = new IndexSearcher(randomReader);
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
        for (int i = 0; i < texts.length; i++) {
          Query phrase = builder.createPhraseQuery(BODY, texts[i]);
          if (phrase == null) {
            continue; // no tokens at all, e.g. only punctuation
          }
          Set<Integer> found = new TreeSet<>();
          for (ScoreDoc hit : randomSearcher.search(phrase, texts.length).scoreDocs) {
            found.add(
                randomSearcher
                    .storedFields()
                    .document(hit.doc)
                    .getField("id")
                    .numericValue()
                    .intValue());
          }
          assertTrue(texts[i] + " -> " + phrase, found.contains(i));
        }
      }
    }
  }

  private Set<Integer> search(String text) throws IOException, ParseException {
    return ids(parse(text));
  }

  private Query parse(String text) throws ParseException {
    QueryParser parser = new QueryParser(BODY, queryAnalyzer);
    parser.setSplitOnWhitespace(false);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    return parser.parse(text);
  }

  private Set<Integer> ids(Query query) throws IOException {
    Set<Integer> ids = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query, DOCS.length).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().intValue());
    }
    return ids;
  }

  private static FieldType bodyType() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
