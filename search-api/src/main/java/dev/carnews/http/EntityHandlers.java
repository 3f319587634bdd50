package dev.carnews.http;

import dev.carnews.curation.Curation;
import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.TrendingRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code GET /api/entities/{type}/{name}} (an entity's page, narrowed by the search parameters),
 * {@code GET /api/entities} (the directory) and {@code GET /api/trending}.
 */
final class EntityHandlers {

  private final NewsArchive archive;
  private final FeedHandlers feeds;

  EntityHandlers(NewsArchive archive, FeedHandlers feeds) {
    this.archive = archive;
    this.feeds = feeds;
  }

  /** The Atom feed of an entity's newest articles. */
  void atom(Context ctx) throws IOException {
    Curation.Resolved entity =
        Params.curatedEntity(
            ctx,
            Params.entityType(ctx.pathParam("type")),
            Params.entityName(ctx.pathParam("name")));
    feeds.entityAtom(ctx, entity.type(), entity.name());
  }

  void page(Context ctx) throws IOException {
    Curation.Resolved entity =
        Params.curatedEntity(
            ctx,
            Params.entityType(ctx.pathParam("type")),
            Params.entityName(ctx.pathParam("name")));
    SearchRequest scope = Params.searchRequest(ctx);
    ctx.json(
        archive
            .entity(entity.type(), entity.name(), scope)
            .orElseThrow(EntityHandlers::unknownEntity));
  }

  void list(Context ctx) throws IOException {
    String type = Params.text(ctx, "type");
    if (type == null || type.isBlank()) {
      throw ApiException.badParameter("type is required: person, brand or author");
    }
    String sort = Params.text(ctx, "sort");
    try {
      ctx.json(
          archive.entities(
              new EntityListRequest(
                  Params.entityType(type),
                  Params.text(ctx, "q"),
                  sort == null || sort.isBlank() ? null : EntityListRequest.Sort.parse(sort),
                  Params.integer(ctx, "page", 1),
                  Params.integer(ctx, "size", EntityListRequest.DEFAULT_SIZE))));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }

  void trending(Context ctx) throws IOException {
    Set<EntityType> types = Params.entityTypes(ctx, "type");
    try {
      ctx.json(
          archive.trending(
              new TrendingRequest(
                  types.isEmpty() ? EnumSet.of(EntityType.PERSON, EntityType.BRAND) : types,
                  Params.date(ctx, "from"),
                  Params.date(ctx, "to"),
                  Params.integer(ctx, "min", TrendingRequest.DEFAULT_MIN_COUNT),
                  Params.integer(ctx, "size", TrendingRequest.DEFAULT_SIZE))));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter(e.getMessage());
    }
  }

  /** The 404 of a name the archive does not know; the name is not echoed. */
  static ApiException unknownEntity() {
    return ApiException.notFound("no entity with this name");
  }
}
