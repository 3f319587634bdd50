package dev.carnews.search.solr;

import dev.carnews.index.ArticleSchema;
import dev.carnews.search.Ranking;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchMode;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import dev.carnews.search.views.HybridFusion;
import dev.carnews.search.views.NameLexicon;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;

/**
 * Searches by meaning on the collection: Solr's {@code {!knn}} over the {@code vector} field finds
 * the nearest articles within every filter of the request (Solr applies the filter queries of a knn
 * main query before it takes the neighbours), and the service fuses them with the words' ranking as
 * the local index does ({@link HybridFusion}: by reciprocal rank, a sentence by scores). Solr
 * merges the shards' neighbours into one global top-k, so the answer does not depend on how the
 * articles are sharded.
 *
 * <p>A relevance page takes four reads: the neighbours, the words' ranking (hybrid), the union's
 * total and facets, and the page's articles with the query's words marked. A dated page takes two:
 * the neighbours, then the union in date order. Pages are offsets into the fused ranking (the
 * {@code next} token holds one): the ranking is computed again for each page, as locally. What
 * differs from the local index by design: the words' scores (per-shard statistics) and so the fused
 * order. A hit found by meaning alone shows its lead on both backends: the headline and the lead
 * are the text its vector was made from, so they are the passage that matched the query's meaning.
 */
final class SolrMeaning {

  /** Nearest articles taken at least, so facets and totals stand on more than one page. */
  static final int NEIGHBOURS = 100;

  /** The deepest fused ranking served (pages beyond it are empty, as locally). */
  static final int MAX_FUSED = 1000;

  private static final String VECTOR = ArticleSchema.VECTOR;

  private final SolrNewsArchive.Reads reads;

  SolrMeaning(SolrNewsArchive.Reads reads) {
    this.reads = reads;
  }

  /** One page of a fused search and what the answer counts. */
  record Page(long total, List<SearchHit> hits, QueryResponse counted, boolean more) {}

  /**
   * Whether the collection holds vectors: the nearest article to {@code meaning} exists. An archive
   * indexed with {@code --no-vectors} answers by words.
   */
  boolean hasVectors(float[] meaning) throws IOException {
    SolrQuery probe = new SolrQuery(knn(meaning, 1));
    probe.setRows(0);
    return reads.query(probe).getResults().getNumFound() > 0;
  }

  /**
   * The page that starts after the first {@code offset} hits of the fused ranking (relevance) or of
   * the union in date order.
   */
  Page page(
      SearchRequest request,
      float[] meaning,
      int offset,
      Ranking ranking,
      long newest,
      NameLexicon.Reading named,
      SolrSearchParams.Words read)
      throws IOException {
    boolean hybrid = request.mode() == SearchMode.HYBRID;
    int depth = Math.min(MAX_FUSED, Math.max(NEIGHBOURS, offset + request.size()));
    List<HybridFusion.Scored<String>> near = scored(neighbours(request, meaning, depth));
    List<String> nearest = near.stream().map(HybridFusion.Scored::key).toList();
    String words = request.q();
    if (request.sort() != SortOrder.RELEVANCE) {
      SolrQuery union = union(request, read, hybrid, nearest, ranking, newest);
      union.setFields(SolrSearchParams.HIT_FIELDS);
      union.setRows(request.size());
      union.addSort(
          ArticleSchema.PUBLISHED,
          request.sort() == SortOrder.OLDEST ? SolrQuery.ORDER.asc : SolrQuery.ORDER.desc);
      union.addSort(ArticleSchema.ID, SolrQuery.ORDER.asc);
      union.setStart(offset);
      marked(union, words);
      QueryResponse response = reads.query(union);
      long total = response.getResults().getNumFound();
      return new Page(total, SolrAnswers.hits(response), response, offset + request.size() < total);
    }
    List<String> fused = nearest;
    if (hybrid) {
      SolrQuery ranked =
          SolrSearchParams.of(
              request,
              read,
              ranking,
              newest,
              SolrNewsArchive.keys(named.brands()),
              SolrNewsArchive.keys(named.persons()));
      ranked.setFacet(false);
      ranked.setHighlight(false);
      ranked.remove("spellcheck");
      ranked.setFields(ArticleSchema.ID, "score");
      ranked.setRows(depth);
      HybridFusion.Method method = HybridFusion.methodFor(words);
      fused = new ArrayList<>(fused(method, scored(reads.query(ranked)), near).keySet());
    }
    SolrQuery union = union(request, read, hybrid, nearest, ranking, newest);
    union.setRows(0);
    QueryResponse counted = reads.query(union);
    int from = Math.min(offset, fused.size());
    int to = Math.min(fused.size(), offset + request.size());
    List<SearchHit> hits = articles(fused.subList(from, to), words);
    return new Page(counted.getResults().getNumFound(), hits, counted, to < fused.size());
  }

