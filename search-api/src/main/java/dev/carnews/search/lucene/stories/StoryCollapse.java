package dev.carnews.search.lucene.stories;

import static dev.carnews.index.ArticleSchema.ID;
import static dev.carnews.index.ArticleSchema.STORY;

import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.StoryRef;
import dev.carnews.search.lucene.query.QueryRuns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * One hit per story ({@code collapse=story}): a top-N dedupe over the ranked hits, keyed on the
 * {@code story} doc values. Within one ranked list the first hit of a story is its best version by
 * the query's order (the newest with {@code sort=newest}); on a page after a cursor, a hit shows
 * only when it is its story's best version by the same query and order, so a story shown on an
 * earlier page never comes back. Articles without a story (an index built before stories) are
 * stories of their own.
 */
public final class StoryCollapse {

  /** Ranked hits fetched per hit shown, at first; a page that comes out short fetches more. */
  public static final int FIRST_DEPTH = 3;

  /** The most ranked hits one collapsed page looks at. */
  static final int MAX_FETCHED = 20_000;

  private StoryCollapse() {}

  /**
   * One collapsed page.
   *
   * @param hits the page's hits, one per story
   * @param stories the story of each hit
   * @param complete whether the page is as full as the matches allow
   */
  public record Page(ScoreDoc[] hits, List<StoryRef> stories, boolean complete) {}

  /** Runs the request's query again, collecting {@code depth} times the hits a page needs. */
  @FunctionalInterface
  public interface Deeper {
    QueryRuns.Attempt attempt(int depth) throws IOException;
  }

  /**
   * A collapsed page and the run of the query it came from.
   *
   * @param attempt the run (deeper than the first when versions crowded the list)
   * @param page the page
   */
  public record Collapsed(QueryRuns.Attempt attempt, Page page) {}

  /**
   * The collapsed page of a request: from the first run of its query, collected {@code depth} times
   * deep, and deeper runs while versions leave the page short and more matches remain.
   */
  static Collapsed collapse(
      IndexSearcher searcher,
      SearchRequest request,
      boolean afterCursor,
      QueryRuns.Attempt first,
      int depth,
      Deeper deeper)
      throws IOException {
    QueryRuns.Attempt attempt = first;
    for (int next = depth * 4; ; next *= 4) {
      ScoreDoc[] ranked = attempt.found().top().scoreDocs;
      Page page =
          page(
              searcher,
              ranked,
              afterCursor ? 0 : (request.page() - 1) * request.size(),
              request.size(),
              ranked.length < attempt.window(),
              attempt.query(),
              QueryRuns.sortOf(request),
              afterCursor);
      if (page.complete() || attempt.window() * 4 > MAX_FETCHED) {
        return new Collapsed(attempt, page);
      }
      attempt = deeper.attempt(next);
    }
  }

  /**
   * The page of a request's hits: collapsed by story when it asks so ({@link #collapse}), else the
   * first run's ranked hits from the page's first on, with no stories ({@code null}).
   */
  public static Collapsed pageOf(
      IndexSearcher searcher,
      SearchRequest request,
      boolean afterCursor,
      QueryRuns.Attempt first,
      int depth,
      Deeper deeper)
      throws IOException {
    if (request.collapse()) {
      return collapse(searcher, request, afterCursor, first, depth, deeper);
    }
    ScoreDoc[] all = first.found().top().scoreDocs;
    int from = afterCursor ? 0 : Math.min((request.page() - 1) * request.size(), all.length);
    return new Collapsed(first, new Page(Arrays.copyOfRange(all, from, all.length), null, true));
  }

  /** The hits with their stories, in order; the hits as they are when {@code stories} is null. */
  public static List<SearchHit> withStories(List<SearchHit> hits, List<StoryRef> stories) {
    if (stories == null) {
      return hits;
    }
    List<SearchHit> result = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      result.add(hits.get(i).withStory(stories.get(i)));
    }
    return result;
  }

  /**
   * The collapsed page of a ranked list.
   *
   * @param ranked the ranked hits (from the top, or after a cursor)
   * @param skip the stories of earlier pages in {@code ranked} (page mode), 0 after a cursor
   * @param size hits per page
   * @param exhausted whether {@code ranked} holds every remaining match
   * @param query the query and filters the list was ranked by (cursor pages: checks best versions)
   * @param sort the order, {@code null} for relevance
   * @param afterCursor whether {@code ranked} continues a cursor
   */
  static Page page(
      IndexSearcher searcher,
      ScoreDoc[] ranked,
      int skip,
      int size,
      boolean exhausted,
      Query query,
      Sort sort,
      boolean afterCursor)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    Set<String> seen = new HashSet<>();
    List<ScoreDoc> hits = new ArrayList<>(size);
    List<StoryRef> refs = new ArrayList<>(size);
    int stories = 0;
    for (ScoreDoc hit : ranked) {
      String story = storyOf(reader, hit.doc);
      String key = story == null ? "#" + hit.doc : story;
      if (!seen.add(key)) {
        continue;
      }
      int versions = story == null ? 1 : searcher.count(new TermQuery(new Term(STORY, story)));
      if (afterCursor && versions > 1 && best(searcher, query, sort, story) != hit.doc) {
        continue;
      }
      if (stories++ < skip) {
        continue;
      }
      hits.add(hit);
      refs.add(
          new StoryRef(story == null ? idOf(searcher, hit.doc) : story, Math.max(1, versions)));
      if (hits.size() == size) {
        return new Page(hits.toArray(ScoreDoc[]::new), refs, true);
      }
    }
    return new Page(hits.toArray(ScoreDoc[]::new), refs, exhausted);
  }

  /** The story of the article with this id, if it has one. */
  static String storyOf(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues values = DocValues.getSorted(leaf.reader(), STORY);
    if (!values.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return values.lookupOrd(values.ordValue()).utf8ToString();
  }

  /** The best version of a story by the query and order. */
  private static int best(IndexSearcher searcher, Query query, Sort sort, String story)
      throws IOException {
    Query inStory =
        new BooleanQuery.Builder()
            .add(query, BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(STORY, story)), BooleanClause.Occur.FILTER)
            .build();
    TopDocs top = sort == null ? searcher.search(inStory, 1) : searcher.search(inStory, 1, sort);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private static String idOf(IndexSearcher searcher, int doc) throws IOException {
    return searcher.storedFields().document(doc, Set.of(ID)).get(ID);
  }
}
