package dev.carnews.search;

import java.io.IOException;
import java.util.Optional;

/**
 * What readers, editors and API clients ask of the archive: searches with facets, completions, one
 * article, related articles, stories (the versions of one article) and the count. The HTTP layer
 * sees only this interface and the records it answers with, so any backend (the local Lucene index,
 * a cluster) can stand behind the same handlers.
 */
public interface NewsArchive {

  /** How many articles are searchable now. */
  int count() throws IOException;

  /**
   * One page of hits with facet counts, and how the query was read.
   *
   * @throws InvalidQueryException when the query cannot run (too many terms, too deep)
   */
  SearchResponse search(SearchRequest request) throws IOException;

  /**
   * The page after a cursor from a previous response's {@link SearchResponse#next()}; the request's
   * page must be 1 and its sort the cursor's.
   *
   * @throws InvalidQueryException when the cursor belongs to another sort order or a page is given
   */
  SearchResponse searchAfter(SearchRequest request, SearchCursor after) throws IOException;

  /**
   * Completions of a typed prefix: names first, then headlines.
   *
   * @throws IllegalArgumentException when the prefix is blank or too long
   */
  SuggestResponse suggest(String prefix) throws IOException;

  /** The whole article with its entities, if the id is in the archive. */
  Optional<ArticleDetail> article(String id) throws IOException;

  /**
   * Articles related to one, never the article itself; empty when the id is unknown.
   *
   * @throws IllegalArgumentException when {@code size} is outside 1..{@link
   *     RelatedResponse#MAX_SIZE}
   */
  Optional<RelatedResponse> related(String id, int size) throws IOException;

  /**
   * A story's versions, oldest first, with what changed between consecutive versions; empty when no
   * story has this id.
   */
  Optional<StoryDetail> story(String id) throws IOException;
}
