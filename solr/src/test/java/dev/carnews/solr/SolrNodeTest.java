package dev.carnews.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node starts over the news configset and answers the bench's request: facets, highlights. */
class SolrNodeTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void nodeIndexesAndAnswersEdismaxWithFacetsAndBodyHighlights(@TempDir Path home)
      throws Exception {
    try (SolrNode node = SolrNode.start(home, 0)) {
      String docs =
          "[{\"id\":\"a1\",\"title\":\"Renault profits rise\",\"body\":\"The carmaker's profits"
              + " rose in March.\",\"brand\":[\"Renault\"],\"month\":\"2024-03\"},"
              + "{\"id\":\"a2\",\"title\":\"Rail fares\",\"body\":\"Profit warnings at the"
              + " railway.\",\"author\":[\"Ann Example\"],\"month\":\"2024-04\"}]";
      HttpResponse<String> update =
          client.send(
              HttpRequest.newBuilder(URI.create(node.coreUrl() + "/update?commit=true"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(docs))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, update.statusCode(), update.body());

      String query =
          "q=profit&defType=edismax&qf="
              + URLEncoder.encode("title^2 body", StandardCharsets.UTF_8)
              + "&fl=id,title&facet=true&facet.field=brand&facet.field=month&hl=true"
              + "&hl.method=unified&hl.fl=body&wt=json";
      HttpResponse<String> select =
          client.send(
              HttpRequest.newBuilder(URI.create(node.coreUrl() + "/select?" + query)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, select.statusCode(), select.body());
      String body = select.body().replaceAll("\\s", "");
      assertTrue(body.contains("\"numFound\":2"), body);
      assertTrue(body.contains("\"Renault\",1"), body);
      assertTrue(body.contains("<em>profits</em>"), body);
    }
  }
}
