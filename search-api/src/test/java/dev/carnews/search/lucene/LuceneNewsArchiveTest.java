package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.index.WriteResult;
import dev.carnews.ingest.Article;
import dev.carnews.search.ArticleDetail;
import dev.carnews.search.FacetValue;
import dev.carnews.search.Fixtures;
import dev.carnews.search.RelatedHit;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.query.EntityLexicon;
import dev.carnews.search.lucene.query.QueryReading;
import dev.carnews.search.lucene.query.TextQueries;
import dev.carnews.search.lucene.query.TextQueries.Match;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LuceneNewsArchiveTest {

  private static ArticleIndex index;
  private static LuceneNewsArchive searcher;

  @BeforeAll
  static void indexFixture() throws IOException {
    index = Fixtures.index();
    searcher = new LuceneNewsArchive(index);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static SearchResponse search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q));
  }

  private static Set<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
  }

  private static List<String> orderedIds(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).toList();
  }

  private static Map<String, Long> counts(SearchResponse response, String facet) {
    return response.facets().get(facet).stream()
        .collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  @Test
  void findsWordsInTitleAndBody() throws IOException {
    assertEquals(Set.of("a1"), ids(search("battery")));
    assertEquals(Set.of("a3"), ids(search("touch screen")));
  }

  @Test
  void twoPlainWordsFindEitherTheArticlesWithBothFirst() throws IOException {
    SearchResponse response = search("electric platform");
    assertEquals("a2", response.hits().get(0).id());
    assertTrue(ids(response).size() > 1, "articles with one of the words follow");
    assertEquals("some", response.interpretation().match());
  }

  @Test
  void twoWordsWithAMisspelledOneAreCorrectedNotReadAsTheOtherWord() throws IOException {
    SearchResponse response = search("electrik platform");
    assertEquals("corrected", response.interpretation().match());
    assertEquals(Set.of("a2"), ids(response));
  }

  @Test
  void wordsWithOperatorsOrAModelCodeAreAllRequired() throws IOException {
    assertEquals(Set.of("a2"), ids(search("+electric +platform")));
    EntityLexicon.Reading nothing = QueryReading.none();
    assertEquals(Match.ALL, TextQueries.firstReading("cx5 review", nothing));
    assertEquals(Match.SOME, TextQueries.firstReading("wheat tender", nothing));
    assertEquals(Match.ALL, TextQueries.firstReading("wheat", nothing));
  }

  @Test
  void titleMatchesRankAboveBodyMatches() throws IOException {
    SearchResponse response = search("hatchback");
    assertEquals(Set.of("a1", "a5"), ids(response));
    SearchResponse van = search("van charge");
    assertEquals("a6", orderedIds(van).get(0));
    SearchResponse plant = search("plant");
    assertEquals("a1", plant.hits().get(0).id());
  }

  @Test
  void phrasesMatchWordsInOrder() throws IOException {
    assertEquals(Set.of("a2"), ids(search("\"electric platform\"")));
    assertEquals(0, search("\"platform electric\"").total());
  }

  @Test
  void exclusionsRemoveArticles() throws IOException {
    assertEquals(Set.of("a1", "a5", "a6"), ids(search("electric -nissan")));
    assertEquals(Set.of("a3", "a4", "a5", "a7"), ids(search("-renault")));
  }

  @Test
  void brokenSyntaxIsReadAsItsWords() throws IOException {
    Set<String> renault = ids(search("renault"));
    assertFalse(renault.isEmpty());
    // An unclosed quote, stray operators or a huge edit distance around a word find that word.
    for (String q :
        List.of(
            "\"renault", "renault\"", "(((renault", "renault)", "+-|\"renault", "renault~9999")) {
      assertTrue(ids(search(q)).containsAll(renault), q);
    }
    assertEquals(renault, ids(search("\"renault")));
    // Operators alone are no words: nothing is forced to match, and nothing fails.
    for (String q : List.of("(((", ")", "-", "+-|\"", "\\", "|", "(-)")) {
      SearchResponse response = search(q);
      assertEquals(response.hits().size(), (int) Math.min(response.total(), 10), q);
    }
  }

  @Test
  void longestAllowedQueryRunsAndLongerIsRefused() throws IOException {
    String longest = "w ".repeat(SearchRequest.MAX_QUERY_LENGTH / 2).strip();
    assertEquals(0, search(longest).total());
    String tooLong = longest + " w w";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(tooLong));
    assertEquals("q must be at most 1000 characters", e.getMessage());
  }

  @Test
  void valuesOfOneFacetAreOredAndFacetsAreAnded() throws IOException {
    SearchRequest all = SearchRequest.of("");
    assertEquals(
        Set.of("a1", "a2", "a3", "a6"),
        ids(searcher.search(all.withBrands(List.of("Renault", "Toyota")))));
    assertEquals(
        Set.of("a2"),
        ids(
            searcher.search(
                all.withBrands(List.of("Renault")).withPersons(List.of("Kenji Sato")))));
    assertEquals(
        0,
        searcher.search(all.withBrands(List.of("Ford")).withPersons(List.of("Hana Ito"))).total());
  }

  @Test
  void filtersIgnoreCase() throws IOException {
    SearchRequest all = SearchRequest.of("");
    assertEquals(
        Set.of("a1", "a2", "a6"), ids(searcher.search(all.withBrands(List.of("renault")))));
    assertEquals(
        Set.of("a3"),
        ids(searcher.search(all.withAuthors(List.of("JANE DOE")).withBrands(List.of("toyota")))));
  }

  @Test
  void personFilterFoldsAccents() throws IOException {
    SearchRequest all = SearchRequest.of("");
    assertEquals(
        Set.of("a1", "a2"), ids(searcher.search(all.withPersons(List.of("elodie marchand")))));
  }

  @Test
  void dateRangeIsInclusiveOnBothDays() throws IOException {
    SearchRequest july =
        SearchRequest.of("")
            .withDates(LocalDate.parse("2025-07-03"), LocalDate.parse("2025-07-20"));
    assertEquals(Set.of("a1", "a2"), ids(searcher.search(july)));
    SearchRequest openEnded = SearchRequest.of("").withDates(LocalDate.parse("2025-08-02"), null);
    assertEquals(Set.of("a3", "a7"), ids(searcher.search(openEnded)));
  }

  @Test
  void unknownDatesAreSearchableAndShownAsNull() throws IOException {
    SearchResponse response = search("van");
    assertEquals(List.of("a6"), orderedIds(response));
    assertNull(response.hits().get(0).published());
  }

  @Test
  void totalEqualsMonthCountsForAnyDateRange() throws IOException {
    List<LocalDate> days =
        List.of(
                "2024-01-01",
                "2024-12-31",
                "2025-01-01",
                "2025-07-03",
                "2025-07-20",
                "2025-07-21",
                "2025-08-15",
                "2026-01-01")
            .stream()
            .map(LocalDate::parse)
            .toList();
    for (LocalDate from : days) {
      for (LocalDate to : days) {
        if (from.isAfter(to)) {
          continue;
        }
        SearchResponse response = searcher.search(SearchRequest.of("").withDates(from, to));
        long months = response.facets().get("date").stream().mapToLong(FacetValue::count).sum();
        assertEquals(response.total(), months, from + ".." + to);
      }
    }
    SearchResponse everything = search("");
    assertEquals(7, everything.total());
    assertEquals(6, everything.facets().get("date").stream().mapToLong(FacetValue::count).sum());
  }

  @Test
  void monthFacetIsInTimeOrder() throws IOException {
    List<String> months = search("").facets().get("date").stream().map(FacetValue::value).toList();
    assertEquals(List.of("2024-12", "2025-01", "2025-07", "2025-08"), months);
    assertEquals(2L, counts(search(""), "date").get("2025-07"));
  }

  @Test
  void sortsByDateWithUnknownDatesLast() throws IOException {
    SearchRequest newest = SearchRequest.of("").withPage(SortOrder.NEWEST, 1, 10);
    assertEquals(
        List.of("a7", "a3", "a2", "a1", "a5", "a4", "a6"), orderedIds(searcher.search(newest)));
    SearchRequest oldest = SearchRequest.of("").withPage(SortOrder.OLDEST, 1, 10);
    assertEquals(
        List.of("a4", "a5", "a1", "a2", "a3", "a7", "a6"), orderedIds(searcher.search(oldest)));
    assertEquals(
        orderedIds(searcher.search(newest)), orderedIds(search("")), "browse is newest first");
  }

  @Test
  void pagesSliceTheSortedHits() throws IOException {
    SearchResponse second = searcher.search(SearchRequest.of("").withPage(SortOrder.NEWEST, 2, 2));
    assertEquals(List.of("a2", "a1"), orderedIds(second));
    assertEquals(7, second.total());
    assertEquals(4, second.pages());
    SearchResponse beyond = searcher.search(SearchRequest.of("").withPage(SortOrder.NEWEST, 5, 2));
    assertTrue(beyond.hits().isEmpty());
    assertEquals(7, beyond.total());
  }

  @Test
  void facetCountsOfAFilteredFacetIgnoreItsOwnFilter() throws IOException {
    SearchResponse renault = searcher.search(SearchRequest.of("").withBrands(List.of("Renault")));
    assertEquals(3, renault.total());
    Map<String, Long> brands = counts(renault, "brand");
    assertEquals(Map.of("Renault", 3L, "Nissan", 2L, "Toyota", 1L, "Ford", 1L, "Kia", 1L), brands);
    Map<String, Long> authors = counts(renault, "author");
    assertEquals(Map.of("Jane Doe", 1L, "Paul Grey", 1L, "Ana Lima", 1L), authors);
    Map<String, Long> persons = counts(renault, "person");
    assertEquals(Map.of("Élodie Marchand", 2L, "Kenji Sato", 1L, "Tomas Berg", 1L), persons);
  }

  @Test
  void aQuotedPhraseIsMarkedWholeInSnippetAndTitle() throws IOException {
    SearchHit hit = search("\"battery plant\"").hits().get(0);
    assertEquals("a1", hit.id());
    assertTrue(hit.snippet().contains("<mark>battery plant</mark>"), hit.snippet());
    assertTrue(hit.titleHtml().contains("<mark>battery plant</mark>"), hit.titleHtml());
  }

  @Test
  void snippetsMarkMatchesAndEscapeArticleText() throws IOException {
    SearchHit hit = search("showrooms").hits().get(0);
    assertEquals("a5", hit.id());
    assertEquals("<img src=x onerror=alert(1)>", hit.title());
    assertEquals("&lt;img src=x onerror=alert(1)&gt;", hit.titleHtml());
    assertTrue(hit.snippet().contains("&lt;script&gt;alert(2)&lt;/script&gt;"), hit.snippet());
    assertTrue(hit.snippet().contains("<mark>showrooms</mark>"), hit.snippet());
    assertFalse(hit.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"));
    SearchHit xssBrowse =
        searcher.search(SearchRequest.of("").withBrands(List.of("Kia"))).hits().get(0);
    assertFalse(xssBrowse.snippet().contains("<"), xssBrowse.snippet());
    assertEquals("&lt;img src=x onerror=alert(1)&gt;", xssBrowse.titleHtml());
  }

  @Test
  void titleMatchesAreMarked() throws IOException {
    SearchHit hit = search("corolla").hits().get(0);
    assertEquals("Toyota updates the <mark>Corolla</mark> hybrid", hit.titleHtml());
    assertTrue(
        hit.snippet().startsWith("The updated hybrid"), "falls back to the lead: " + hit.snippet());
  }

  @Test
  void articleShowsEntitiesAndUnknownIdsAreEmpty() throws IOException {
    ArticleDetail detail = searcher.article("a2").orElseThrow();
    assertEquals("Nissan and Renault share an electric platform", detail.title());
    assertEquals(List.of("Nissan", "Renault"), detail.brands());
    assertEquals("Paul Grey", detail.author());
    assertEquals(2, detail.entities().persons().size());
    assertEquals("Élodie Marchand", detail.entities().persons().get(0).name());
    assertTrue(searcher.article("nope").isEmpty());
  }

  @Test
  void relatedArticlesShareEntitiesAndExcludeTheArticle() throws IOException {
    RelatedResponse related = searcher.related("a1", 5).orElseThrow();
    List<String> ids = related.hits().stream().map(RelatedHit::id).toList();
    assertFalse(ids.contains("a1"));
    assertEquals("a2", ids.get(0));
    RelatedHit a2 = related.hits().get(0);
    assertEquals(List.of("Élodie Marchand"), a2.shared().persons());
    assertEquals(List.of("Renault"), a2.shared().brands());
    assertTrue(searcher.related("nope", 5).isEmpty());
  }

  @Test
  void rewritingAnIdReplacesTheArticle() throws IOException {
    try (ArticleIndex own = Fixtures.index()) {
      LuceneNewsArchive ownSearcher = new LuceneNewsArchive(own);
      Article changed =
          Fixtures.article(
              "a3",
              "Toyota revises the Corolla wagon",
              "A new body.",
              "Jane Doe",
              "2025-08-02T09:00:00Z",
              "brand:Toyota");
      WriteResult result = own.write(new TagsEntityTagger().tag(changed));
      own.refresh();
      assertFalse(result.created());
      assertEquals(7, ownSearcher.count());
      assertEquals(Set.of("a3"), ids(ownSearcher.search(SearchRequest.of("wagon"))));
      assertEquals(0, ownSearcher.search(SearchRequest.of("touch screen")).total());
    }
  }

  @Test
  void facetCountsFollowTheRefreshedReader() throws IOException {
    try (ArticleIndex own = Fixtures.index()) {
      LuceneNewsArchive ownSearcher = new LuceneNewsArchive(own);
      assertEquals(1L, counts(ownSearcher.search(SearchRequest.of("")), "brand").get("Kia"));
      own.write(
          new TagsEntityTagger()
              .tag(
                  Fixtures.article(
                      "k2",
                      "Kia estate",
                      "Roomy.",
                      "Ana Lima",
                      "2025-09-01T00:00:00Z",
                      "brand:Kia")));
      own.refresh();
      SearchResponse after = ownSearcher.search(SearchRequest.of(""));
      assertEquals(2L, counts(after, "brand").get("Kia"));
      assertEquals(1L, counts(after, "date").get("2025-09"));
      assertEquals(8, after.total());
    }
  }

  @Test
  void emptyIndexAnswersWithEmptyFacets() throws IOException {
    try (ArticleIndex empty = ArticleIndex.open(new ByteBuffersDirectory())) {
      SearchResponse response = new LuceneNewsArchive(empty).search(SearchRequest.of("renault"));
      assertEquals(0, response.total());
      assertEquals(0, response.pages());
      assertEquals(
          List.of("brand", "author", "person", "date"), List.copyOf(response.facets().keySet()));
    }
  }

  @Test
  void filtersOnFacetsNoArticleHasYetAnswerEmpty() throws IOException {
    try (ArticleIndex own = ArticleIndex.open(new ByteBuffersDirectory())) {
      own.write(
          new TagsEntityTagger()
              .tag(Fixtures.article("p1", "Plain news", "No entities.", "Ana Lima", null)));
      own.refresh();
      LuceneNewsArchive ownSearcher = new LuceneNewsArchive(own);
      SearchRequest filtered =
          SearchRequest.of("news").withPersons(List.of("Nobody")).withBrands(List.of("None"));
      SearchResponse response = ownSearcher.search(filtered);
      assertEquals(0, response.total());
      assertEquals(List.of(), response.facets().get("person"));
      assertEquals(1, ownSearcher.search(SearchRequest.of("news")).total());
    }
  }
}
