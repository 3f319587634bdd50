package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.client.ApiClient;
import dev.carnews.client.ApiException;
import dev.carnews.client.api.ArticlesApi;
import dev.carnews.client.api.ArticlesApi.APIGetArticleRequest;
import dev.carnews.client.api.ArticlesApi.APIGetRelatedArticlesRequest;
import dev.carnews.client.api.EditorsApi;
import dev.carnews.client.api.SearchApi;
import dev.carnews.client.api.SearchApi.APISearchArticlesRequest;
import dev.carnews.client.api.SearchApi.APISuggestCompletionsRequest;
import dev.carnews.client.model.AnalyzeRequest;
import dev.carnews.client.model.AnalyzeResponse;
import dev.carnews.client.model.ArticleDetail;
import dev.carnews.client.model.ArticleInput;
import dev.carnews.client.model.BatchAnswer;
import dev.carnews.client.model.EntityView;
import dev.carnews.client.model.Error;
import dev.carnews.client.model.RelatedHit;
import dev.carnews.client.model.RelatedResponse;
import dev.carnews.client.model.SearchHit;
import dev.carnews.client.model.SearchResponse;
import dev.carnews.client.model.SuggestResponse;
import dev.carnews.client.model.Suggestion;
import dev.carnews.client.model.Written;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.GroupCommitter;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.write.ArticleWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the typed Java client that the build generates from {@code openapi.json} drives the
 * running app. Its mapper refuses unknown fields, so an answer with a field the document does not
 * name fails here, as does a documented type the answer does not have.
 */
class GeneratedClientTest {

  private static RunningApp running;
  private static GroupCommitter committer;
  private static SearchApi search;
  private static ArticlesApi articles;
  private static EditorsApi editors;
  private static EditorsApi keyless;

  @BeforeAll
  static void start() throws Exception {
    running = new RunningApp(GeneratedClientTest::withWrites);
    search = new SearchApi(client(null));
    articles = new ArticlesApi(client(null));
    editors = new EditorsApi(client(WritesTest.KEY));
    keyless = new EditorsApi(client(null));
  }

  @AfterAll
  static void stop() throws Exception {
    running.close();
    committer.close();
  }

  private static AppOptions withWrites(ArticleIndex index) {
    committer = new GroupCommitter(index, Duration.ZERO);
    TagsEntityTagger tagger = new TagsEntityTagger();
    return AppOptions.defaults()
        .withWrites(
            new ArticleWriter(index, committer, () -> tagger), ApiKeys.of(List.of(WritesTest.KEY)));
  }

  /** A client of the running app, strict about unknown fields, with a bearer key when given. */
  private static ApiClient client(String key) {
    ObjectMapper strict =
        ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ApiClient client =
        new ApiClient(
            ApiClient.createDefaultHttpClientBuilder(),
            strict,
            "http://localhost:" + running.app.port());
    if (key != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    }
    return client;
  }

  @Test
  void searchWithFiltersFollowsTheCursor() throws Exception {
    SearchResponse first =
        search.searchArticles(
            APISearchArticlesRequest.newBuilder()
                .brand(List.of("renault"))
                .from(LocalDate.parse("2024-01-01"))
                .sort("newest")
                .page(1)
                .size(1)
                .build());
    assertEquals(2, first.getTotal(), "the third Renault article has no date");
    assertEquals(1, first.getHits().size());
    assertNotNull(first.getNext(), "a full page has a cursor");
    assertFalse(first.getFacets().getBrand().isEmpty());
    SearchResponse second =
        search.searchArticles(
            APISearchArticlesRequest.newBuilder()
                .brand(List.of("renault"))
                .from(LocalDate.parse("2024-01-01"))
                .sort("newest")
                .size(1)
                .after(first.getNext())
                .facets(List.of("brand"))
                .facetSize(3)
                .build());
    assertTrue(second.getFacets().getBrand().size() <= 3);
    SearchHit newest = first.getHits().get(0);
    SearchHit next = second.getHits().get(0);
    assertNotEquals(newest.getId(), next.getId());
    assertTrue(next.getBrands().contains("Renault"), next.getBrands().toString());
    assertTrue(!next.getPublished().isAfter(newest.getPublished()), "newest first");
  }

