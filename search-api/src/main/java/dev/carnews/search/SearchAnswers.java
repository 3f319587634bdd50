package dev.carnews.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search answers of one index version, least recently used first out, bounded by entry count
 * and a rough size: each answer weighs two bytes per character of its texts plus a fixed overhead
 * per object, enough to keep a cache of long snippets from growing past its bound. Thread-safe (one
 * lock; a look-up is a hash probe, far shorter than a search).
 */
final class SearchAnswers {

  /** A normalised search: the validated request and the cursor, if any. */
  record Key(SearchRequest request, String after) {}

  /** An answer, its weight, and how often it was asked for on this version. */
  private static final class Weighted {
    final SearchResponse response;
    final long bytes;
    int asked;

    Weighted(SearchResponse response, long bytes, int asked) {
      this.response = response;
      this.bytes = bytes;
      this.asked = asked;
    }
  }

  /** Rough bytes of an object header and its references. */
  private static final long OBJECT = 48;

  private final IndexVersion version;
  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<Key, Weighted> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  SearchAnswers(IndexVersion version, int maxEntries, long maxBytes) {
    this.version = version;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The index version these answers were computed on ({@code null}: none yet). */
  IndexVersion version() {
    return version;
  }

  synchronized SearchResponse get(Key key) {
    Weighted found = entries.get(key);
    if (found == null) {
      return null;
    }
    found.asked++;
    return found.response;
  }

  /**
   * Up to {@code count} searches without a cursor that were asked for on this version, the most
   * asked for first, the most recently asked first among equals: what a new version is warmed with.
   */
  synchronized List<Key> mostAsked(int count) {
    List<Map.Entry<Key, Weighted>> recentFirst = new ArrayList<>(entries.entrySet());
    Collections.reverse(recentFirst);
    return recentFirst.stream()
        .filter(entry -> entry.getKey().after() == null && entry.getValue().asked > 0)
        .sorted(
            Comparator.comparingInt((Map.Entry<Key, Weighted> entry) -> -entry.getValue().asked))
        .limit(count)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Keeps the answer of a search that was asked for. */
  void put(Key key, SearchResponse response) {
    put(key, response, 1);
  }

  /** Keeps an answer made ahead (warming), not yet asked for. */
  void putAhead(Key key, SearchResponse response) {
    put(key, response, 0);
  }

  private synchronized void put(Key key, SearchResponse response, int asked) {
    long weight = weigh(key, response);
    if (weight > maxBytes) {
      return;
    }
    Weighted old = entries.put(key, new Weighted(response, weight, asked));
    bytes += weight - (old == null ? 0 : old.bytes);
    Iterator<Weighted> eldest = entries.values().iterator();
    while (entries.size() > maxEntries || bytes > maxBytes) {
      bytes -= eldest.next().bytes;
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }

  /** The rough heap size of an entry. */
  static long weigh(Key key, SearchResponse response) {
    long total = 4 * OBJECT + chars(key.request().q());
    total += chars(key.request().brands()) + chars(key.request().authors());
    total += chars(key.request().persons());
    total += chars(response.didYouMean()) + chars(response.next());
    QueryInterpretation reading = response.interpretation();
    if (reading != null) {
      total += OBJECT + chars(reading.text()) + chars(reading.description());
      total += chars(reading.brands()) + chars(reading.persons());
    }
    for (SearchHit hit : response.hits()) {
      total += 2 * OBJECT + chars(hit.id()) + chars(hit.url()) + chars(hit.title());
      total += chars(hit.titleHtml()) + chars(hit.author()) + chars(hit.snippet());
      total += chars(hit.authors()) + chars(hit.brands()) + chars(hit.persons());
    }
    for (Map.Entry<String, List<FacetValue>> facet : response.facets().entrySet()) {
      total += OBJECT + chars(facet.getKey());
      for (FacetValue value : facet.getValue()) {
        total += OBJECT + chars(value.value());
      }
    }
    return total;
  }

  private static long chars(List<String> values) {
    long total = OBJECT;
    for (String value : values) {
      total += chars(value);
    }
    return total;
  }

  private static long chars(String text) {
    return text == null ? 0 : OBJECT + 2L * text.length();
  }
}
