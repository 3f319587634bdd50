package dev.carnews.search.lucene.entities;

import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.EntityPage;
import dev.carnews.search.SignificantEntity;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.TrendingResponse;
import dev.carnews.search.lucene.facets.FacetStates;
import dev.carnews.search.lucene.hits.HitReader;
import dev.carnews.search.lucene.index.ReaderCache;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The read-side views of the entities: {@link EntityPages pages}, the {@link EntityListings
 * directory}, {@link Trending trends} and a search's significant entities, over the {@link
 * EntityDirectory} of each reader, built once per reader and dropped with it.
 */
public final class EntityViews {

  /** One reader's directory and its sorted listings. */
  private record PerReader(EntityDirectory directory, EntityListings listings) {}

  private final ReaderCache<PerReader> perReader;
  private final EntityPages pages;

  /** Views whose directories take each reader's facet state from {@code facetStates}. */
  public EntityViews(FacetStates facetStates, HitReader hitReader) {
    this.pages = new EntityPages(hitReader);
    SlotCounts.SegmentTallies segments = new SlotCounts.SegmentTallies();
    this.perReader =
        new ReaderCache<>(
            reader -> {
              EntityDirectory directory =
                  EntityDirectory.build(reader, facetStates.forReader(reader).state(), segments);
              return new PerReader(directory, new EntityListings(directory));
            });
  }

  /** Builds the directory and listings of a new reader before it serves. */
  public void warm(IndexSearcher searcher) throws IOException {
    perReader.get(searcher.getIndexReader());
  }

  public Optional<EntityPage> page(
      IndexSearcher searcher, EntityType type, String name, Query scope, Query text, int size)
      throws IOException {
    return pages.page(searcher, directory(searcher), type, name, scope, text, size);
  }

  public Optional<String> name(IndexSearcher searcher, EntityType type, String name)
      throws IOException {
    EntityDirectory directory = directory(searcher);
    return directory.find(type, name).map(slot -> directory.slot(slot).name());
  }

  public EntityListing list(IndexSearcher searcher, EntityListRequest request) throws IOException {
    return perReader.get(searcher.getIndexReader()).listings().list(request);
  }

  public TrendingResponse trending(IndexSearcher searcher, TrendingRequest request)
      throws IOException {
    return Trending.trending(searcher, directory(searcher), request);
  }

  public Map<String, List<SignificantEntity>> significant(
      IndexSearcher searcher, Query matches, Set<EntityType> types) throws IOException {
    return Trending.significant(searcher, directory(searcher), matches, types);
  }

  private EntityDirectory directory(IndexSearcher searcher) throws IOException {
    return perReader.get(searcher.getIndexReader()).directory();
  }
}
