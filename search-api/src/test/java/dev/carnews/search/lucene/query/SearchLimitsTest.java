package dev.carnews.search.lucene.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.index.ArticleIndex;
import dev.carnews.search.Fixtures;
import dev.carnews.search.InvalidQueryException;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SortOrder;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 6: query limits at N and N+1, the time budget, and cursor paging. */
class SearchLimitsTest {

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

  @Test
  void clauseCountAtLimitPassesAndOneMoreIsRefused() {
    assertEquals(QueryLimits.MAX_CLAUSES, QueryLimits.clauses(terms(QueryLimits.MAX_CLAUSES)));
    QueryLimits.checkClauses(terms(QueryLimits.MAX_CLAUSES));
    assertThrows(
        InvalidQueryException.class,
        () -> QueryLimits.checkClauses(terms(QueryLimits.MAX_CLAUSES + 1)));
  }

  @Test
  void aQueryOfTooManyWordsIsRefusedBeforeItRuns() {
    // "ev" expands to ev | "electric vehicle" in title and body: six clauses a word.
    String q = "ev ".repeat(333).strip();
    assertTrue(q.length() <= SearchRequest.MAX_QUERY_LENGTH);
    InvalidQueryException refused =
        assertThrows(InvalidQueryException.class, () -> searcher.search(SearchRequest.of(q)));
    assertTrue(refused.getMessage().contains("too many terms"));
  }

  @Test
  void wordLengthAtLimitRunsAndOneMoreIsRefused() throws IOException {
    searcher.search(SearchRequest.of("a".repeat(QueryLimits.MAX_WORD_LENGTH)));
    String longer = "a".repeat(QueryLimits.MAX_WORD_LENGTH + 1);
    assertThrows(InvalidQueryException.class, () -> searcher.search(SearchRequest.of(longer)));
  }

  @Test
  void nestingAtLimitRunsAndOneMoreIsRefused() throws IOException {
    int n = QueryLimits.MAX_NESTING;
    String ok = "(".repeat(n) + "battery" + ")".repeat(n);
    assertEquals(1, searcher.search(SearchRequest.of(ok)).total());
    String deeper = "(".repeat(n + 1) + "battery" + ")".repeat(n + 1);
    assertThrows(InvalidQueryException.class, () -> searcher.search(SearchRequest.of(deeper)));
    // Parentheses inside a phrase are words, not nesting.
    searcher.search(SearchRequest.of("\"" + "(".repeat(n + 5) + "battery\""));
  }

  @Test
  void spentTimeBudgetFlagsThePartialResult() throws IOException {
    assertFalse(searcher.search(SearchRequest.of("")).partial());
    LuceneNewsArchive hurried = new LuceneNewsArchive(index.searchers(), Duration.ofNanos(1));
    SearchResponse response = hurried.search(SearchRequest.of(""));
    assertTrue(response.partial(), "a search past its budget must say its hits are partial");
    assertTrue(response.total() < Fixtures.ARTICLES.size());
  }

  @Test
  void cursorPagesMatchNumberedPagesInEveryOrder() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      for (String q : List.of("", "electric")) {
        SearchRequest first = SearchRequest.of(q).withPage(sort, 1, 2);
        SearchResponse page = searcher.search(first);
        int pageNumber = 1;
        while (page.next() != null) {
          pageNumber++;
          SearchResponse byCursor = searcher.searchAfter(first, page.next());
          SearchResponse byNumber = searcher.search(first.withPage(sort, pageNumber, 2));
          assertEquals(ids(byNumber), ids(byCursor), sort + " page " + pageNumber + " of " + q);
          page = byCursor;
        }
        assertTrue(pageNumber >= 2, "paged only once for " + sort + " " + q);
        assertTrue(
            page.hits().size() < 2
                || searcher.search(first.withPage(sort, pageNumber + 1, 2)).hits().isEmpty());
      }
    }
  }

  @Test
  void cursorOfAnotherOrderOrWithAPageIsRefused() throws IOException {
    String newest = searcher.search(SearchRequest.of("").withPage(SortOrder.NEWEST, 1, 2)).next();
    SearchRequest byRelevance = SearchRequest.of("electric").withPage(SortOrder.RELEVANCE, 1, 2);
    assertThrows(InvalidQueryException.class, () -> searcher.searchAfter(byRelevance, newest));
    SearchRequest secondPage = SearchRequest.of("").withPage(SortOrder.NEWEST, 2, 2);
    assertThrows(InvalidQueryException.class, () -> searcher.searchAfter(secondPage, newest));
    SearchRequest first = SearchRequest.of("").withPage(SortOrder.NEWEST, 1, 2);
    assertThrows(
        IllegalArgumentException.class, () -> searcher.searchAfter(first, "bm90IGEgY3Vyc29y"));
    assertThrows(IllegalArgumentException.class, () -> searcher.searchAfter(first, "%%%"));
  }

  @Test
  void aPageThatIsNotFullHasNoCursor() throws IOException {
    assertNull(searcher.search(SearchRequest.of("").withPage(SortOrder.NEWEST, 1, 100)).next());
  }

  @Test
  void facetValuesAreCappedAtTheTopN() throws IOException {
    for (int brands :
        new int[] {LuceneNewsArchive.FACET_TOP_N, LuceneNewsArchive.FACET_TOP_N + 1}) {
      try (ArticleIndex many = ArticleIndex.open(new ByteBuffersDirectory())) {
        TagsEntityTagger tagger = new TagsEntityTagger();
        for (int i = 0; i < brands; i++) {
          many.write(
              tagger.tag(
                  Fixtures.article(
                      "b" + i, "Van " + i, "A van.", "Jo Smith", null, "brand:Brand" + i)));
        }
        many.commit();
        SearchResponse response = new LuceneNewsArchive(many).search(SearchRequest.of(""));
        assertEquals(brands, response.total());
        assertEquals(LuceneNewsArchive.FACET_TOP_N, response.facets().get("brand").size());
      }
    }
  }

  private static List<String> ids(SearchResponse response) {
    return response.hits().stream().map(SearchHit::id).toList();
  }

  /** n term clauses, nested in groups of 100 (a flat query that big is refused by Lucene). */
  private static BooleanQuery terms(int n) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int start = 0; start < n; start += 100) {
      BooleanQuery.Builder group = new BooleanQuery.Builder();
      for (int i = start; i < Math.min(n, start + 100); i++) {
        group.add(new TermQuery(new Term("body", "t" + i)), BooleanClause.Occur.SHOULD);
      }
      all.add(group.build(), BooleanClause.Occur.SHOULD);
    }
    return all.build();
  }
}
