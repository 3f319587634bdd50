package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.analysis.NewsAnalyzers;
import dev.carnews.index.ArticleSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the words of an any-word reading find and rank articles. */
class TextQueriesTest {

  private final Analyzer index = NewsAnalyzers.text();
  private final TextQueries queries = new TextQueries(ArticleSchema.queryAnalyzer());
  private Directory directory;
  private DirectoryReader reader;

  @BeforeEach
  void index() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(index))) {
      add(
          writer,
          "question",
          "Is a hybrid cheaper than a diesel?",
          "Fuel cost in town and on trips.");
      add(writer, "either", "Hybrid or diesel or petrol", "Buyers choose one or another.");
      add(writer, "repeats", "Diesel prices", "Diesel, diesel and more diesel in the fuel report.");
      add(writer, "headline", "Diesel fuel hybrid", "A short note.");
      add(writer, "unrelated", "Rally results", "Stage times from the forest rally.");
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
    directory.close();
    index.close();
  }

  @Test
  void aFunctionWordNeitherFindsNorRanksBesideOtherWords() throws IOException {
    Query q = queries.parse("hybrid or diesel cost", TextQueries.Match.SOME, reader);
    assertFalse(terms(q).contains("or"), q.toString());
    assertTrue(terms(q).contains("diesel"), q.toString());
    // Only function words: they are what the reader asked for.
    Query only = queries.parse("or the", TextQueries.Match.SOME, reader);
    assertTrue(terms(only).contains("or"), only.toString());
    assertFalse(hits(only).isEmpty());
  }

  @Test
  void aPlainWordCountsInTitleAndBodyAsOneField() throws IOException {
    Query q = queries.parse("diesel fuel prices", TextQueries.Match.SOME, reader);
    List<Query> words = new ArrayList<>();
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            if (parent instanceof CombinedFieldQuery) {
              words.add(parent);
            }
            return this;
          }
        });
    assertEquals(3, words.size(), q.toString());
    // Every article with a word matches; the one that repeats the words in its body ranks first.
    assertEquals(List.of("repeats"), hits(q).subList(0, 1));
    assertFalse(hits(q).contains("unrelated"));
  }

  @Test
  void aCompoundKeepsItsPartsAndJoinedForm() {
    Query word = queries.parse("cx-5");
    assertFalse(TextQueries.blended(word) instanceof CombinedFieldQuery, word.toString());
    assertInstanceOf(
        CombinedFieldQuery.class,
        TextQueries.blended(queries.parse("diesel")),
        queries.parse("diesel").toString());
  }

  private List<String> hits(Query q) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(q, 10).scoreDocs) {
      ids.add(searcher.storedFields().document(hit.doc).get(ArticleSchema.ID));
    }
    return ids;
  }

  private static Set<String> terms(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(QueryVisitor.termCollector(terms));
    Set<String> words = new HashSet<>();
    terms.forEach(term -> words.add(term.text()));
    return words;
  }

  private static void add(IndexWriter writer, String id, String title, String body)
      throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ArticleSchema.ID, id, Field.Store.YES));
    doc.add(new TextField(ArticleSchema.TITLE, title, Field.Store.NO));
    doc.add(new TextField(ArticleSchema.BODY, body, Field.Store.NO));
    writer.addDocument(doc);
  }
}
