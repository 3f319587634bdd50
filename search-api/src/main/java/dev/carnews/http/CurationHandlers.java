package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.carnews.curation.AutomaticLink;
import dev.carnews.curation.Curation;
import dev.carnews.curation.Decision;
import dev.carnews.curation.DecisionConflictException;
import dev.carnews.curation.DecisionKind;
import dev.carnews.curation.InvalidDecisionException;
import dev.carnews.curation.UnknownDecisionException;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.PersonLinks;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.NewsArchive;
import dev.carnews.write.CurationStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curation routes: {@code POST /api/curation/decisions} and {@code POST
 * /api/curation/decisions/{id}/undo} (with a write key; answered once the decision and the articles
 * it rewrote are durable), {@code GET /api/curation/decisions} (the log), {@code GET
 * /api/curation/entities/{type}/{name}} (one entity's history) and {@code GET
 * /api/curation/candidates} (the values most worth an editor's look, for the editors' page); with a
 * write key, {@code GET /api/curation/links} (the automatic person links proposed now, with their
 * evidence) and {@code POST /api/curation/links/apply} (applies them as automatic decisions).
 */
final class CurationHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(CurationHandlers.class);

  /** The largest decision body, in bytes. */
  static final int MAX_DECISION_BYTES = 16 << 10;

  private final Optional<CurationStore> store;
  private final ApiKeys keys;
  private final NewsArchive archive;
  private final Candidates candidates;
  private final Clock clock;

  CurationHandlers(Optional<CurationStore> store, ApiKeys keys, NewsArchive archive, Clock clock) {
    this.store = store;
    this.keys = keys;
    this.archive = archive;
    this.candidates = new Candidates(archive);
    this.clock = clock;
  }

  /**
   * A decision as clients see it.
   *
   * @param id its id, what an undo names
   * @param kind merge, alias, rename, hide, retype or undo
   * @param type person or brand
   * @param value the value it is about
   * @param target the target entity, new name, new type or undone id; absent for hide
   * @param who the name of the key that made it, {@code auto} for automatic links
   * @param when when it was made
   * @param note why
   * @param source {@code editor} or {@code auto}
   * @param active whether it applies now (not undone)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DecisionView(
      String id,
      String kind,
      String type,
      String value,
      String target,
      String who,
      Instant when,
      String note,
      String source,
      boolean active) {

    static DecisionView of(Decision decision, Curation curation) {
      return new DecisionView(
          decision.id(),
          decision.kind().label(),
          decision.type().label(),
          decision.value(),
          decision.target(),
          decision.who(),
          decision.when(),
          decision.note(),
          decision.source().label(),
          curation.isActive(decision.id()));
    }
  }

  /**
   * The answer to a decision.
   *
   * @param decision the decision as logged
   * @param rewritten how many articles it rewrote
   */
  record Decided(DecisionView decision, int rewritten) {}

  /**
   * The decision log.
   *
   * @param decisions the editors' decisions, newest first
   * @param automatic the automatic links
   */
  record Log(List<DecisionView> decisions, List<DecisionView> automatic) {}

  /**
   * What the curation makes of one value, and why.
   *
   * @param type the type asked for
   * @param name the value asked for
   * @param shownAs what answers show for it; absent when it is hidden
   * @param decisions every decision about it, oldest first
   */
  record History(String type, String name, Shown shownAs, List<DecisionView> decisions) {}

  /**
   * A value as answers show it.
   *
   * @param type its type
   * @param name its display name
   */
  record Shown(String type, String name) {}

  void decide(Context ctx) throws IOException {
    String who = keys.authorize(ctx);
    CurationStore target = store();
    JsonNode body = RequestBodies.json(RequestBodies.text(ctx, MAX_DECISION_BYTES));
    if (!body.isObject()) {
      throw new ApiException(400, "bad_decision", "the body must be one JSON object");
    }
    DecisionKind kind = parse(() -> DecisionKind.parse(string(body, "kind")));
    EntityType type =
        kind == DecisionKind.UNDO
            ? null
            : parse(() -> EntityType.find(string(body, "type")).orElse(null));
    if (kind != DecisionKind.UNDO && (type == null || type == EntityType.AUTHOR)) {
      throw new ApiException(400, "bad_decision", "type must be person or brand");
    }
    String value = string(body, "value");
    String to = string(body, "target");
    String note = string(body, "note");
    Instant when = clock.instant();
    answer(ctx, target, c -> c.decide(kind, type, value, to, note, who, when));
  }

  void undo(Context ctx) throws IOException {
    String who = keys.authorize(ctx);
    CurationStore target = store();
    String text = RequestBodies.text(ctx, MAX_DECISION_BYTES);
    String note = null;
    if (!text.isBlank()) {
      JsonNode body = RequestBodies.json(text);
      if (!body.isObject()) {
        throw new ApiException(400, "bad_decision", "the body must be one JSON object");
      }
      note = string(body, "note");
    }
    String id = ctx.pathParam("id");
    String why = note;
    Instant when = clock.instant();
    answer(ctx, target, c -> c.decide(DecisionKind.UNDO, null, null, id, why, who, when));
  }

  void log(Context ctx) {
    Curation curation = current();
    List<DecisionView> decisions = new ArrayList<>();
    for (int i = curation.log().size() - 1; i >= 0; i--) {
      decisions.add(DecisionView.of(curation.log().get(i), curation));
    }
    List<DecisionView> automatic =
        curation.automatic().stream().map(d -> DecisionView.of(d, curation)).toList();
    ctx.json(new Log(decisions, automatic));
  }

  void history(Context ctx) throws IOException {
    EntityType type = Params.entityType(ctx.pathParam("type"));
    if (type == EntityType.AUTHOR) {
      throw ApiException.badParameter("type must be person or brand");
    }
    String name = Params.entityName(ctx.pathParam("name"));
    Curation curation = current();
    Shown shown =
        curation.resolve(type, name).map(r -> new Shown(r.type().label(), r.name())).orElse(null);
    List<DecisionView> decisions =
        curation.history(type, name).stream().map(d -> DecisionView.of(d, curation)).toList();
    if (decisions.isEmpty() && archive.entityName(type, name).isEmpty()) {
      throw ApiException.notFound("no such entity and no decision about it");
    }
    ctx.json(new History(type.label(), name, shown, decisions));
  }

  void candidates(Context ctx) throws IOException {
    int size = Params.integer(ctx, "size", Candidates.DEFAULT_SIZE);
    if (size < 1 || size > EntityListRequest.MAX_SIZE) {
      throw ApiException.badParameter("size must be 1.." + EntityListRequest.MAX_SIZE);
    }
    ctx.json(candidates.find(size, clock.instant()));
  }

  /** The automatic person links the archive proposes now, with their evidence and state. */
  void links(Context ctx) throws IOException {
    keys.authorize(ctx);
    int windowDays = windowDays(Params.text(ctx, "windowDays"));
    List<PersonLinks.ArticlePersons> articles = taggedPersons(store());
    PersonLinks.Result result = AutomaticLinks.link(articles, windowDays);
    ctx.json(AutomaticLinks.view(result, windowDays, articles.size(), current()));
  }

  /**
   * Computes the links and applies them through the store as the automatic decisions, replacing the
   * earlier ones: an editor's decision about a value still wins, an undone link stays undone.
   */
  void applyLinks(Context ctx) throws IOException {
    keys.authorize(ctx);
    CurationStore target = store();
    String text = RequestBodies.text(ctx, MAX_DECISION_BYTES);
    String window = Params.text(ctx, "windowDays");
    if (!text.isBlank()) {
      JsonNode body = RequestBodies.json(text);
      if (!body.isObject()) {
        throw ApiException.badParameter("the body must be one JSON object");
      }
      JsonNode days = body.get("windowDays");
      if (days != null && !days.isNull()) {
        if (!days.canConvertToInt() || !days.isIntegralNumber()) {
          throw ApiException.badParameter("windowDays must be a whole number");
        }
        window = days.asText();
      }
    }
    int windowDays = windowDays(window);
    List<AutomaticLink> links =
        AutomaticLinks.decisions(
            AutomaticLinks.link(taggedPersons(target), windowDays), windowDays);
    Instant when = clock.instant();
    CurationStore.Changed changed;
    try {
      changed = target.change(c -> c.applyAutomatic(links, when));
    } catch (IOException | RuntimeException e) {
      LOG.error("The automatic links could not be made durable", e);
      throw new ApiException(
          503, "not_durable", "the links could not be stored durably; they may be lost, retry");
    }
    Curation now = changed.curation();
    ctx.json(
        new AutomaticLinks.Applied(
            now.automatic().size(),
            AutomaticLinks.count(links, now, Curation.LinkState.UNDONE),
            AutomaticLinks.count(links, now, Curation.LinkState.OVERRIDDEN),
            changed.rewritten()));
  }

  private static List<PersonLinks.ArticlePersons> taggedPersons(CurationStore store)
      throws IOException {
    return store
        .taggedPersons()
        .orElseThrow(
            () ->
                new ApiException(
                    403,
                    "links_unavailable",
                    "this backend cannot list the tagger's person values to link them"));
  }

  private static int windowDays(String value) {
    if (value == null || value.isBlank()) {
      return (int) PersonLinks.DEFAULT_WINDOW.toDays();
    }
    int days;
    try {
      days = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("windowDays must be a whole number");
    }
    if (days < 0 || days > AutomaticLinks.MAX_WINDOW_DAYS) {
      throw ApiException.badParameter("windowDays must be 0.." + AutomaticLinks.MAX_WINDOW_DAYS);
    }
    return days;
  }

  private Curation current() {
    return store.map(CurationStore::current).orElse(Curation.none());
  }

  private CurationStore store() {
    return store.orElseThrow(
        () -> new ApiException(403, "writes_disabled", "curation is disabled on this server"));
  }

  private void answer(Context ctx, CurationStore target, UnaryOperator<Curation> change) {
    CurationStore.Changed changed;
    try {
      changed = target.change(change);
    } catch (InvalidDecisionException e) {
      throw new ApiException(400, "bad_decision", e.getMessage());
    } catch (UnknownDecisionException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (DecisionConflictException e) {
      throw new ApiException(409, "already_undone", e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.error("A curation decision could not be made durable", e);
      throw new ApiException(
          503, "not_durable", "the decision could not be stored durably; it may be lost, retry it");
    }
    List<Decision> log = changed.curation().log();
    Decision made = log.get(log.size() - 1);
    ctx.status(201)
        .json(new Decided(DecisionView.of(made, changed.curation()), changed.rewritten()));
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "bad_decision", e.getMessage());
    }
  }

  private static String string(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiException(400, "bad_decision", field + " must be a string");
    }
    return value.asText();
  }

  /** One page of the directory of a type, most named first, as large as pages go. */
  static EntityListing listing(NewsArchive archive, EntityType type, int page) throws IOException {
    return archive.entities(
        new EntityListRequest(
            type, null, EntityListRequest.Sort.COUNT, page, EntityListRequest.MAX_SIZE));
  }
}
