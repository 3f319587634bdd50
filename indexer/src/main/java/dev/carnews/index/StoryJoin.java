package dev.carnews.index;

import dev.carnews.story.MinHashBands;
import dev.carnews.story.StoryText;
import dev.carnews.story.VersionRule;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way a write joins its story, over any store (the local index, a SolrCloud collection). A
 * write fingerprints the text ({@link StoryText}, {@link MinHashBands}), takes the store's
 * candidate versions sharing the most band terms (plus the writes the store does not show yet),
 * confirms them with the {@link VersionRule}, and joins their stories: {@code story} is the id of
 * the earliest member, and members that pointed elsewhere are re-pointed. Updating an article out
 * of its story, or deleting a story's first article, re-points the remaining versions to the
 * earliest of them, so none is orphaned.
 *
 * <p>The writes a store's reader does not show yet are kept in a {@link StoryOverlay} and looked up
 * there first. Not thread-safe: a store's keeper calls it under one lock.
 *
 * @param <D> the store's document type
 */
public final class StoryJoin<D> {

  /**
   * One version as the join sees it: read from the store or from the overlay.
   *
   * @param id the article id
   * @param published the publication time, or {@code null} when unknown (or not read)
   * @param story its story, or {@code null} when it has none
   * @param doc the document as read from the store ({@code stored}), or as written
   * @param text its fingerprinted text, or {@code null} when only its story was read
   * @param stored whether it was read from the store (then re-written through {@link
   *     Store#rewritable})
   */
  public record Member<D>(
      String id, Instant published, String story, D doc, StoryText text, boolean stored) {

    /** Validates. */
    public Member {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A candidate version found by its band terms.
   *
   * @param id the article id
   * @param bands how many band terms it shares
   * @param read reads the candidate with its text (only when it is taken)
   */
  public record Candidate<D>(String id, int bands, Read<D> read) {}

  /** Reads one candidate. */
  @FunctionalInterface
  public interface Read<D> {
    Member<D> member() throws IOException;
  }

  /** What the join needs of a store, as its current reader shows it, and how it writes. */
  public interface Store<D> {

    /** An article's story (nothing else need be read), or {@code null} when it is not there. */
    Member<D> member(String id) throws IOException;

    /**
     * A story's first article (its id is the story's) with its date, or {@code null} when it is not
     * there or is in another story.
     */
    Member<D> first(String story) throws IOException;

    /** The members of a story, with their text and a document to re-write them from. */
    List<Member<D>> members(String story) throws IOException;

    /**
     * The articles sharing band terms with a fingerprint, most shared first, at most {@code 2 ×}
     * {@link MinHashBands#MAX_CANDIDATES} looked at; those whose signature estimates a similarity
     * under {@link MinHashBands#MIN_ESTIMATE} left out.
     */
    List<Candidate<D>> candidates(MinHashBands.Fingerprint print) throws IOException;

    /** A stored member's document rendered again, to be re-written. */
    D rewritable(Member<D> member) throws IOException;

    /** A copy of a document in a story, with the fingerprint's band terms (and signature). */
    D withStory(D doc, String story, MinHashBands.Fingerprint print);

    /** Re-writes a member (create or replace by id). */
    void rewrite(String id, D doc) throws IOException;
  }

  /** Writes the article's own document. */
  @FunctionalInterface
  public interface Write<D> {
    void apply(D doc) throws IOException;
  }

  /** Deletes the article; returns whether it existed. */
  @FunctionalInterface
  public interface Delete {
    boolean apply() throws IOException;
  }

  /** Orders a story's members: earliest published first (unknown dates last), then by id. */
  public static final Comparator<Member<?>> FIRST =
      Comparator.<Member<?>, Instant>comparing(
              Member::published, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(Member::id);

  private final VersionRule rule;
  private final StoryOverlay<D> overlay = new StoryOverlay<>();
  private long seq;

  /** Joins stories by {@code rule}. */
  public StoryJoin(VersionRule rule) {
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The sequence number of the last write (or delete) the overlay took. */
  public long lastSeq() {
    return seq;
  }

  /** Forgets the writes up to {@code upTo}: the store's reader shows them now. */
  public void covered(long upTo) {
    overlay.dropCovered(upTo);
  }

  /** Writes not yet covered. */
  public int pending() {
    return overlay.size();
  }

  /** Writes an article's document (through {@code change}) into its story. */
  public void write(Store<D> store, StoryText text, D doc, Write<D> change) throws IOException {
    String id = text.id();
    MinHashBands.Fingerprint print = MinHashBands.fingerprint(text);
    Member<D> old = member(store, id);
    Set<String> joined = new LinkedHashSet<>();
    for (Member<D> candidate : candidates(store, id, print)) {
      if (rule.judge(text, candidate.text()).version()) {
        joined.add(candidate.story());
      }
    }
    Member<D> self = new Member<>(id, text.published(), null, doc, text, false);
    Map<String, Member<D>> members = new LinkedHashMap<>();
    Member<D> first = joined.size() == 1 ? first(store, joined.iterator().next()) : null;
    if (first == null || FIRST.compare(self, first) < 0) {
      // Stories merge, or this article comes first: every member may need re-pointing.
      for (String story : joined) {
        for (Member<D> m : members(store, story)) {
          members.put(m.id(), m);
        }
      }
    }
    // Joining one story it does not precede, the article takes that story's first as its root.
    String root =
        Stream.concat(
                Stream.concat(members.values().stream(), Stream.ofNullable(first)), Stream.of(self))
            .min(FIRST)
            .orElseThrow()
            .id();
    D written = store.withStory(doc, root, print);
    change.apply(written);
    put(id, written, text, root, print.bands());
    for (Member<D> m : members.values()) {
      repoint(store, m, root);
    }
    if (old != null && id.equals(old.story()) && !(root.equals(id) && joined.contains(id))) {
      // The article was its story's first: versions it no longer matches stay one story.
      Set<String> moved = new HashSet<>(members.keySet());
      moved.add(id);
      reroot(store, id, moved);
    }
  }

  /** Deletes an article; the rest of its story stays one story under its earliest member. */
  public boolean delete(Store<D> store, String id, Delete change) throws IOException {
    Member<D> old = member(store, id);
    boolean existed = change.apply();
    put(id, null, null, null, List.of());
    if (old != null && id.equals(old.story())) {
      reroot(store, id, Set.of(id));
    }
    return existed;
  }

  /** Re-points the members of {@code story} not in {@code gone} to the earliest of them. */
  private void reroot(Store<D> store, String story, Set<String> gone) throws IOException {
    List<Member<D>> rest = new ArrayList<>(members(store, story));
    rest.removeIf(m -> gone.contains(m.id()));
    if (rest.isEmpty()) {
      return;
    }
    String root = rest.stream().min(FIRST).orElseThrow().id();
    for (Member<D> m : rest) {
      repoint(store, m, root);
    }
  }

  private void repoint(Store<D> store, Member<D> member, String root) throws IOException {
    if (root.equals(member.story())) {
      return;
    }
    MinHashBands.Fingerprint print = MinHashBands.fingerprint(member.text());
    D source = member.stored() ? store.rewritable(member) : member.doc();
    D written = store.withStory(source, root, print);
    store.rewrite(member.id(), written);
    put(member.id(), written, member.text(), root, print.bands());
  }

  private void put(String id, D doc, StoryText text, String story, List<String> bands) {
    overlay.put(new StoryOverlay.Entry<>(id, ++seq, doc, text, story, bands));
  }

  private Member<D> member(Store<D> store, String id) throws IOException {
    StoryOverlay.Entry<D> entry = overlay.get(id);
    if (entry != null) {
      return entry.deleted() ? null : fromOverlay(entry);
    }
    return store.member(id);
  }

  private Member<D> first(Store<D> store, String story) throws IOException {
    StoryOverlay.Entry<D> entry = overlay.get(story);
    if (entry != null) {
      return entry.deleted() || !story.equals(entry.story()) ? null : fromOverlay(entry);
    }
    return store.first(story);
  }

  /** The live members of a story: the store's, minus and plus the overlay's. */
  private List<Member<D>> members(Store<D> store, String story) throws IOException {
    List<Member<D>> members = new ArrayList<>();
    if (story == null) {
      return members;
    }
    for (Member<D> m : store.members(story)) {
      if (!overlay.contains(m.id())) {
        members.add(m);
      }
    }
    for (StoryOverlay.Entry<D> entry : overlay.members(story)) {
      members.add(fromOverlay(entry));
    }
    return members;
  }

  /**
   * The articles sharing the most band terms with a text, best first, without itself: the store's
   * (those the overlay has a newer write of left out) and the overlay's.
   */
  private List<Member<D>> candidates(Store<D> store, String id, MinHashBands.Fingerprint print)
      throws IOException {
    if (print.bands().isEmpty()) {
      return List.of();
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, Member<D>> found = new LinkedHashMap<>();
    for (Candidate<D> hit : store.candidates(print)) {
      if (counts.size() == MinHashBands.MAX_CANDIDATES) {
        break;
      }
      if (!hit.id().equals(id) && !overlay.contains(hit.id())) {
        counts.put(hit.id(), hit.bands());
        found.put(hit.id(), hit.read().member());
      }
    }
    overlay
        .bandMatches(print.bands())
        .forEach(
            (other, count) -> {
              if (!other.equals(id)) {
                counts.put(other, count);
                found.put(other, fromOverlay(overlay.get(other)));
              }
            });
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MinHashBands.MAX_CANDIDATES)
        .map(e -> found.get(e.getKey()))
        .toList();
  }

  private static <D> Member<D> fromOverlay(StoryOverlay.Entry<D> entry) {
    return new Member<>(
        entry.id(), entry.text().published(), entry.story(), entry.doc(), entry.text(), false);
  }
}
