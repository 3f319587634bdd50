package dev.carnews.search;

import java.io.IOException;
import java.util.Optional;

/**
 * What readers, editors and API clients ask of the archive: searches with facets, completions, one
 * article, related articles, the count and the index version. The HTTP layer sees only this
 * interface and the records it answers with, so any backend (the local Lucene index, a cluster) can
 * stand behind the same handlers.
 */
public interface NewsArchive {

  /** How many articles are searchable now. */
  int count() throws IOException;

  /**
   * The state of the index that searches see now; it changes with every write or delete that
   * becomes visible, so an answer computed after this call is at least as new as the version.
   */
  IndexVersion version() throws IOException;

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
   * The page after a response's {@link SearchResponse#next()} token as the client sent it. A
   * backend with cursors of its own (SolrCloud's {@code cursorMark}) reads the token itself.
   *
   * @throws IllegalArgumentException when the token is not a cursor of this backend
   * @throws InvalidQueryException when the cursor belongs to another sort order or a page is given
   */
  default SearchResponse searchAfter(SearchRequest request, String token) throws IOException {
    return searchAfter(request, SearchCursor.parse(token));
  }

  /** Which backend this is and whether it answers now, for {@code /health}. */
  default ArchiveStatus status() {
    return ArchiveStatus.local();
  }

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
}
