package dev.carnews.search.lucene;

import static dev.carnews.search.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.embed.EmbeddingTagger;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.embed.RememberedQueries;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.TagsEntityTagger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** mode=semantic and mode=hybrid on an index with vectors of the real, in-process model. */
class SearchByMeaningTest {

  private static final List<Article> ARTICLES =
      List.of(
          article(
              "jobs",
              "Renault to cut 2,000 jobs at French plants",
              "The carmaker said the reductions would come through voluntary departures.",
              "Ann Writer",
              "2025-03-01T08:00:00Z",
              "brand:Renault"),
          article(
              "kia-jobs",
              "Kia shrinks its Slovak workforce",
              "The factory will employ 900 fewer people as demand slows.",
              "Ann Writer",
              "2025-03-05T08:00:00Z",
              "brand:Kia"),
          article(
              "battery",
              "Kia opens a battery factory",
              "The plant will make cells for electric vans from next year.",
              "Bo Reporter",
              "2025-02-01T08:00:00Z",
              "brand:Kia"),
          article(
              "recall",
              "Volvo recalls cars over a brake fault",
              "Owners will be contacted by dealers to have the part replaced.",
              "Bo Reporter",
              "2025-01-10T08:00:00Z",
              "brand:Volvo"),
          article(
              "prices",
              "BYD lowers prices of its small hatchback",
              "The discount makes it the cheapest electric car on sale.",
              "Ann Writer",
              "2025-02-20T08:00:00Z",
              "brand:BYD"));

  private static ArticleIndex index;
  private static LuceneNewsArchive archive;
  private static OnnxTextEmbedder model;

  @BeforeAll
  static void indexWithVectors() throws IOException {
    OnnxTextEmbedder embedder = OnnxTextEmbedder.load();
    model = embedder;
    index = ArticleIndex.open(new ByteBuffersDirectory());
    EmbeddingTagger tagger = new EmbeddingTagger(new TagsEntityTagger(), embedder);
    for (Article article : ARTICLES) {
      index.write(tagger.tag(article));
    }
    index.commit();
    index.refresh();
    archive = new LuceneNewsArchive(index).searchingByMeaning(() -> embedder);
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static SearchResponse search(SearchRequest request) throws IOException {
    return archive.search(request);
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).toList();
  }

  private static final String LAYOFFS = "automaker laying off staff";

