package dev.carnews.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The indexer command line, run in-process on files written for the test. */
class IndexerCliTest {

  @TempDir Path work;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path inputs() throws IOException {
    Path in = Files.createDirectories(work.resolve("in/pages"));
    try (InputStream page =
        IndexerCliTest.class.getResourceAsStream("/entity/volvo-plant-page.txt")) {
      Files.copy(page, in.resolve("volvo.txt"));
    }
    Files.writeString(
        work.resolve("in/feed.jsonl"),
        """
        {"id": "k1", "title": "Kia opens a test track", "body": "Kia opened a test track.", "author": "By JANE ROE, Staff Writer", "published": "2024-05-01"}
        {"id": "k2", "title": oops
        """,
        StandardCharsets.UTF_8);
    return work.resolve("in");
  }

  private TaggedArticle stored(Path index, String id) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
      assertEquals(1, hits.totalHits.value, "article " + id + " is in the index");
      return ArticleDocuments.fromStored(searcher.storedFields().document(hits.scoreDocs[0].doc));
    }
  }

  @Test
  void indexesAFolderReportsTheBadLineAndCleansTheByline() throws IOException {
    Path index = work.resolve("index");
    Run first = run("index", "--index", index.toString(), "-q", inputs().toString());

    assertEquals(0, first.code(), first.err());
    assertTrue(
        first.out().contains("Indexed 2 new and 0 updated articles (2 read), skipped 1"),
        first.out());
    assertTrue(first.out().contains("feed.jsonl:2"), first.out());
    assertEquals("Jane Roe", stored(index, "k1").authors().get(0));
  }

  @Test
  void reindexingUpdatesAndADateIsOnlyGivenWhenAsked() throws IOException {
    Path index = work.resolve("index");
    Path inputs = inputs();
    run("index", "--index", index.toString(), "-q", inputs.toString());
    TaggedArticle page = stored(index, idOfThePage(index));
    assertEquals(null, page.article().published(), "the page states no date: it stays unknown");

    Run again =
        run("index", "--index", index.toString(), "-q", "--date", "2025-02-03", inputs.toString());

    assertTrue(again.out().contains("Indexed 0 new and 2 updated"), again.out());
    assertEquals(
        Instant.parse("2025-02-03T00:00:00Z"),
        stored(index, idOfThePage(index)).article().published());
  }

  private Path feed(String name, int from, int count) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      lines.append(
          String.format(
              "{\"id\": \"m%d\", \"title\": \"Test track report %d\", \"body\": \"A test"
                  + " track opened on day %d.\", \"published\": \"2024-05-%02d\"}%n",
              i, i, i, 1 + i % 28));
    }
    return Files.writeString(work.resolve(name), lines.toString(), StandardCharsets.UTF_8);
  }

  /** The segments and the live and all documents of the index's last commit. */
  private static int[] segmentsLiveAndAll(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      return new int[] {reader.leaves().size(), reader.numDocs(), reader.maxDoc()};
    }
  }

  @Test
  void autoMergesAfterARunThatWroteAtLeastHalfOfTheIndexOnly() {
    assertEquals(1, MergeOption.automatic(13, 13), "a first load");
    assertEquals(1, MergeOption.automatic(7, 13));
    assertEquals(0, MergeOption.automatic(6, 13), "a few articles added to a larger index");
    assertEquals(0, MergeOption.automatic(1, 1_000_000));
    assertEquals(0, MergeOption.automatic(0, 0), "nothing written");
  }

  @Test
  void aBulkRunLeavesOneSegmentAndTheMergeVerbMergesAnIndexLeftInSegments() throws IOException {
    Path index = work.resolve("index");
    for (int run = 0; run < 3; run++) {
      Run one =
          run(
              "index",
              "--index",
              index.toString(),
              "-q",
              "--no-vectors",
              "--merge-to",
              "none",
              feed("feed" + run + ".jsonl", run * 4, 4).toString());
      assertEquals(0, one.code(), one.err());
      assertFalse(one.out().contains("Merged"), one.out());
    }

    Run merge = run("merge", "--index", index.toString());

    assertEquals(0, merge.code(), merge.err());
    assertTrue(merge.out().matches("(?s).* segments before, 1 after, in .*"), merge.out());
    assertArrayEquals(new int[] {1, 12, 12}, segmentsLiveAndAll(index));

    // Most articles written again, the rest added: a bulk run, merged, the old versions gone.
    Run bulk =
        run(
            "index",
            "--index",
            index.toString(),
            "-q",
            "--no-vectors",
            feed("most.jsonl", 4, 12).toString());
    assertEquals(0, bulk.code(), bulk.err());
    assertTrue(bulk.out().contains("Indexed 4 new and 8 updated"), bulk.out());
    assertArrayEquals(new int[] {1, 16, 16}, segmentsLiveAndAll(index));
    assertEquals("Test track report 15", stored(index, "m15").article().title());

    Run bad = run("index", "--index", index.toString(), "--merge-to", "zero", index.toString());
    assertNotEquals(0, bad.code());
    assertTrue(bad.err().contains("--merge-to"), bad.err());
    assertNotEquals(0, run("merge", "--index", work.resolve("none").toString()).code());
    assertNotEquals(0, run("merge", "--index", index.toString(), "--segments", "0").code());
  }

  @Test
  void statsShowsTheTopBrands() throws IOException {
    Path index = work.resolve("index");
    run("index", "--index", index.toString(), "-q", inputs().toString());

    Run stats = run("stats", "--index", index.toString());

    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("2 articles"), stats.out());
    assertTrue(stats.out().contains("Volvo"), stats.out());
    assertTrue(stats.out().contains("Sigrún Østergaard"), stats.out());
    assertTrue(stats.out().contains("schema 1\n"), stats.out());
    assertTrue(stats.out().contains("model entities: sha256:"), stats.out());
  }

  @Test
  void badOptionsAreUsageErrorsNotStackTraces() {
    Run noIndex = run("index", work.toString());
    assertNotEquals(0, noIndex.code());
    assertTrue(noIndex.err().contains("--index"), noIndex.err());

    Run badDate = run("index", "--index", work.resolve("i").toString(), "--date", "soon", "x");
    assertNotEquals(0, badDate.code());
    assertTrue(badDate.err().contains("--date"), badDate.err());
  }

  @Test
  void collectionBackupVerbsRefuseHalfGivenTargetsBeforeContactingSolr() {
    String solr = "http://127.0.0.1:1/solr";
    Run both = run("backup", "--index", "i", "--solr", solr, "--collection", "c", "--to", "/b");
    assertEquals(2, both.code(), both.err());
    assertTrue(both.err().contains("give either --index DIR or --solr"), both.err());
    Run noCollection = run("backups", "--solr", solr, "--in", "/b");
    assertEquals(2, noCollection.code(), noCollection.err());
    assertTrue(noCollection.err().contains("--solr and --collection go together"));
    Run noName = run("restore", "--solr", solr, "--collection", "c2", "--from", "/b");
    assertEquals(2, noName.code(), noName.err());
    assertTrue(noName.err().contains("--backup NAME is needed with --solr"), noName.err());
    Run noAlias = run("collection-reindex", "--solr", solr);
    assertNotEquals(0, noAlias.code());
    assertTrue(noAlias.err().contains("--alias"), noAlias.err());
  }

  private static String idOfThePage(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits =
          searcher.search(new TermQuery(new Term(ArticleSchema.AUTHOR_KEY, "harriet olukoya")), 1);
      return ArticleDocuments.fromStored(searcher.storedFields().document(hits.scoreDocs[0].doc))
          .article()
          .id();
    }
  }

  @Test
  void evalEntitiesReportsCommandLineMistakesInOneLine() throws IOException {
    Path gold = work.resolve("gold.jsonl");
    Files.writeString(gold, "{\"id\": \"x9\", \"persons\": [], \"brands\": []}\n");
    Path articles = work.resolve("articles.jsonl");
    Files.writeString(articles, "{\"id\": \"k1\", \"title\": \"Kia\", \"body\": \"Kia.\"}\n");

    Run missingFile =
        run("eval-entities", "--articles", work.resolve("none.jsonl").toString(), "--gold", "x");
    Run missingArticle =
        run("eval-entities", "--articles", articles.toString(), "--gold", gold.toString());

    for (Run r : new Run[] {missingFile, missingArticle}) {
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("eval-entities: "), r.err());
    }
    assertTrue(missingFile.err().contains("none.jsonl"), missingFile.err());
    assertTrue(missingArticle.err().contains("x9"), missingArticle.err());
  }

  @Test
  void trainNamesWithoutOutOrFoldsIsAUsageErrorNotATraining() throws IOException {
    Path conll = Files.writeString(work.resolve("t.conll"), "Anna NNP I-NP I-PER\n\n");

    assertEquals(2, run("train-names", "--train", conll.toString()).code());
    assertEquals(
        2,
        run("train-names", "--train", conll.toString(), "--folds", "3").code(),
        "no -DOCSTART- lines and no --documents: nothing to split by");
  }

  @Test
  void backupListsAndRestoresIntoAnEmptyFolderOnly() throws IOException {
    Path index = work.resolve("index");
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      for (int i = 0; i < 5; i++) {
        Article article =
            new Article(
                "b" + i,
                null,
                "Backup " + i,
                "Body " + i,
                List.of(),
                Instant.parse("2026-01-0" + (i + 1) + "T00:00:00Z"),
                null,
                List.of());
        articles.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
      }
    }
    Path repository = work.resolve("backups");

    Run backup = run("backup", "--index", index.toString(), "--to", repository.toString());
    assertEquals(0, backup.code(), backup.err());
    assertTrue(backup.out().startsWith("Backed up 5 articles"), backup.out());
    Run list = run("backups", "--in", repository.toString());
    assertEquals(0, list.code(), list.err());
    assertEquals(2, list.out().lines().count(), "a header and one backup: " + list.out());

    Run restore =
        run("restore", "--from", repository.toString(), "--index", work.resolve("r").toString());
    assertEquals(0, restore.code(), restore.err());
    assertTrue(restore.out().contains("5 articles, newest b4, CheckIndex clean"), restore.out());

    Run again = run("restore", "--from", repository.toString(), "--index", index.toString());
    assertEquals(1, again.code());
    assertTrue(again.err().startsWith("Restore failed: refusing to restore into"), again.err());
    assertEquals(1, again.err().strip().lines().count(), again.err());

    Run none = run("backup", "--index", work.resolve("nothing").toString(), "--to", "x");
    assertEquals(2, none.code());
  }

  @Test
  void reindexRebuildsAnOfflineIndexTaggedAgainAndARerunStartsOver() throws IOException {
    Path index = work.resolve("index");
    try (ArticleIndex old = ArticleIndex.open(index)) {
      Article article =
          new Article(
              "r1",
              null,
              "Kia opens a test track",
              "Kia opened a test track near the coast.",
              List.of(),
              Instant.parse("2024-05-01T00:00:00Z"),
              null,
              List.of());
      // Written as an older tagger would have: no brand found.
      old.write(new TaggedArticle(article, List.of(), List.of(), List.of(), List.of()));
    }
    Path to = work.resolve("index-new");
    Files.createDirectories(to);
    Files.writeString(to.resolve(dev.carnews.index.Reindex.MARKER), "");
    Files.writeString(to.resolve("left-by-a-killed-run"), "x");

    Run run = run("reindex", "--index", index.toString(), "--to", to.toString(), "--no-vectors");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("Reindexed 1 articles from "), run.out());
    assertEquals(
        List.of("Kia"),
        stored(to, "r1").brands().stream().map(dev.carnews.entity.Entity::name).toList());
    assertTrue(stored(index, "r1").brands().isEmpty(), "the source stays as it was");
    assertTrue(Files.notExists(to.resolve("left-by-a-killed-run")), "a rerun starts over");
    assertTrue(Files.notExists(to.resolve(dev.carnews.index.Reindex.MARKER)), "complete");

    Run again = run("reindex", "--index", index.toString(), "--to", to.toString(), "--no-vectors");
    assertEquals(1, again.code(), "a complete index is never overwritten");
    assertTrue(again.err().contains("not empty"), again.err());
  }

  @Test
  void personLinksReadsAnIndexAndWritesDecisionsAsJsonLines() throws IOException {
    Path index = work.resolve("index");
    String[][] persons = {
      {"Odile Quillfeather"}, {"Quillfeather"}, {"Quillfeather", "Bram Ostrowe"}, {"Marisol"}
    };
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      for (int i = 0; i < persons.length; i++) {
        Article article =
            new Article(
                "p" + i,
                null,
                "Story " + i,
                "Body " + i,
                List.of(),
                Instant.parse("2031-03-0" + (i + 1) + "T00:00:00Z"),
                null,
                List.of());
        List<Entity> people = new ArrayList<>();
        for (String name : persons[i]) {
          people.add(new Entity(EntityType.PERSON, name, 1, 0.5));
        }
        articles.write(new TaggedArticle(article, List.of(), people, List.of(), List.of()));
      }
    }

    Run text = run("person-links", "--index", index.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("4 articles, 4 person values"), text.out());
    assertTrue(text.out().contains("Quillfeather -> Odile Quillfeather"), text.out());

    Run json = run("person-links", "--index", index.toString(), "--json");
    assertEquals(0, json.code(), json.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : json.out().strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    JsonNode merge = lines.get(0);
    assertEquals("merge", merge.get("kind").asText());
    assertEquals("person", merge.get("type").asText());
    assertEquals("Quillfeather", merge.get("value").asText());
    assertEquals("Odile Quillfeather", merge.get("target").asText());
    assertEquals("auto", merge.get("source").asText());
    assertEquals(2, merge.get("evidence").get("articles").asInt());
    assertEquals("2031-03-02", merge.get("evidence").get("firstSeen").asText());
    assertEquals("2031-03-03", merge.get("evidence").get("lastSeen").asText());
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals("summary", summary.get("kind").asText());
    assertEquals(4, summary.get("valuesBefore").asInt());
    assertEquals(2, summary.get("articlesReattributed").asInt());

    Run applied = run("person-links", "--index", index.toString(), "--apply");
    assertEquals(0, applied.code(), applied.err());
    assertTrue(
        applied.err().contains("Applied 1 automatic links; 2 articles rewritten"), applied.err());
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits = searcher.search(new TermQuery(new Term(ArticleSchema.ID, "p1")), 1);
      TaggedArticle shown =
          ArticleDocuments.shownFromStored(searcher.storedFields().document(hits.scoreDocs[0].doc));
      assertEquals(
          List.of("Odile Quillfeather"), shown.persons().stream().map(Entity::name).toList());
    }
    assertEquals(
        List.of("Quillfeather"),
        stored(index, "p1").persons().stream().map(Entity::name).toList(),
        "the tagger's value is kept for an undo");

    assertEquals(2, run("person-links", "--index", work.resolve("none").toString()).code());
    assertEquals(2, run("person-links", "--index", index.toString(), "--window-days", "-1").code());
  }
}
