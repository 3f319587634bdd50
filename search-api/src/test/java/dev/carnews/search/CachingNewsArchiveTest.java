package dev.carnews.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: the per-version search cache answers like the searcher and never with stale data. */
class CachingNewsArchiveTest {

  private ArticleIndex index;
  private LuceneNewsArchive searcher;
  private CachingNewsArchive cache;

  @BeforeEach
  void indexFixture() throws IOException {
    index = Fixtures.index();
    searcher = new LuceneNewsArchive(index);
    cache = new CachingNewsArchive(searcher, 100, CachingNewsArchive.DEFAULT_MAX_BYTES);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private static List<SearchRequest> requests() {
    SearchRequest electric = SearchRequest.of("electric");
    return List.of(
        electric,
        SearchRequest.of(""),
        SearchRequest.of("elecric platfrom"),
        SearchRequest.of("renault | toyota").withPage(SortOrder.NEWEST, 2, 2),
        electric.withBrands(List.of("Renault")),
        electric.withPersons(List.of("Kenji Sato")).withAuthors(List.of("Jane Doe")),
        electric.withDates(java.time.LocalDate.parse("2025-07-01"), null),
        electric.withPage(SortOrder.RELEVANCE, 1, 1));
  }

  @Test
  void aCachedAnswerIsTheSearchersAnswerWithItsOwnTookMs() throws IOException {
    for (SearchRequest request : requests()) {
      SearchResponse direct = searcher.search(request);
      SearchResponse first = cache.search(request);
      SearchResponse again = cache.search(request);
      assertEquals(withoutTook(direct), withoutTook(first), request.toString());
      assertEquals(withoutTook(direct), withoutTook(again), request.toString());
    }
    assertEquals(requests().size(), cache.hits());
    assertEquals(requests().size(), cache.misses());
  }

  @Test
  void theCursorIsPartOfTheKey() throws IOException {
    SearchRequest two = SearchRequest.of("electric").withPage(SortOrder.RELEVANCE, 1, 2);
    SearchResponse first = cache.search(two);
    assertNotNull(first.next());
    String after = first.next();
    SearchResponse second = cache.searchAfter(two, after);
    assertEquals(withoutTook(searcher.searchAfter(two, after)), withoutTook(second));
    assertTrue(!first.hits().get(0).id().equals(second.hits().get(0).id()));
    assertEquals(withoutTook(second), withoutTook(cache.searchAfter(two, after)));
    assertEquals(1, cache.hits());
  }

  @Test
  void collapseIsPartOfTheKey() throws IOException {
    SearchRequest every = SearchRequest.of("electric");
    SearchRequest collapsed = every.withCollapse(true);
    assertEquals(withoutTook(searcher.search(every)), withoutTook(cache.search(every)));
    assertEquals(withoutTook(searcher.search(collapsed)), withoutTook(cache.search(collapsed)));
    assertEquals(0, cache.hits(), "the collapsed search is not the uncollapsed one's answer");
    assertEquals(2, cache.misses());
    assertTrue(cache.search(collapsed).hits().stream().allMatch(hit -> hit.story() != null));
    assertTrue(cache.search(every).hits().stream().allMatch(hit -> hit.story() == null));
    assertEquals(2, cache.hits());
  }

  @Test
  void aWriteMadeVisibleIsSeenByTheNextSearch() throws IOException {
    SearchRequest request = SearchRequest.of("hydrogen");
    assertEquals(0, cache.search(request).total());
    assertEquals(0, cache.search(request).total());
    index.write(
        new TagsEntityTagger()
            .tag(
                Fixtures.article(
                    "h1",
                    "Toyota tests a hydrogen truck",
                    "The hydrogen truck runs on fuel cells.",
                    "Jane Doe",
                    "2025-09-01T00:00:00Z",
                    "brand:Toyota")));
    index.refresh();
    SearchResponse after = cache.search(request);
    assertEquals(1, after.total(), "a refreshed write must not be hidden by a cached answer");
    assertEquals("h1", after.hits().get(0).id());
    assertEquals(1, cache.size(), "the entries of the old reader are dropped");
    assertTrue(index.delete("h1"));
    index.refresh();
    assertEquals(0, cache.search(request).total());
  }

  @Test
  void theSearchesAskedMostAreAnsweredOnANewReaderBeforeItServes() throws IOException {
    cache.warming(2);
    index.warmNewReadersWith(
        next ->
            cache.warm(
                LuceneNewsArchive.versionOf(next), request -> searcher.search(next, request)));
    SearchRequest popular = SearchRequest.of("electric");
    SearchRequest second = SearchRequest.of("battery");
    SearchRequest once = SearchRequest.of("van");
    for (SearchRequest request : List.of(popular, popular, popular, once, second, second)) {
      cache.search(request);
    }
    long before = cache.search(popular).total();
    long misses = cache.misses();
    index.write(
        new TagsEntityTagger()
            .tag(
                Fixtures.article(
                    "w1",
                    "Kia shows an electric van with a new battery",
                    "The electric van's battery charges in twenty minutes.",
                    "Jane Doe",
                    "2025-09-01T00:00:00Z",
                    "brand:Kia")));
    index.refresh();
    assertEquals(2, cache.warmed(), "the two searches asked most, made before the reader served");

    SearchResponse warmed = cache.search(popular);
    assertEquals(misses, cache.misses(), "answered from the warmed answers");
    assertEquals(before + 1, warmed.total(), "the new reader's answer, the write included");
    assertEquals(withoutTook(searcher.search(popular)), withoutTook(warmed));
    cache.search(second);
    assertEquals(misses, cache.misses());
    cache.search(once);
    assertEquals(misses + 1, cache.misses(), "asked once, behind the two asked more: not warmed");
  }

  @Test
  void warmingNothingOrAnOlderVersionChangesNothing() throws IOException {
    cache.search(SearchRequest.of("electric"));
    IndexVersion now = searcher.version();
    List<SearchRequest> asked = new java.util.ArrayList<>();
    CachingNewsArchive.AnswerSource recording =
        request -> {
          asked.add(request);
          return searcher.search(request);
        };
    cache.warm(new IndexVersion(now.generation(), now.version() + 1), recording);
    assertEquals(List.of(), asked, "off by default");
    cache.warming(4).warm(now, recording);
    assertEquals(List.of(), asked, "the version serving now is not warmed again");
    cache.warming(0).warm(new IndexVersion(now.generation(), now.version() + 1), recording);
    assertEquals(List.of(), asked);
    assertEquals(0, cache.warmed());
    assertThrows(IllegalArgumentException.class, () -> cache.warming(-1));
  }

  @Test
  void aPartialAnswerIsNotKept() throws IOException {
    LuceneNewsArchive hurried = new LuceneNewsArchive(index.searchers(), Duration.ofNanos(1));
    CachingNewsArchive hurriedCache = new CachingNewsArchive(hurried, 100, 1 << 20);
    SearchResponse partial = hurriedCache.search(SearchRequest.of(""));
    assertTrue(partial.partial());
    hurriedCache.search(SearchRequest.of(""));
    assertEquals(0, hurriedCache.hits());
    assertEquals(0, hurriedCache.size());
  }

  @Test
  void theCacheKeepsAtMostItsEntriesAndBytes() throws IOException {
    CachingNewsArchive small = new CachingNewsArchive(searcher, 3, 1 << 20);
    for (SearchRequest request : requests()) {
      small.search(request);
      assertTrue(small.size() <= 3);
    }
    assertEquals(3, small.size());
    // The least recently used went first: the last three are kept, the first is not.
    small.search(requests().get(requests().size() - 1));
    assertEquals(1, small.hits());
    small.search(requests().get(0));
    assertEquals(1, small.hits());

    SearchResponse one = searcher.search(requests().get(0));
    long weight = SearchAnswers.weigh(new SearchAnswers.Key(requests().get(0), null), one);
    SearchAnswers bytesBound = new SearchAnswers(null, 100, weight * 2);
    for (int page = 1; page <= 5; page++) {
      SearchRequest request = requests().get(0).withPage(SortOrder.RELEVANCE, page, 10);
      bytesBound.put(new SearchAnswers.Key(request, null), one);
      assertTrue(bytesBound.bytes() <= weight * 2);
    }
    assertEquals(2, bytesBound.size());
  }

  @Test
  void sizeZeroIsNoCacheAndNegativeIsRefused() {
    assertSame(searcher, CachingNewsArchive.of(searcher, 0));
    assertTrue(CachingNewsArchive.of(searcher, 5) instanceof CachingNewsArchive);
    assertThrows(IllegalArgumentException.class, () -> CachingNewsArchive.of(searcher, -1));
  }

  private static SearchResponse withoutTook(SearchResponse r) {
    return new SearchResponse(
        r.total(),
        r.page(),
        r.size(),
        r.pages(),
        0,
        r.hits(),
        r.facets(),
        r.didYouMean(),
        r.interpretation(),
        r.partial(),
        r.next());
  }
}