  /**
   * A remembered query vector (asked again, after a write or with another filter) gives the same
   * answers as one embedded afresh, whether the nearest articles are taken after the words' pass
   * or, with the vector known already, beside it.
   */
  @Test
  void aRememberedQueryVectorAnswersAsAFreshOne() throws IOException {
    RememberedQueries remembered = new RememberedQueries(model, 16);
    LuceneNewsArchive remembering =
        new LuceneNewsArchive(index).searchingByMeaning(() -> remembered);
    for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
      for (SearchRequest request :
          List.of(
              SearchRequest.of(LAYOFFS).withMode(mode),
              SearchRequest.of("kia factory").withMode(mode),
              SearchRequest.of("which car is the cheapest electric one").withMode(mode))) {
        String fresh = withoutTook(search(request));
        assertEquals(fresh, withoutTook(remembering.search(request)), "embedded: " + request);
        assertEquals(fresh, withoutTook(remembering.search(request)), "remembered: " + request);
      }
    }
    assertEquals(3, remembered.size());
  }

  private static String withoutTook(SearchResponse response) {
    return response.hits()
        + " "
        + response.total()
        + " "
        + response.facets()
        + " "
        + response.interpretation();
  }

  @Test
  void aQuestionWithNoneOfTheWordsIsAnsweredByMeaning() throws IOException {
    SearchResponse words = search(SearchRequest.of(LAYOFFS));
    assertEquals(0, words.total(), "no article has these words");
    SearchResponse meaning = search(SearchRequest.of(LAYOFFS).withMode(SearchMode.SEMANTIC));
    List<String> first = ids(meaning).subList(0, 2);
    assertTrue(first.containsAll(List.of("jobs", "kia-jobs")), ids(meaning).toString());
    assertEquals("semantic", meaning.interpretation().mode());
    SearchResponse hybrid = search(SearchRequest.of(LAYOFFS).withMode(SearchMode.HYBRID));
    assertTrue(ids(hybrid).subList(0, 2).containsAll(List.of("jobs", "kia-jobs")));
    assertEquals("hybrid", hybrid.interpretation().mode());
    // A sentence is led by its meaning: its words' ranking (any of them) weighs 0.3 of the fusion.
    SearchResponse sentence =
        search(
            SearchRequest.of("which carmaker is laying off part of its staff")
                .withMode(SearchMode.HYBRID));
    assertEquals("some", sentence.interpretation().match());
    assertTrue(
        sentence.interpretation().description().contains("meaning weighing 0.7"),
        sentence.interpretation().description());
    assertTrue(ids(sentence).subList(0, 2).containsAll(List.of("jobs", "kia-jobs")));
  }

  @Test
  void filtersApplyBeforeTheNearestAreTaken() throws IOException {
    SearchRequest kiaOnly =
        SearchRequest.of(LAYOFFS).withBrands(List.of("kia")).withMode(SearchMode.SEMANTIC);
    SearchResponse response = search(kiaOnly);
    assertEquals(List.of("kia-jobs", "battery"), ids(response), "Kia's articles, nearest first");
    assertEquals(2, response.total());
    // Drill-sideways: the brand list still offers the other brands' counts... among the matches.
    assertTrue(response.facets().get("brand").stream().anyMatch(v -> v.value().equals("Kia")));
  }

  @Test
  void hybridTotalsAndFacetsCountTheUnionOfWordsAndNearest() throws IOException {
    SearchResponse words = search(SearchRequest.of("kia"));
    SearchResponse hybrid = search(SearchRequest.of("kia").withMode(SearchMode.HYBRID));
    assertEquals(2, words.total());
    assertEquals(ARTICLES.size(), hybrid.total(), "five articles: each is among the nearest");
    assertEquals(
        List.of("battery", "kia-jobs"), ids(hybrid).subList(0, 2).stream().sorted().toList());
    long counted = hybrid.facets().get("brand").stream().mapToLong(v -> v.count()).sum();
    assertEquals(ARTICLES.size(), counted, "facets count the same union");
  }

  @Test
  void cursorPagesFollowTheFusedOrder() throws IOException {
    SearchRequest onePerPage =
        SearchRequest.of("electric car prices")
            .withMode(SearchMode.HYBRID)
            .withPage(SortOrder.RELEVANCE, 1, 1);
    List<String> byCursor = new ArrayList<>();
    SearchResponse page = search(onePerPage);
    byCursor.addAll(ids(page));
    while (page.next() != null) {
      page = archive.searchAfter(onePerPage, page.next());
      byCursor.addAll(ids(page));
    }
    List<String> all = ids(search(onePerPage.withPage(SortOrder.RELEVANCE, 1, ARTICLES.size())));
    assertEquals(all, byCursor);
    assertFalse(all.isEmpty());
  }

  @Test
  void relatedArticlesBlendTheNearestByMeaning() throws IOException {
    List<String> related =
        archive.related("jobs", 2).orElseThrow().hits().stream().map(h -> h.id()).toList();
    assertEquals("kia-jobs", related.get(0), "the other job cuts, though no word is shared");
    assertFalse(related.contains("jobs"), "never the article itself");
  }

  @Test
  void keywordStaysTheDefaultAndSaysNothingOfMeaning() throws IOException {
    SearchResponse response = search(SearchRequest.of("battery"));
    assertEquals(List.of("battery"), ids(response));
    assertNull(response.interpretation().mode());
  }

  @Test
  void anArchiveWithoutTheModelSearchesByWordsAndSaysSo() throws IOException {
    LuceneNewsArchive wordsOnly = new LuceneNewsArchive(index);
    SearchResponse response =
        wordsOnly.search(SearchRequest.of("battery").withMode(SearchMode.HYBRID));
    assertEquals(List.of("battery"), ids(response));
    assertEquals("keyword", response.interpretation().mode());
  }
}
