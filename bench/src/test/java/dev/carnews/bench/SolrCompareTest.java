package dev.carnews.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.search.SearchRequest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both engines get the equivalent request of each kind of title query (issue 12). */
class SolrCompareTest {

  private final SolrCompare compare =
      new SolrCompare(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2/solr/news"));

  @Test
  void titleWordsAreLowerCaseLettersWithoutFunctionWords() {
    assertEquals(
        List.of("oil", "prices", "rise", "opec", "meeting", "xon"),
        TitleQueries.words("OIL PRICES RISE AFTER THE OPEC MEETING <XON> 1987"));
  }

  @Test
  void twoWordsAsTypedAreAllWordsOnBothEngines() {
    BenchQuery query = new BenchQuery("two-words", SearchRequest.of("oil prices"));
    assertEquals("http://127.0.0.1:1/api/search?q=oil+prices", compare.url("service", query));
    String solr = compare.url("solr", query);
    assertTrue(solr.contains("q=oil+prices&q.op=AND&"), solr);
  }

  @Test
  void extraParametersGoToTheirOwnEngineOnly() {
    SolrCompare withParams =
        new SolrCompare(
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2/solr/news"),
            URI.create("http://127.0.0.1:3"),
            "facetSize=10",
            "");
    BenchQuery query = new BenchQuery("single", SearchRequest.of("oil"));
    assertEquals(
        "http://127.0.0.1:1/api/search?q=oil&facetSize=10", withParams.url("service", query));
    assertEquals("http://127.0.0.1:3/api/search?q=oil", withParams.url("baseline", query));
    assertTrue(!withParams.url("solr", query).contains("facetSize"));
  }

  @Test
  void eitherWordIsTheServicesOrAndSolrsDefaultOr() {
    BenchQuery query = new BenchQuery("two-words-or", SearchRequest.of("oil | prices"));
    assertEquals("http://127.0.0.1:1/api/search?q=oil+%7C+prices", compare.url("service", query));
    String solr = compare.url("solr", query);
    assertTrue(solr.contains("q=oil+prices&q.op=OR&"), solr);
  }

  @Test
  void solrRequestHasTheServicesFacetsHighlightsAndPage() {
    String solr = compare.url("solr", new BenchQuery("phrase", SearchRequest.of("\"oil prices\"")));
    assertTrue(solr.startsWith("http://127.0.0.1:2/solr/news/select?"), solr);
    assertTrue(solr.contains("q=%22oil+prices%22"), solr);
    assertTrue(solr.contains("defType=edismax") && solr.contains("qf=title%5E2+body"), solr);
    assertTrue(solr.contains("rows=10") && solr.contains("fl=id,title"), solr);
    for (String field : List.of("brand", "person", "author", "month")) {
      assertTrue(solr.contains("facet.field=" + field), solr);
    }
    assertTrue(solr.contains("facet.limit=10") && solr.contains("hl.method=unified"), solr);
    assertTrue(solr.contains("hl.fl=body"), solr);
  }
}
