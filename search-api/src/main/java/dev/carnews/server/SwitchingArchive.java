package dev.carnews.server;

import dev.carnews.entity.EntityType;
import dev.carnews.search.ArchiveStatus;
import dev.carnews.search.ArticleDetail;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.EntityPage;
import dev.carnews.search.FacetValue;
import dev.carnews.search.IndexVersion;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.RelatedResponse;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SearchResponse;
import dev.carnews.search.SignificantEntity;
import dev.carnews.search.StoryDetail;
import dev.carnews.search.SuggestResponse;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.TrendingResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive of whichever local index the service serves now: each call runs on the index current
 * when it starts, which stays open until the call returns. Versions grow across a switch, so the
 * answer cache and HTTP validators never take an answer of the old index for one of the new.
 */
final class SwitchingArchive implements NewsArchive {

  private final LiveIndex live;

  SwitchingArchive(LiveIndex live) {
    this.live = live;
  }

  @Override
  public int count() throws IOException {
    return live.read(served -> served.archive.count());
  }

  @Override
  public IndexVersion version() throws IOException {
    return live.read(ServedIndex::version);
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return live.read(served -> served.archive.search(request));
  }

  @Override
  public SearchResponse searchAfter(SearchRequest request, String token) throws IOException {
    return live.read(served -> served.archive.searchAfter(request, token));
  }

  @Override
  public ArchiveStatus status() {
    return live.current().archive.status();
  }

  @Override
  public SuggestResponse suggest(String prefix) throws IOException {
    return live.read(served -> served.archive.suggest(prefix));
  }

  @Override
  public Optional<ArticleDetail> article(String id) throws IOException {
    return live.read(served -> served.archive.article(id));
  }

  @Override
  public Optional<RelatedResponse> related(String id, int size) throws IOException {
    return live.read(served -> served.archive.related(id, size));
  }

  @Override
  public List<SearchHit> hits(SearchRequest request) throws IOException {
    return live.read(served -> served.archive.hits(request));
  }

  @Override
  public Optional<EntityPage> entity(EntityType type, String name, SearchRequest scope)
      throws IOException {
    return live.read(served -> served.archive.entity(type, name, scope));
  }

  @Override
  public Optional<String> entityName(EntityType type, String name) throws IOException {
    return live.read(served -> served.archive.entityName(type, name));
  }

  @Override
  public EntityListing entities(EntityListRequest request) throws IOException {
    return live.read(served -> served.archive.entities(request));
  }

  @Override
  public List<FacetValue> lowConfidencePersons(int size) throws IOException {
    return live.read(served -> served.archive.lowConfidencePersons(size));
  }

  @Override
  public TrendingResponse trending(TrendingRequest request) throws IOException {
    return live.read(served -> served.archive.trending(request));
  }

  @Override
  public Map<String, List<SignificantEntity>> significant(
      SearchRequest request, Set<EntityType> types) throws IOException {
    return live.read(served -> served.archive.significant(request, types));
  }

  @Override
  public Optional<StoryDetail> story(String id) throws IOException {
    return live.read(served -> served.archive.story(id));
  }
}