  /** The {@code depth} nearest articles within every filter of the request, nearest first. */
  private QueryResponse neighbours(SearchRequest request, float[] meaning, int depth)
      throws IOException {
    SolrQuery query = new SolrQuery(knn(meaning, depth));
    SolrSearchParams.filters(request, query);
    query.setFields(ArticleSchema.ID, "score");
    query.setRows(depth);
    return reads.query(query);
  }

  /**
   * The articles a fused search answers with: the nearest articles, or (hybrid) them and the words'
   * matches; the request's filters and facets on top, so counts and totals are the union's.
   */
  private static SolrQuery union(
      SearchRequest request,
      SolrSearchParams.Words read,
      boolean hybrid,
      List<String> nearest,
      Ranking ranking,
      long newest) {
    SolrQuery query;
    String ids = "{!terms f=" + ArticleSchema.ID + " v=$nearest}";
    if (hybrid) {
      query = SolrSearchParams.of(request, read, ranking, newest, List.of(), List.of());
      query.setHighlight(false);
      query.remove("spellcheck");
      query.remove("boost");
      query.remove("bq");
      // The words' matches as the words' search reads them (every word, or any of them).
      query.set("qq", read.q());
      query.setQuery("{!bool should=$matching should=$close}");
      query.set("matching", "{!" + SolrSearchParams.PARSER + " v=$qq}");
      query.set("close", ids);
      query.remove("defType");
      query.clearSorts();
    } else {
      query = SolrSearchParams.of(request, "", ranking, newest);
      query.setQuery(ids);
      query.clearSorts();
    }
    // An empty list matches no article (Solr's terms parser answers nothing for no terms).
    query.set("nearest", String.join(",", nearest));
    return query;
  }

  /** The articles of a page, in the page's order, with the query's words marked where present. */
  private List<SearchHit> articles(List<String> page, String words) throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    SolrQuery query = new SolrQuery("{!terms f=" + ArticleSchema.ID + " v=$page}");
    query.set("page", String.join(",", page));
    query.setFields(SolrSearchParams.HIT_FIELDS);
    query.setRows(page.size());
    marked(query, words);
    QueryResponse response = reads.query(query);
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < page.size(); i++) {
      order.put(page.get(i), i);
    }
    return SolrAnswers.hits(response).stream()
        .sorted(Comparator.comparingInt(hit -> order.getOrDefault(hit.id(), Integer.MAX_VALUE)))
        .toList();
  }

  /** Highlights the words of the query on hits that were found another way. */
  private static void marked(SolrQuery query, String words) {
    SolrSearchParams.highlight(query);
    query.set("hl.q", words);
    query.set("hl.qparser", SolrSearchParams.PARSER);
    query.set("qf", "title^3 body");
  }

  /**
   * The fused ranking of two rankings (each best first), with each id's fused score, best first (in
   * the map's order); ties by id.
   */
  static Map<String, Double> fused(
      HybridFusion.Method method,
      List<HybridFusion.Scored<String>> words,
      List<HybridFusion.Scored<String>> meaning) {
    Map<String, Double> fused = new LinkedHashMap<>();
    for (HybridFusion.Scored<String> hit :
        HybridFusion.fuse(method, words, meaning, Comparator.naturalOrder())) {
      fused.put(hit.key(), hit.score());
    }
    return fused;
  }

  /** The fused ranking by reciprocal rank, with each id's sum, best first; ties by id. */
  static Map<String, Double> reciprocalRankScores(List<String> words, List<String> meaning) {
    return fused(HybridFusion.Method.RECIPROCAL_RANK, ranked(words), ranked(meaning));
  }

  /** Ids in rank order, scored by rank (only the order counts in a fusion by rank). */
  private static List<HybridFusion.Scored<String>> ranked(List<String> ids) {
    List<HybridFusion.Scored<String>> ranked = new ArrayList<>(ids.size());
    for (int rank = 0; rank < ids.size(); rank++) {
      ranked.add(new HybridFusion.Scored<>(ids.get(rank), ids.size() - rank));
    }
    return ranked;
  }

  /** The ids of a response's hits with their scores, in its order. */
  private static List<HybridFusion.Scored<String>> scored(QueryResponse response) {
    List<HybridFusion.Scored<String>> scored = new ArrayList<>();
    for (SolrDocument doc : response.getResults()) {
      Object score = doc.getFirstValue("score");
      scored.add(
          new HybridFusion.Scored<>(
              (String) doc.getFirstValue(ArticleSchema.ID),
              score instanceof Number number ? number.doubleValue() : 0));
    }
    return scored;
  }

  /** Solr's nearest-neighbour query for a vector. */
  static String knn(float[] meaning, int topK) {
    StringBuilder vector = new StringBuilder(meaning.length * 12);
    vector.append('[');
    for (int i = 0; i < meaning.length; i++) {
      if (i > 0) {
        vector.append(',');
      }
      vector.append(meaning[i]);
    }
    vector.append(']');
    return "{!knn f=" + VECTOR + " topK=" + topK + "}" + vector;
  }
}
