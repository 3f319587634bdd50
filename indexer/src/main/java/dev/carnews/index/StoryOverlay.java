package dev.carnews.index;

import dev.carnews.story.StoryText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The story state of writes the current reader does not show yet: the document written (so a
 * version can be re-pointed before a refresh), its fingerprint and band terms, or a tombstone for a
 * delete. Entries are dropped once a refreshed reader covers them. Not thread-safe: {@link
 * StoryJoin} uses it under its keeper's lock.
 *
 * @param <D> the document type of the store: a Lucene document, a Solr input document
 */
final class StoryOverlay<D> {

  /**
   * One unrefreshed write.
   *
   * @param id the article id
   * @param seq the order of the write; entries up to a reader's covered sequence are in it
   * @param doc the document written, or {@code null} for a delete
   * @param text the fingerprinted text, or {@code null} for a delete
   * @param story the story written, or {@code null} for a delete
   * @param bands the band terms written
   */
  public record Entry<D>(
      String id, long seq, D doc, StoryText text, String story, List<String> bands) {
    /** Whether this entry is a delete. */
    public boolean deleted() {
      return doc == null;
    }
  }

  /** The most writes one band term contributes as candidates. */
  public static final int MAX_PER_BAND = 50;

  private final Map<String, Entry<D>> entries = new HashMap<>();

  /** Every entry put, in the order of their sequence numbers (replaced ones too, until dropped). */
  private final ArrayDeque<Entry<D>> bySeq = new ArrayDeque<>();

  private final Map<String, Set<String>> byBand = new HashMap<>();
  private final Map<String, Set<String>> byStory = new HashMap<>();

  /** The entry of an article, or {@code null}. */
  public Entry<D> get(String id) {
    return entries.get(id);
  }

  /** Whether the overlay has an entry (a write or a delete) of an article. */
  public boolean contains(String id) {
    return entries.containsKey(id);
  }

  /** Adds an entry, replacing the article's earlier one. */
  public void put(Entry<D> entry) {
    remove(entries.get(entry.id()));
    entries.put(entry.id(), entry);
    bySeq.addLast(entry);
    for (String band : entry.bands()) {
      byBand.computeIfAbsent(band, key -> new HashSet<>()).add(entry.id());
    }
    if (entry.story() != null) {
      byStory.computeIfAbsent(entry.story(), key -> new HashSet<>()).add(entry.id());
    }
  }

  /** Drops every entry a reader covering writes up to {@code seq} shows. */
  public void dropCovered(long seq) {
    while (!bySeq.isEmpty() && bySeq.peekFirst().seq() <= seq) {
      // A replaced entry is no longer in the map: removing it again changes nothing.
      remove(bySeq.pollFirst());
    }
  }

  /** Live entries of a story. */
  public List<Entry<D>> members(String story) {
    List<Entry<D>> members = new ArrayList<>();
    for (String id : byStory.getOrDefault(story, Set.of())) {
      members.add(entries.get(id));
    }
    return members;
  }

  /** How many band terms each live entry shares with {@code bands}. */
  public Map<String, Integer> bandMatches(List<String> bands) {
    Map<String, Integer> counts = new HashMap<>();
    for (String band : bands) {
      int taken = 0;
      for (String id : byBand.getOrDefault(band, Set.of())) {
        // Thousands of copies share every band: a few per band are enough candidates.
        if (taken++ == MAX_PER_BAND) {
          break;
        }
        counts.merge(id, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** Live entries and tombstones. */
  public int size() {
    return entries.size();
  }

  private void remove(Entry<D> entry) {
    if (entry == null || !entries.remove(entry.id(), entry)) {
      // Gone already, or replaced by a newer write of the id whose band and story entries stay.
      return;
    }
    for (String band : entry.bands()) {
      Set<String> ids = byBand.get(band);
      if (ids != null && ids.remove(entry.id()) && ids.isEmpty()) {
        byBand.remove(band);
      }
    }
    if (entry.story() != null) {
      Set<String> ids = byStory.get(entry.story());
      if (ids != null && ids.remove(entry.id()) && ids.isEmpty()) {
        byStory.remove(entry.story());
      }
    }
  }
}
