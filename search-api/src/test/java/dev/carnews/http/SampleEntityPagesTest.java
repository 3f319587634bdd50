package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.JsonLinesArticleReader;
import dev.carnews.ingest.PageTextArticleReader;
import dev.carnews.ingest.ReadOptions;
import dev.carnews.server.SampleCorpus;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's must-show checks on the sample corpus, tagged by the real entity pipeline, plus the
 * seed page when {@code ../shared/seed} is there: every brand's and person's page counts what the
 * search filter finds, its months add up to its dated articles, every listed co-mention count is
 * what a search by both names finds, and a feed reader sees the same articles in the same order as
 * the newest-first search.
 */
class SampleEntityPagesTest {

  private static final Path SEED = Path.of("../../shared/seed/renault-ampere-page.txt");

  private static RunningApp running;

  @BeforeAll
  static void start() throws IOException {
    ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory());
    NewsEntityTagger tagger = NewsEntityTagger.createDefault();
    new SampleCorpus(new JsonLinesArticleReader(), tagger).fillIfEmpty(index);
    if (Files.isRegularFile(SEED)) {
      String page = Files.readString(SEED, StandardCharsets.UTF_8);
      index.write(tagger.tag(new PageTextArticleReader().parse(page, ReadOptions.defaults())));
      index.commit();
    }
    index.refresh();
    running = new RunningApp(index, ignored -> AppOptions.defaults());
  }

  @AfterAll
  static void stop() throws IOException {
    running.close();
  }

  private static JsonNode ok(String path) throws Exception {
    RunningApp.Answer answer = running.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.response().body());
    return answer.json();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> names(String type) throws Exception {
    List<String> names = new ArrayList<>();
    ok("/api/entities?type=" + type + "&size=100")
        .get("entities")
        .forEach(entity -> names.add(entity.get("name").asText()));
    return names;
  }

  @Test
  void everyPageCountsWhatItsFilterFinds() throws Exception {
    int pages = 0;
    int pairs = 0;
    for (String type : List.of("brand", "person")) {
      List<String> names = names(type);
      assertTrue(names.size() >= 10, type + ": " + names);
      for (String name : names) {
        JsonNode page = ok("/api/entities/" + type + "/" + enc(name));
        String filter = type + "=" + enc(name);
        assertEquals(
            ok("/api/search?" + filter + "&size=1").get("total").asLong(),
            page.get("count").asLong(),
            name);
        long dated = ok("/api/search?" + filter + "&from=1900-01-01&size=1").get("total").asLong();
        long months = 0;
        for (JsonNode month : page.get("timeline")) {
          months += month.get("count").asLong();
        }
        assertEquals(dated, months, name + ": months add up to the dated articles");
        assertEquals(
            ok("/api/search?" + filter + "&about=" + type + ":" + enc(name) + "&size=1")
                .get("total")
                .asLong(),
            page.get("aboutCount").asLong(),
            name);
        for (JsonNode other :
            page.get("associated").get(type.equals("brand") ? "persons" : "brands")) {
          String both =
              filter
                  + "&"
                  + (type.equals("brand") ? "person" : "brand")
                  + "="
                  + enc(other.get("name").asText());
          assertEquals(
              ok("/api/search?" + both + "&size=1").get("total").asLong(),
              other.get("count").asLong(),
              name + " with " + other.get("name").asText());
          pairs++;
        }
        pages++;
      }
    }
    assertTrue(pairs >= 20, "co-mention pairs checked: " + pairs);
    System.out.printf(
        "SampleEntityPagesTest: %d pages, %d person–brand pairs checked%n", pages, pairs);
  }

  @Test
  void atomFeedHasTheNewestFirstSearchInOrder() throws Exception {
    var response = running.getText("/api/search.atom?q=renault&size=50");
    assertEquals(200, response.statusCode());
    SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
    List<String> fromFeed = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      fromFeed.add(entry.getUri().substring("urn:carnews:article:".length()));
    }
    List<String> fromSearch = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    ok("/api/search?q=renault&sort=newest&size=50")
        .get("hits")
        .forEach(
            hit -> {
              fromSearch.add(URLEncoder.encode(hit.get("id").asText(), StandardCharsets.UTF_8));
              titles.add(hit.get("title").asText());
            });
    assertTrue(fromSearch.size() >= 5, "renault finds articles: " + fromSearch);
    assertEquals(fromSearch, fromFeed);
    assertEquals(titles, feed.getEntries().stream().map(SyndEntry::getTitle).toList());
  }
}
