package dev.carnews.search;

import dev.carnews.entity.EntityType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What readers, editors and API clients ask of the archive: searches with facets, completions, one
 * article, related articles, stories (the versions of one article), the count, the index version,
 * and the views of people, brands and authors (pages, a directory, trends, feeds of searches). The
 * HTTP layer sees only this interface and the records it answers with, so any backend (the local
 * Lucene index, a cluster) can stand behind the same handlers.
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
   * The page after a response's {@link SearchResponse#next()} token, as the client sent it: an
   * opaque token that only the backend that made it encodes and decodes. The request's page must be
   * 1 and its sort the one the token was made for.
   *
   * @throws IllegalArgumentException when the token is not a cursor of this backend
   * @throws InvalidQueryException when the cursor belongs to another sort order or a page is given
   */
  SearchResponse searchAfter(SearchRequest request, String token) throws IOException;

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

  /**
   * The hits of a search's page without facet counts: what a feed shows. The default asks {@link
   * #search}; a backend may skip the facets when the order is by date.
   */
  default List<SearchHit> hits(SearchRequest request) throws IOException {
    return search(request).hits();
  }

  /**
   * The page of a person, brand or author within the scope of a search's filters ({@code q}, dates,
   * facets; its page and sort are ignored, its size is how many latest and salient articles to
   * list); empty when the archive has no entity of that name (case and accents ignored).
   *
   * @throws InvalidQueryException when the scope's query cannot run
   */
  Optional<EntityPage> entity(EntityType type, String name, SearchRequest scope) throws IOException;

  /** The display name of an entity the archive knows, matched case- and accent-folded. */
  Optional<String> entityName(EntityType type, String name) throws IOException;

  /** One page of the directory of people, brands or authors. */
  EntityListing entities(EntityListRequest request) throws IOException;

  /**
   * The tagger's person values the name model was unsure of, as written, with how many articles it
   * was unsure of them in, most first: what editors look at first. Empty when the archive does not
   * keep the model's confidence (indexes written before it was kept, backends without it yet).
   *
   * @param size the most values to answer
   */
  default List<FacetValue> lowConfidencePersons(int size) throws IOException {
    return List.of();
  }

  /**
   * The people and brands whose share of a window's articles is significantly above their share
   * before it.
   *
   * @throws IllegalArgumentException when the window is empty (from after the default to)
   */
  TrendingResponse trending(TrendingRequest request) throws IOException;

  /**
   * The people and brands over-represented in a search's result set against the whole archive, per
   * type label ({@code person}, {@code brand}), most significant first.
   */
  Map<String, List<SignificantEntity>> significant(SearchRequest request, Set<EntityType> types)
      throws IOException;

  /**
   * A story's versions, oldest first, with what changed between consecutive versions; empty when no
   * story has this id.
   */
  Optional<StoryDetail> story(String id) throws IOException;
}
