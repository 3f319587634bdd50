package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.analysis.NewsAnalyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plain BM25 over title and body, any word, no recency or proximity: the reference the service's
 * keyword ranking is compared with, per analyzer (the project's, Lucene's English with Porter
 * stemming and stop words) and per way of combining the fields (dismax as Solr's edismax, the sum,
 * BM25F).
 */
@Command(
    name = "plain-bm25",
    mixinStandardHelpOptions = true,
    description =
        "nDCG@10, P@10 and recall@100 of plain BM25 (any word, title x2) on topic judgements, per"
            + " analyzer and field combination, indexed in memory from the corpus.")
final class PlainBm25 implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "JSON Lines")
  Path corpus;

  @Option(names = "--topics", required = true, paramLabel = "FILE", description = "topics TSV")
  Path topicsFile;

  @Option(names = "--title-weight", paramLabel = "W", description = "default: ${DEFAULT-VALUE}")
  float titleWeight = 2f;

  @Option(names = "--k1", paramLabel = "K1", description = "BM25 k1 (default: ${DEFAULT-VALUE})")
  float k1 = 1.2f;

  @Option(names = "--b", paramLabel = "B", description = "BM25 b (default: ${DEFAULT-VALUE})")
  float b = 0.75f;

  /** How a word's title and body clauses are combined. */
  @Option(names = "--per-topic", description = "print each topic's nDCG@10")
  boolean perTopic;

  enum Fields {
    DISMAX,
    SUM,
    BM25F
  }

  @Override
  public Integer call() throws Exception {
    TopicJudgements judged = TopicJudgements.read(topicsFile, corpus);
    List<String[]> articles = read(corpus);
    System.out.printf(
        Locale.ROOT,
        "%d topics, %d articles, title x%.1f, k1 %.2f, b %.2f%n%-8s %-7s %-24s %-24s%n",
        judged.topics().size(),
        articles.size(),
        titleWeight,
        k1,
        b,
        "analyzer",
        "fields",
        "title nDCG@10 P@10 R@100",
        "description nDCG@10 P@10 R@100");
    for (String name : List.of("news", "english")) {
      try (Analyzer index = analyzer(name, false);
          Analyzer query = analyzer(name, true);
          Directory directory = new ByteBuffersDirectory()) {
        write(directory, index, articles);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(new BM25Similarity(k1, b));
          for (Fields fields : Fields.values()) {
            StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "%-8s %-7s", name, fields));
            for (TopicJudgements.Kind kind : TopicJudgements.Kind.values()) {
              line.append(
                  judged.scores(
                      kind,
                      text -> ranked(searcher, query(query, text, fields)),
                      (topic, ndcg) -> {
                        if (perTopic) {
                          System.out.printf(
                              Locale.ROOT,
                              "  %-8s %-7s %-11s %-14s %.3f%n",
                              name,
                              fields,
                              kind,
                              topic.label(),
                              ndcg);
                        }
                      }));
            }
            System.out.println(line);
          }
        }
      }
    }
    return 0;
  }

  private static List<String> ranked(IndexSearcher searcher, Query query) throws IOException {
    List<String> ranked = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      ranked.add(searcher.storedFields().document(hit.doc).get("id"));
    }
    return ranked;
  }

  private static Analyzer analyzer(String name, boolean query) {
    if (name.equals("english")) {
      return new EnglishAnalyzer();
    }
    return query ? NewsAnalyzers.textQuery() : NewsAnalyzers.text();
  }

  private Query query(Analyzer analyzer, String text, Fields fields) throws IOException {
    Set<String> words = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String word : words) {
      Query title = new BoostQuery(new TermQuery(new Term("title", word)), titleWeight);
      Query body = new TermQuery(new Term("body", word));
      Query both =
          switch (fields) {
            case DISMAX -> new DisjunctionMaxQuery(List.of(title, body), 0f);
            case SUM ->
                new BooleanQuery.Builder()
                    .add(title, BooleanClause.Occur.SHOULD)
                    .add(body, BooleanClause.Occur.SHOULD)
                    .build();
            case BM25F ->
                new CombinedFieldQuery.Builder()
                    .addField("title", titleWeight)
                    .addField("body", 1f)
                    .addTerm(new BytesRef(word))
                    .build();
          };
      any.add(both, BooleanClause.Occur.SHOULD);
    }
    return any.build();
  }

  private static List<String[]> read(Path corpus) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String[]> articles = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode article = json.readTree(line);
          articles.add(
              new String[] {
                article.path("id").asText(),
                article.path("title").asText(""),
                article.path("body").asText("")
              });
        }
      }
    }
    return articles;
  }

  private static void write(Directory directory, Analyzer analyzer, List<String[]> articles)
      throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (String[] article : articles) {
        Document doc = new Document();
        doc.add(new StringField("id", article[0], Field.Store.YES));
        doc.add(new TextField("title", article[1], Field.Store.NO));
        doc.add(new TextField("body", article[2], Field.Store.NO));
        writer.addDocument(doc);
      }
    }
  }
}
