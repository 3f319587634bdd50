package dev.carnews.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.ingest.Article;
import dev.carnews.search.Fixtures;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.Suggestion;
import dev.carnews.search.TagsEntityTagger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The news ranking, spelling fallbacks, query reading and suggestions of issue 4. */
class NewsRankingTest {

  private static ArticleIndex fixture;
  private static LuceneNewsArchive searcher;

  @BeforeAll
  static void indexFixture() throws IOException {
    fixture = Fixtures.index();
    searcher = new LuceneNewsArchive(fixture);
  }

  @AfterAll
  static void close() throws IOException {
    fixture.close();
  }

  private static List<String> ids(LuceneNewsArchive on, String q) throws IOException {
    return on.search(SearchRequest.of(q)).hits().stream().map(SearchHit::id).toList();
  }

  /** An in-memory index of the given articles, tagged from their {@code brand:}/{@code person:}. */
  private static ArticleIndex indexOf(Article... articles) throws IOException {
    ArticleIndex index = ArticleIndex.open(new ByteBuffersDirectory());
    TagsEntityTagger tagger = new TagsEntityTagger();
    for (Article article : articles) {
      index.write(tagger.tag(article));
    }
    index.commit();
    return index;
  }

  @Test
  void amongComparableMatchesTheNewerStoryRanksFirst() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "old",
                "Hatchback gets a facelift",
                "A facelift and a facelift badge.",
                "A B",
                "2021-03-01T00:00:00Z"),
            Fixtures.article(
                "new",
                "Hatchback gets a facelift",
                "A facelift and a new badge.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "undated", "Hatchback gets a facelift", "A facelift and a new badge.", "A B", null),
            Fixtures.article(
                "filler1", "Sedan sales", "Sales rose.", "A B", "2024-01-01T00:00:00Z"),
            Fixtures.article(
                "filler2", "Van prices", "Prices fell.", "A B", "2024-01-01T00:00:00Z"),
            Fixtures.article(
                "filler3", "Ute range", "Range grew.", "A B", "2024-01-01T00:00:00Z"))) {
      assertEquals(List.of("new", "old", "undated"), ids(new LuceneNewsArchive(index), "facelift"));
      // Without recency the older story's extra mention wins.
      assertEquals(
          "old", ids(new LuceneNewsArchive(index, Ranking.withHalfLife(0)), "facelift").get(0));
    }
  }

  @Test
  void aMuchBetterOldMatchStillBeatsAWeakNewOne() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "old",
                "Wagon review",
                "The wagon review: a wagon for wagon people.",
                "A B",
                "2022-03-01T00:00:00Z"),
            Fixtures.article(
                "new",
                "Quarterly sales",
                "One line mentions a wagon among many"
                    + " other models, trucks, vans, hatchbacks and coupes sold this quarter.",
                "A B",
                "2025-03-01T00:00:00Z"))) {
      assertEquals(List.of("old", "new"), ids(new LuceneNewsArchive(index), "wagon"));
    }
  }

  @Test
  void wordsTogetherRankAboveScatteredWords() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "scattered",
                "Fleet news",
                "The battery maker met the city council."
                    + " Later, the plant manager spoke about shifts.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "together",
                "Fleet news",
                "Work on the battery plant starts in" + " spring, the council said.",
                "A B",
                "2025-03-01T00:00:00Z"))) {
      assertEquals(
          List.of("together", "scattered"), ids(new LuceneNewsArchive(index), "battery plant"));
    }
  }

  @Test
  void multiWordSynonymTypedWithoutQuotesFindsTheShortForm() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "ev",
                "The new EV arrives",
                "Deliveries start in May.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "other",
                "A petrol hatch",
                "Deliveries start in June.",
                "A B",
                "2025-03-01T00:00:00Z"))) {
      assertEquals(List.of("ev"), ids(new LuceneNewsArchive(index), "electric vehicle"));
      assertEquals(List.of("ev"), ids(new LuceneNewsArchive(index), "ev"));
    }
  }

  @Test
  void misspelledBrandGetsDidYouMeanAndTheCorrectedResults() throws IOException {
    SearchResponse response = searcher.search(SearchRequest.of("Renualt"));
    assertEquals("Renault", response.didYouMean());
    assertEquals("corrected", response.interpretation().match());
    assertEquals("Renault", response.interpretation().text());
    assertEquals(List.of("Renault"), response.interpretation().brands());
    assertTrue(response.total() >= 3, "Renault articles: " + response.total());
  }

  @Test
  void correctionKeepsPhrasesExclusionsAndModelCodes() throws IOException {
    SearchResponse response =
        searcher.search(SearchRequest.of("corola \"brake lyne\" -hybird cx9"));
    assertEquals("corolla \"brake lyne\" -hybird cx9", response.didYouMean());
  }

  @Test
  void modelCodesAndNumbersAreNeverCorrected() throws IOException {
    assertNull(searcher.search(SearchRequest.of("ex30")).didYouMean());
    assertNull(searcher.search(SearchRequest.of("2027")).didYouMean());
  }

  @Test
  void wellSpelledWordsGetNoSuggestion() throws IOException {
    SearchResponse response = searcher.search(SearchRequest.of("brake"));
    assertNull(response.didYouMean());
    assertEquals("all", response.interpretation().match());
  }

  @Test
  void longWordsFallBackToFuzzyMatching() throws IOException {
    // The spell checker keeps the first letter, so only the fuzzy fallback can fix this one.
    SearchResponse response = searcher.search(SearchRequest.of("xenault"));
    assertEquals("fuzzy", response.interpretation().match());
    assertTrue(response.hits().stream().allMatch(hit -> hit.brands().contains("Renault")));
    assertTrue(response.total() >= 3);
  }

  @Test
  void aKnownWordFilteredToNothingGetsNoCloseSpellings() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "kia",
                "Kia adds a faster charger",
                "The new charger fills the battery in half an hour.",
                "A B",
                "2025-03-01T00:00:00Z",
                "brand:Kia"),
            Fixtures.article(
                "ford",
                "Ford revises its service charges",
                "Dealers will publish the charges online.",
                "A B",
                "2025-03-02T00:00:00Z",
                "brand:Ford"))) {
      LuceneNewsArchive on = new LuceneNewsArchive(index);
      SearchResponse filtered = on.search(SearchRequest.of("charger").withBrands(List.of("Ford")));
      assertEquals(0, filtered.total(), "charger is spelled right; Ford has none");
      assertEquals("all", filtered.interpretation().match());
      SearchResponse misspelled =
          on.search(SearchRequest.of("chargerz").withBrands(List.of("Kia")));
      assertEquals(List.of("kia"), misspelled.hits().stream().map(SearchHit::id).toList());
    }
  }

  @Test
  void noArticleWithEveryWordFallsBackToMostWords() throws IOException {
    SearchResponse response = searcher.search(SearchRequest.of("brake zeppelin"));
    assertEquals("some", response.interpretation().match());
    assertEquals(List.of("a4"), response.hits().stream().map(SearchHit::id).toList());
  }

  @Test
  void aLongerQueryFindsArticlesWithAnyOfItsWordsThoseWithMoreFirst() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "all",
                "Battery plant expansion",
                "The maker plans a battery plant expansion.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "two",
                "Battery plant opens",
                "The new battery plant opens in the north.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "one",
                "Battery prices",
                "The price of a battery fell.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "none",
                "Dealer news",
                "The dealer opened on the high street.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "other", "Street news", "The street closed.", "A B", "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "more", "Road news", "The road reopened.", "A B", "2025-03-01T00:00:00Z"))) {
      SearchResponse response =
          new LuceneNewsArchive(index).search(SearchRequest.of("battery plant expansion"));
      assertEquals("some", response.interpretation().match());
      assertEquals(
          List.of("all", "two", "one"), response.hits().stream().map(SearchHit::id).toList());
    }
  }

  @Test
  void aWordInMostArticlesFindsNothingByItselfInALongerQuery() throws IOException {
    try (ArticleIndex index =
        indexOf(
            Fixtures.article(
                "plant",
                "Battery plant",
                "The battery plant opens.",
                "A B",
                "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "dealer", "Dealer news", "The dealer opened.", "A B", "2025-03-01T00:00:00Z"),
            Fixtures.article(
                "street", "Street news", "The street closed.", "A B", "2025-03-01T00:00:00Z"))) {
      // "the" is in every article: it ranks the articles "battery" finds, it finds none itself.
      SearchResponse response =
          new LuceneNewsArchive(index).search(SearchRequest.of("the battery factory"));
      assertEquals(List.of("plant"), response.hits().stream().map(SearchHit::id).toList());
      assertEquals(1, response.total());
    }
  }

  @Test
  void queryNamingABrandAndASurnameIsReadAsThem() throws IOException {
    SearchResponse response = searcher.search(SearchRequest.of("renault marchand"));
    assertEquals(List.of("Renault"), response.interpretation().brands());
    assertEquals(List.of("Élodie Marchand"), response.interpretation().persons());
    assertTrue(response.interpretation().description().contains("Renault (brand)"));
  }

  @Test
  void aCommonWordIsNotReadAsThePersonWithThatSurname() throws IOException {
    List<Article> articles = new ArrayList<>();
    articles.add(
        Fixtures.article(
            "rick",
            "Dealer group appoints a new chief",
            "Odile Sales will run the dealer group from March, the board said.",
            "A B",
            "2025-03-01T00:00:00Z",
            "person:Odile Sales"));
    for (int i = 0; i < 6; i++) {
      articles.add(
          Fixtures.article(
              "s" + i,
              "Monthly figures " + i,
              "Car sales rose again in month " + i + ", dealers said.",
              "A B",
              "2025-0" + (i + 2) + "-01T00:00:00Z"));
    }
    try (ArticleIndex index = indexOf(articles.toArray(new Article[0]))) {
      LuceneNewsArchive on = new LuceneNewsArchive(index);
      assertEquals(List.of(), on.search(SearchRequest.of("car sales")).interpretation().persons());
      assertEquals(
          List.of("Odile Sales"),
          on.search(SearchRequest.of("odile sales")).interpretation().persons(),
          "the full name still reads as the person");
    }
  }

  @Test
  void blankQueryHasNoInterpretation() throws IOException {
    assertNull(searcher.search(SearchRequest.of("")).interpretation());
  }

  /**
   * Two articles alike but for their people: "about" names only Kenji Sato, "aside" two others as
   * well, so Sato is more salient in "about".
   */
  private static List<Article> salienceTie() {
    String body = "Fourteen new dealers open, said Kenji Sato, in a long note on dealers.";
    return List.of(
        Fixtures.article(
            "aside",
            "Dealer network grows",
            body,
            "A B",
            "2025-03-01T00:00:00Z",
            "person:Ana Ruiz",
            "person:Bo Lin",
            "person:Kenji Sato"),
        Fixtures.article(
            "about",
            "Dealer network grows",
            body,
            "A B",
            "2025-03-01T00:00:00Z",
            "person:Kenji Sato"));
  }

  @Test
  void articleWhereTheNamedPersonIsSalientRanksFirst() throws IOException {
    try (ArticleIndex index = indexOf(salienceTie().toArray(new Article[0]))) {
      List<String> ranked = ids(new LuceneNewsArchive(index), "sato dealers");
      assertEquals("about", ranked.get(0), "salience breaks the tie: " + ranked);
    }
  }

  @Test
  void salienceRanksAlikeInAnIndexBuiltBeforeRankingFeatures() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer());
    config.setIndexSort(ArticleSchema.newestFirst());
    TagsEntityTagger tagger = new TagsEntityTagger();
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (Article article : salienceTie()) {
        Document doc = ArticleDocuments.toDocument(tagger.tag(article));
        doc.removeFields(ArticleSchema.PERSON_SALIENCE_RANK);
        doc.removeFields(ArticleSchema.BRAND_SALIENCE_RANK);
        writer.addDocument(doc);
      }
    }
    try (SearcherManager older = new SearcherManager(directory, null)) {
      List<String> ranked = ids(new LuceneNewsArchive(older), "sato dealers");
      assertEquals("about", ranked.get(0), "stored saliences break the tie: " + ranked);
    }
  }

  @Test
  void cursorPagesContinueTheProximityOrderOfTheFirstPage() throws IOException {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String body =
          i % 2 == 0
              ? "Work on the battery plant starts soon, story " + i + "."
              : "The battery maker met the council; the plant opens later, story " + i + ".";
      articles.add(
          Fixtures.article("p" + i, "Fleet news " + i, body, "A B", "2025-03-01T00:00:00Z"));
    }
    try (ArticleIndex index = indexOf(articles.toArray(new Article[0]))) {
      LuceneNewsArchive on = new LuceneNewsArchive(index);
      List<String> whole = ids(on, "battery plant");
      List<String> paged = new ArrayList<>();
      SearchRequest onePerPage =
          SearchRequest.of("battery plant").withPage(SortOrder.RELEVANCE, 1, 1);
      SearchResponse page = on.search(onePerPage);
      paged.addAll(page.hits().stream().map(SearchHit::id).toList());
      while (page.next() != null) {
        page = on.searchAfter(onePerPage, page.next());
        paged.addAll(page.hits().stream().map(SearchHit::id).toList());
      }
      assertEquals(whole, paged);
      assertEquals(Set.of("p0", "p2", "p4"), Set.copyOf(whole.subList(0, 3)), "together first");
    }
  }

  @Test
  void suggestsBrandsPeopleAndTitlesByPrefix() throws IOException {
    List<Suggestion> ren = searcher.suggest("ren").suggestions();
    assertEquals("Renault", ren.get(0).text());
    assertEquals("brand", ren.get(0).type());
    assertEquals(3, ren.get(0).count());
    assertTrue(ren.stream().anyMatch(s -> s.type().equals("title")), ren.toString());
    assertTrue(ren.size() <= SuggestResponse.MAX_SIZE);
  }

  @Test
  void suggestionsIgnoreCaseAndAccentsAndMatchAnyWordOfAName() throws IOException {
    List<String> texts =
        searcher.suggest("MARCH").suggestions().stream().map(Suggestion::text).toList();
    assertTrue(texts.contains("Élodie Marchand"), texts.toString());
    List<String> byFirstName =
        searcher.suggest("elod").suggestions().stream().map(Suggestion::text).toList();
    assertTrue(byFirstName.contains("Élodie Marchand"), byFirstName.toString());
  }

  @Test
  void suggestRejectsBlankAndOverlongPrefixes() {
    assertThrows(IllegalArgumentException.class, () -> searcher.suggest(" "));
    assertThrows(IllegalArgumentException.class, () -> searcher.suggest(null));
    assertThrows(IllegalArgumentException.class, () -> searcher.suggest("x".repeat(101)));
  }
}
