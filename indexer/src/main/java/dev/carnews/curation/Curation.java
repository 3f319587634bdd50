package dev.carnews.curation;

import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.TaggedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The editors' decisions and the automatic links, and what they make of each raw entity value.
 * Immutable: a decision gives a new curation, so readers never see half of one.
 *
 * <p>Values are matched on their folded key ({@link NameKeys#key}), as filters are. For a value the
 * rule is the latest active editor decision about it, else its automatic link (unless an editor
 * undid it). Resolving follows merges, aliases and retypes from value to value until a value has no
 * rule, a rename gives the display name, or a hide removes it; a cycle (which {@link #decide}
 * refuses, but automatic links could form) leaves the value as it is.
 */
public final class Curation {

  /** The longest chain of merges followed. */
  private static final int MAX_STEPS = 32;

  private static final Curation NONE = new Curation(List.of(), List.of());

  private final List<Decision> log;
  private final List<Decision> automatic;
  private final Set<String> inactive;
  private final Map<TypedKey, Decision> rules;

  /**
   * A value's type and folded key, what rules are looked up by.
   *
   * @param type the entity type
   * @param key the folded key of the name
   */
  public record TypedKey(EntityType type, String key) {

    /** The key of a name of a type. */
    public static TypedKey of(EntityType type, String name) {
      return new TypedKey(type, NameKeys.key(name));
    }
  }

  /**
   * The folded key decisions match a name on: what filters fold names to, for code that must not
   * depend on the analysis itself (the HTTP layer).
   */
  public static String keyOf(String name) {
    return NameKeys.key(name);
  }

  /**
   * What a raw value becomes.
   *
   * @param type its type now
   * @param name its display name now
   */
  public record Resolved(EntityType type, String name) {}

  private Curation(List<Decision> log, List<Decision> automatic) {
    this.log = List.copyOf(log);
    this.automatic = List.copyOf(automatic);
    this.inactive = inactive(this.log);
    this.rules = rules(this.log, this.automatic, inactive);
  }

  /** No decision: every value is shown as the tagger wrote it. */
  public static Curation none() {
    return NONE;
  }

  /** A curation of decisions already validated (read back from storage), in log order. */
  public static Curation of(List<Decision> log, List<Decision> automatic) {
    return log.isEmpty() && automatic.isEmpty() ? NONE : new Curation(log, automatic);
  }

  /** The editors' decisions, undos included, oldest first. */
  public List<Decision> log() {
    return log;
  }

  /** The automatic links, as last applied. */
  public List<Decision> automatic() {
    return automatic;
  }

  /** Whether nothing is decided: answers are the tagger's. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether the decision with this id applies (it has not been undone). */
  public boolean isActive(String id) {
    return !inactive.contains(id) && find(id).isPresent();
  }

  /** The decision with this id, editor's or automatic. */
  public Optional<Decision> find(String id) {
    for (Decision decision : log) {
      if (decision.id().equals(id)) {
        return Optional.of(decision);
      }
    }
    for (Decision decision : automatic) {
      if (decision.id().equals(id)) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }

  /**
   * The curation with one more editor decision, which is then the last of {@link #log()}.
   *
   * @throws InvalidDecisionException when the decision is malformed or would make a cycle
   * @throws UnknownDecisionException when an undo names no decision
   * @throws DecisionConflictException when an undo names a decision already undone
   */
  public Curation decide(
      DecisionKind kind,
      EntityType type,
      String value,
      String target,
      String note,
      String who,
      Instant when) {
    Objects.requireNonNull(kind, "kind");
    String id = "d" + (log.size() + 1);
    Decision decision;
    if (kind == DecisionKind.UNDO) {
      String undone = required(target, "target (the id of the decision to undo)");
      Decision previous = find(undone).orElseThrow(() -> new UnknownDecisionException(undone));
      if (!isActive(undone)) {
        throw new DecisionConflictException("decision " + undone + " is already undone");
      }
      decision =
          new Decision(
              id,
              kind,
              previous.type(),
              previous.value(),
              undone,
              who,
              when,
              note(note),
              Decision.Source.EDITOR);
    } else {
      decision = validated(id, kind, type, value, target, note, who, when);
    }
    List<Decision> next = new ArrayList<>(log);
    next.add(decision);
    Curation result = new Curation(next, automatic);
    if (kind != DecisionKind.UNDO && result.cyclic(TypedKey.of(type, decision.value()))) {
      throw new InvalidDecisionException(
          "this " + kind.label() + " would make a cycle: " + decision.target() + " leads back");
    }
    return result;
  }

  /**
   * The curation with the automatic links replaced by these: each becomes a decision of source
   * {@code auto} whose id depends only on the link, so an editor's undo of a link keeps holding
   * when the links are computed again. Links that are malformed or would make a cycle are skipped.
   */
  public Curation applyAutomatic(List<AutomaticLink> links, Instant when) {
    List<Decision> accepted = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (AutomaticLink link : links) {
      String id = automaticId(link);
      if (!ids.add(id)) {
        continue;
      }
      Decision decision;
      try {
        decision =
            validated(
                id,
                DecisionKind.MERGE,
                link.type(),
                link.value(),
                link.target(),
                link.evidence(),
                "auto",
                when);
      } catch (InvalidDecisionException e) {
        continue;
      }
      List<Decision> next = new ArrayList<>(accepted);
      next.add(
          new Decision(
              decision.id(),
              decision.kind(),
              decision.type(),
              decision.value(),
              decision.target(),
              decision.who(),
              decision.when(),
              decision.note(),
              Decision.Source.AUTO));
      if (!new Curation(log, next).cyclic(TypedKey.of(link.type(), link.value()))) {
        accepted = next;
      }
    }
    return of(log, accepted);
  }

  /** Where a proposed automatic link stands in this curation. */
  public enum LinkState {
    /** Not among the applied automatic links. */
    PROPOSED,
    /** Applied: answers show the value as its target, unless an editor decided about the value. */
    APPLIED,
    /** Applied once and undone by an editor: applying the links again keeps it undone. */
    UNDONE,
    /** An editor's active decision about the value wins over the link. */
    OVERRIDDEN;

    /** The name in JSON: {@code proposed}, {@code applied}, {@code undone}, {@code overridden}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where a link stands: proposed, applied, undone by an editor, or overridden by one. */
  public LinkState stateOf(AutomaticLink link) {
    String id = automaticId(link);
    if (inactive.contains(id)) {
      return LinkState.UNDONE;
    }
    Decision rule = rules.get(TypedKey.of(link.type(), link.value()));
    if (rule != null && rule.source() == Decision.Source.EDITOR) {
      return LinkState.OVERRIDDEN;
    }
    return rule != null && rule.id().equals(id) ? LinkState.APPLIED : LinkState.PROPOSED;
  }

  /** The stable id of an automatic link. */
  public static String automaticId(AutomaticLink link) {
    String text =
        link.type().label()
            + "\n"
            + NameKeys.key(link.value())
            + "\n"
            + NameKeys.key(link.target());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "a-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** What a raw value of a type becomes; empty when it is hidden. */
  public Optional<Resolved> resolve(EntityType type, String name) {
    EntityType currentType = type;
    String current = name;
    Set<TypedKey> seen = new HashSet<>();
    for (int step = 0; step < MAX_STEPS; step++) {
      TypedKey key = TypedKey.of(currentType, current);
      Decision rule = rules.get(key);
      if (rule == null) {
        return Optional.of(new Resolved(currentType, current));
      }
      if (!seen.add(key)) {
        break;
      }
      switch (rule.kind()) {
        case HIDE:
          return Optional.empty();
        case RENAME:
          return Optional.of(new Resolved(currentType, rule.target()));
        case RETYPE:
          currentType = EntityType.parse(rule.target());
          break;
        default:
          current = rule.target();
          break;
      }
    }
    return Optional.of(new Resolved(type, name));
  }

  /**
   * The name a filter on a value of this type should match: what the value resolves to when it
   * stays of that type, else the name as given. One map lookup per merge followed.
   */
  public String filterName(EntityType type, String name) {
    if (rules.isEmpty()) {
      return name;
    }
    return resolve(type, name).filter(r -> r.type() == type).map(Resolved::name).orElse(name);
  }

  /**
   * Where a filter on a value should look: the type and name the value resolves to, following
   * retypes too ({@code person=Ampere} after Ampere became a brand looks for the brand Ampere), or
   * the value as given when it is hidden or undecided.
   */
  public Resolved filterTarget(EntityType type, String name) {
    if (rules.isEmpty()) {
      return new Resolved(type, name);
    }
    return resolve(type, name).orElse(new Resolved(type, name));
  }

  /**
   * The article as the answers show it: each person and brand resolved, the entities that become
   * one merged (mentions added, the highest salience kept), hidden ones dropped, each list most
   * salient first; mentions follow their entity.
   */
  public TaggedArticle apply(TaggedArticle raw) {
    if (rules.isEmpty()) {
      return raw;
    }
    Map<TypedKey, Entity> persons = new LinkedHashMap<>();
    Map<TypedKey, Entity> brands = new LinkedHashMap<>();
    List<Entity> all = new ArrayList<>(raw.persons());
    all.addAll(raw.brands());
    boolean touched = false;
    for (Entity entity : all) {
      Optional<Resolved> resolved = resolve(entity.type(), entity.name());
      touched |= !resolved.equals(Optional.of(new Resolved(entity.type(), entity.name())));
      if (resolved.isEmpty()) {
        continue;
      }
      Resolved to = resolved.get();
      Map<TypedKey, Entity> into = to.type() == EntityType.BRAND ? brands : persons;
      into.merge(
          TypedKey.of(to.type(), to.name()),
          new Entity(to.type(), to.name(), entity.mentions(), entity.salience()),
          (a, b) ->
              new Entity(
                  a.type(),
                  a.name(),
                  a.mentions() + b.mentions(),
                  Math.max(a.salience(), b.salience())));
    }
    if (!touched) {
      // Nothing of this article is decided: it stays exactly as tagged, order included.
      return raw;
    }
    List<Mention> mentions = new ArrayList<>();
    for (Mention mention : raw.mentions()) {
      resolve(mention.type(), mention.canonical())
          .ifPresent(
              to ->
                  mentions.add(
                      new Mention(
                          to.type(), mention.text(), mention.start(), mention.end(), to.name())));
    }
    return new TaggedArticle(
        raw.article(),
        raw.authors(),
        bySalience(persons.values()),
        bySalience(brands.values()),
        mentions,
        raw.vector(),
        raw.personConfidence());
  }

  /**
   * The values whose answers differ between two curations: every raw value either names in a
   * decision (as value or target) that resolves differently in them. Only articles with these
   * values need rewriting.
   */
  public static Set<TypedKey> changed(Curation before, Curation after) {
    Map<TypedKey, String> candidates = new LinkedHashMap<>();
    before.candidates(candidates);
    after.candidates(candidates);
    Set<TypedKey> changed = new LinkedHashSet<>();
    candidates.forEach(
        (key, name) -> {
          if (!before.resolve(key.type(), name).equals(after.resolve(key.type(), name))) {
            changed.add(key);
          }
        });
    return changed;
  }

  /**
   * Every decision, editor's and automatic, about a value or with it as target (undos of those
   * included), oldest first.
   */
  public List<Decision> history(EntityType type, String name) {
    String key = NameKeys.key(name);
    Set<String> about = new HashSet<>();
    List<Decision> result = new ArrayList<>();
    List<Decision> all = new ArrayList<>(automatic);
    all.addAll(log);
    for (Decision decision : all) {
      boolean mine =
          decision.kind() == DecisionKind.UNDO
              ? about.contains(decision.target())
              : concerns(decision, type, key);
      if (mine) {
        about.add(decision.id());
        result.add(decision);
      }
    }
    return result;
  }

  private static boolean concerns(Decision decision, EntityType type, String key) {
    if (decision.type() == type && NameKeys.key(decision.value()).equals(key)) {
      return true;
    }
    if (decision.kind() == DecisionKind.RETYPE) {
      return EntityType.parse(decision.target()) == type
          && NameKeys.key(decision.value()).equals(key);
    }
    return decision.type() == type
        && decision.kind() != DecisionKind.HIDE
        && NameKeys.key(decision.target()).equals(key);
  }

  private void candidates(Map<TypedKey, String> into) {
    List<Decision> all = new ArrayList<>(log);
    all.addAll(automatic);
    for (Decision decision : all) {
      if (decision.kind() == DecisionKind.UNDO) {
        continue;
      }
      into.putIfAbsent(TypedKey.of(decision.type(), decision.value()), decision.value());
      if (decision.kind() == DecisionKind.RETYPE) {
        EntityType to = EntityType.parse(decision.target());
        into.putIfAbsent(TypedKey.of(to, decision.value()), decision.value());
      } else if (decision.target() != null) {
        into.putIfAbsent(TypedKey.of(decision.type(), decision.target()), decision.target());
      }
    }
  }

  private boolean cyclic(TypedKey start) {
    TypedKey current = start;
    Set<TypedKey> seen = new HashSet<>();
    while (current != null) {
      if (!seen.add(current)) {
        return true;
      }
      Decision rule = rules.get(current);
      if (rule == null || rule.kind() == DecisionKind.HIDE || rule.kind() == DecisionKind.RENAME) {
        return false;
      }
      current =
          rule.kind() == DecisionKind.RETYPE
              ? new TypedKey(EntityType.parse(rule.target()), current.key())
              : TypedKey.of(current.type(), rule.target());
    }
    return false;
  }

  private static List<Entity> bySalience(Collection<Entity> entities) {
    List<Entity> sorted = new ArrayList<>(entities);
    sorted.sort(Comparator.comparingDouble(Entity::salience).reversed());
    return sorted;
  }

  private static Decision validated(
      String id,
      DecisionKind kind,
      EntityType type,
      String value,
      String target,
      String note,
      String who,
      Instant when) {
    if (type == null || type == EntityType.AUTHOR) {
      throw new InvalidDecisionException("type must be person or brand");
    }
    String name = name(value, "value");
    String to = null;
    switch (kind) {
      case MERGE:
      case ALIAS:
        to = name(target, "target");
        if (NameKeys.key(to).equals(NameKeys.key(name))) {
          throw new InvalidDecisionException("the target must be another entity than the value");
        }
        break;
      case RENAME:
        to = name(target, "target");
        if (to.equals(name)) {
          throw new InvalidDecisionException("the new name must differ from the value");
        }
        break;
      case RETYPE:
        EntityType other =
            EntityType.find(required(target, "target (the new type)"))
                .filter(t -> t != EntityType.AUTHOR)
                .orElseThrow(() -> new InvalidDecisionException("target must be person or brand"));
        if (other == type) {
          throw new InvalidDecisionException("the new type must differ from the type");
        }
        to = other.label();
        break;
      case HIDE:
        if (target != null && !target.isBlank()) {
          throw new InvalidDecisionException("hide takes no target");
        }
        break;
      default:
        throw new InvalidDecisionException("kind must not be " + kind.label());
    }
    return new Decision(id, kind, type, name, to, who, when, note(note), Decision.Source.EDITOR);
  }

  private static String name(String value, String what) {
    String name = required(value, what).strip().replaceAll("\\s+", " ");
    if (name.length() > Decision.MAX_NAME_LENGTH) {
      throw new InvalidDecisionException(
          what + " must be at most " + Decision.MAX_NAME_LENGTH + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl) || NameKeys.key(name).isEmpty()) {
      throw new InvalidDecisionException(what + " must be a name");
    }
    return name;
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new InvalidDecisionException(what + " is missing");
    }
    return value;
  }

  private static String note(String note) {
    if (note == null) {
      return "";
    }
    if (note.length() > Decision.MAX_NOTE_LENGTH) {
      throw new InvalidDecisionException(
          "note must be at most " + Decision.MAX_NOTE_LENGTH + " characters");
    }
    return note.strip();
  }

  /** The ids of decisions undone by an active undo; undos are read newest first. */
  private static Set<String> inactive(List<Decision> log) {
    Set<String> undone = new HashSet<>();
    for (int i = log.size() - 1; i >= 0; i--) {
      Decision decision = log.get(i);
      if (!undone.contains(decision.id()) && decision.kind() == DecisionKind.UNDO) {
        undone.add(decision.target());
      }
    }
    return undone;
  }

  private static Map<TypedKey, Decision> rules(
      List<Decision> log, List<Decision> automatic, Set<String> inactive) {
    Map<TypedKey, Decision> rules = new HashMap<>();
    for (Decision decision : log) {
      if (decision.kind() != DecisionKind.UNDO && !inactive.contains(decision.id())) {
        rules.put(TypedKey.of(decision.type(), decision.value()), decision);
      }
    }
    for (Decision link : automatic) {
      if (!inactive.contains(link.id())) {
        rules.putIfAbsent(TypedKey.of(link.type(), link.value()), link);
      }
    }
    return Map.copyOf(rules);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Curation that
        && log.equals(that.log)
        && automatic.equals(that.automatic);
  }

  @Override
  public int hashCode() {
    return Objects.hash(log, automatic);
  }

  @Override
  public String toString() {
    return "Curation[" + log.size() + " decisions, " + automatic.size() + " automatic]";
  }
}
