package dev.carnews.search.solr;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.STORY;

import dev.carnews.search.SearchHit;
import dev.carnews.search.StoryRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * One hit per story ({@code collapse=story}) on SolrCloud, collapsed in the service as the local
 * backend collapses: over the ranked ids and stories of the query (the same order and the same
 * cursor as an uncollapsed search), the first hit of a story is its best version. A page after a
 * cursor shows a hit only when it is its story's best version by the same query and order (one
 * search per story on the page), so a story shown on an earlier page never comes back, whichever
 * shards its versions sit on.
 *
 * <p>Why in the service and not by routing a story's versions to one shard (the {@code compositeId}
 * router) and Solr's collapse parser: a story's id changes when stories merge or its first article
 * goes, so routing by story would move documents between shards on such writes (a delete on one
 * shard and an add on another, not atomic), and the collection could no longer be read or deleted
 * by article id alone. Collapsing here costs a deeper ranked list of ids (at first {@link
 * #FIRST_DEPTH} per hit shown) and, after a cursor, a search per story shown.
 */
final class SolrStoryCollapse {

  /**
   * Ranked hits read per hit shown, at first; a page that comes out short reads four times more.
   */
  static final int FIRST_DEPTH = 3;

  /** The most ranked hits one collapsed page looks at. */
  static final int MAX_FETCHED = 20_000;

  private final SolrNewsArchive.Reads reads;
  private final SolrStoryViews stories;

  SolrStoryCollapse(SolrNewsArchive.Reads reads, SolrStoryViews stories) {
    this.reads = Objects.requireNonNull(reads, "reads");
    this.stories = Objects.requireNonNull(stories, "stories");
  }

  /**
   * A collapsed page.
   *
   * @param hits the page's hits, one per story, with their stories
   * @param nextMark the cursor after the page's last hit when the page is full, else {@code null}
   */
  record Page(List<SearchHit> hits, String nextMark) {}

  private record Shown(String id, String story, int position) {}

  /**
   * The collapsed page of a query.
   *
   * @param query the page's query (its words, filters and order)
   * @param mark the cursor the page starts at ({@code *} for the top)
   * @param skip the stories of earlier pages to pass over (page mode), 0 after a cursor
   * @param size hits per page
   */
  Page page(SolrQuery query, String mark, int skip, int size) throws IOException {
    boolean afterCursor = !CursorMarkParams.CURSOR_MARK_START.equals(mark);
    List<Shown> shown = new ArrayList<>(size);
    QueryResponse ranked;
    List<SolrDocument> docs;
    for (int rows = FIRST_DEPTH * (skip + size); ; rows *= 4) {
      ranked = reads.query(ranked(query, mark, rows));
      docs = ranked.getResults();
      shown.clear();
      Set<String> seen = new HashSet<>();
      int stories = 0;
      for (int i = 0; i < docs.size() && shown.size() < size; i++) {
        String id = (String) docs.get(i).getFirstValue(ID);
        String story = (String) docs.get(i).getFirstValue(STORY);
        if (!seen.add(story == null ? "#" + id : story)) {
          continue;
        }
        if (afterCursor && story != null && !id.equals(best(query, story))) {
          continue;
        }
        if (stories++ < skip) {
          continue;
        }
        shown.add(new Shown(id, story, i));
      }
      boolean exhausted = docs.size() < rows;
      if (shown.size() == size || exhausted || rows * 4 > MAX_FETCHED) {
        break;
      }
    }
    List<SearchHit> hits = hits(query, shown);
    String next = null;
    if (shown.size() == size) {
      int last = shown.get(shown.size() - 1).position();
      next =
          last + 1 == docs.size()
              ? ranked.getNextCursorMark()
              : reads.query(ranked(query, mark, last + 1)).getNextCursorMark();
    }
    return new Page(hits, next);
  }

  /** The ids and stories of the ranked list from {@code mark}, nothing else computed. */
  private static SolrQuery ranked(SolrQuery query, String mark, int rows) {
    SolrQuery ranked = bare(query);
    ranked.setRows(rows);
    ranked.setFields(ID + "," + STORY);
    ranked.set(CursorMarkParams.CURSOR_MARK_PARAM, mark);
    return ranked;
  }

  /** The id of a story's best version by the query and its order. */
  private String best(SolrQuery query, String story) throws IOException {
    SolrQuery best = bare(query);
    best.addFilterQuery(STORY + ":" + SolrSearchParams.quoted(story));
    best.setRows(1);
    best.setFields(ID);
    var results = reads.query(best).getResults();
    return results.isEmpty() ? null : (String) results.get(0).getFirstValue(ID);
  }

  /** The page's hits as a search shows them (passages marked), in ranked order, with stories. */
  private List<SearchHit> hits(SolrQuery query, List<Shown> shown) throws IOException {
    if (shown.isEmpty()) {
      return List.of();
    }
    SolrQuery page = query.getCopy();
    page.setFacet(false);
    page.remove("spellcheck");
    page.remove(CursorMarkParams.CURSOR_MARK_PARAM);
    page.setStart(0);
    page.setRows(shown.size());
    page.addFilterQuery(
        ID
            + ":("
            + shown.stream()
                .map(s -> SolrSearchParams.quoted(s.id()))
                .collect(Collectors.joining(" OR "))
            + ")");
    Map<String, Integer> counts =
        stories.counts(
            shown.stream().map(Shown::story).filter(Objects::nonNull).distinct().toList());
    Map<String, StoryRef> refs = new HashMap<>();
    for (Shown s : shown) {
      refs.put(
          s.id(),
          s.story() == null
              ? new StoryRef(s.id(), 1)
              : new StoryRef(s.story(), Math.max(1, counts.getOrDefault(s.story(), 1))));
    }
    List<SearchHit> hits = new ArrayList<>(shown.size());
    for (SearchHit hit : SolrAnswers.hits(reads.query(page))) {
      hits.add(hit.withStory(refs.get(hit.id())));
    }
    return hits;
  }

  /** The query's words, filters and order alone: no facets, passages or spelling. */
  private static SolrQuery bare(SolrQuery query) {
    SolrQuery bare = query.getCopy();
    bare.setFacet(false);
    bare.setHighlight(false);
    bare.remove("spellcheck");
    bare.remove(CursorMarkParams.CURSOR_MARK_PARAM);
    bare.setStart(0);
    return bare;
  }
}