  @Test
  void articleRelatedAndSuggestions() throws Exception {
    ArticleDetail article = articles.getArticle(APIGetArticleRequest.newBuilder().id("a1").build());
    assertEquals("Renault opens battery plant in Douai", article.getTitle());
    assertTrue(
        article.getEntities().getPersons().stream()
            .map(EntityView::getName)
            .anyMatch("Élodie Marchand"::equals));
    RelatedResponse related =
        articles.getRelatedArticles(
            APIGetRelatedArticlesRequest.newBuilder().id("a1").size(3).build());
    assertFalse(related.getHits().isEmpty());
    assertTrue(related.getHits().stream().map(RelatedHit::getId).noneMatch("a1"::equals));
    SuggestResponse suggestions =
        search.suggestCompletions(APISuggestCompletionsRequest.newBuilder().q("ren").build());
    assertTrue(
        suggestions.getSuggestions().stream()
            .anyMatch(
                s -> "Renault".equals(s.getText()) && s.getType() == Suggestion.TypeEnum.BRAND),
        suggestions.toString());
  }

  @Test
  void analyzeFindsTheEntitiesOfAText() throws Exception {
    AnalyzeResponse answer =
        keyless.analyzeText(
            new AnalyzeRequest()
                .title("Volvo names Mara Lindqvist head of design")
                .text("Volvo has appointed Mara Lindqvist as head of design."));
    assertTrue(answer.getBrands().stream().map(EntityView::getName).anyMatch("Volvo"::equals));
    assertTrue(
        answer.getPersons().stream().map(EntityView::getName).anyMatch("Mara Lindqvist"::equals));
  }

  @Test
  void keyedWriteIsSearchableAndDeleteRemovesIt() throws Exception {
    Written created =
        editors.putArticle(
            "client-1",
            new ArticleInput()
                .title("Skoda shows an electric estate")
                .body("The estate reaches showrooms next year.")
                .author("Ana Lima")
                .published("2025-09-01")
                .tags(List.of("brand:Skoda")));
    assertEquals(Written.ResultEnum.CREATED, created.getResult());
    SearchResponse found =
        search.searchArticles(
            APISearchArticlesRequest.newBuilder().q("estate").brand(List.of("Skoda")).build());
    assertEquals(List.of("client-1"), found.getHits().stream().map(SearchHit::getId).toList());
    BatchAnswer batch =
        editors.writeArticles(
            List.of(
                new ArticleInput().id("client-2").title("Kia shows a small van").body("A van."),
                new ArticleInput().id("client-3").title("Kia shows a big van").body("A van.")));
    assertEquals(2, batch.getWritten());
    assertEquals(Written.ResultEnum.DELETED, editors.deleteArticle("client-1").getResult());
    ApiException gone =
        assertThrows(
            ApiException.class,
            () -> articles.getArticle(APIGetArticleRequest.newBuilder().id("client-1").build()));
    assertEquals(404, gone.getCode());
  }

  @Test
  void errorsAnswerTheErrorShapeWithTheRequestId() throws Exception {
    ApiException bad =
        assertThrows(
            ApiException.class,
            () ->
                search.searchArticles(
                    APISearchArticlesRequest.newBuilder().q("renault").size(0).build()));
    assertEquals(400, bad.getCode());
    Error error = new ObjectMapper().readValue(bad.getResponseBody(), Error.class);
    assertEquals("bad_parameter", error.getError().getCode());
    assertEquals(400, error.getError().getStatus());
    assertEquals(
        bad.getResponseHeaders().firstValue(RequestIds.HEADER).orElseThrow(),
        error.getError().getRequestId());
    ApiException unauthorized = assertThrows(ApiException.class, () -> keyless.deleteArticle("a1"));
    assertEquals(401, unauthorized.getCode());
    assertNull(
        unauthorized.getResponseHeaders().firstValue("ETag").orElse(null), "errors are not cached");
  }
}
