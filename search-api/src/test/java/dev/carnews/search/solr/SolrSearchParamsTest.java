package dev.carnews.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.search.Ranking;
import dev.carnews.search.SearchRequest;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 on SolrCloud: an any-word reading reaches edismax as the local index builds its query:
 * any rare word finds, common words only score, only common words need 60% of them, and a word with
 * query syntax in it is a word.
 */
class SolrSearchParamsTest {

  @Test
  void rareWordsFindAnyOneOfThem() {
    SolrSearchParams.Words words =
        SolrSearchParams.Words.any("battery plant douai", List.of("battery", "plant"), List.of());
    assertEquals("battery plant", words.q());
    assertEquals("1", words.mm());
    assertTrue(words.anyWord());
  }

  @Test
  void commonWordsOnlyScoreBesideARareOne() {
    SolrSearchParams.Words words =
        SolrSearchParams.Words.any(
            "the battery plant", List.of("battery", "plant"), List.of("the"));
    // An operator turns edismax's mm off: one rare word is required, the common one is optional.
    assertEquals("+(battery plant) the", words.q());
    assertNull(words.mm());
  }

  @Test
  void onlyCommonWordsNeedSixtyPercentOfThem() {
    SolrSearchParams.Words words =
        SolrSearchParams.Words.any(
            "the electric car said", List.of(), List.of("the", "electric", "car", "said"));
    assertEquals("the electric car said", words.q());
    assertEquals("2", words.mm());
  }

  @Test
  void wordsInNoArticleLeaveEveryWordRequired() {
    SolrSearchParams.Words words = SolrSearchParams.Words.any("zzyzx qwerty", List.of(), List.of());
    assertFalse(words.anyWord());
    assertEquals("100%", words.mm());
    assertEquals("zzyzx qwerty", words.q());
  }

  @Test
  void aWordWithQuerySyntaxIsEscaped() {
    SolrSearchParams.Words words =
        SolrSearchParams.Words.any("title:x a!b", List.of("title:x", "a!b"), List.of());
    assertEquals("title\\:x a\\!b", words.q());
  }

  @Test
  void anAnyWordReadingReadsWordByWordAndKeepsTheRankingParameters() {
    SearchRequest request = SearchRequest.of("battery plant douai");
    SolrQuery query =
        SolrSearchParams.of(
            request,
            SolrSearchParams.Words.any(
                "battery plant douai", List.of("battery", "plant"), List.of("douai")),
            Ranking.defaults(),
            0L,
            List.of(),
            List.of());
    assertEquals("+(battery plant) douai", query.getQuery());
    assertEquals("true", query.get("sow"));
    assertEquals("OR", query.get("q.op"));
    assertNull(query.get("mm"));
    assertEquals("battery plant douai", query.get("spellcheck.q"));
    assertEquals(SolrSearchParams.PARSER, query.get("defType"));

    SolrQuery every = SolrSearchParams.of(request, "battery plant douai", Ranking.defaults(), 0L);
    assertEquals("battery plant douai", every.getQuery());
    assertEquals("100%", every.get("mm"));
    assertEquals("false", every.get("sow"));
  }
}
