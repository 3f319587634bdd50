package dev.carnews.bench;

import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.SearchHit;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.SortOrder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The entity half of the suite (issue 14), over {@code GET} of an in-process app on one client:
 * entity pages of the 100 most named people and brands, trending for random seven-day windows of
 * the index's span (people, brands or both), and Atom feeds (the search mix's queries newest first,
 * and entity feeds). Seeded, so every run asks the same. The first entity request of a reader
 * builds its entity directory; its time is reported apart as {@code firstEntityMs}.
 */
final class EntityBench {

  /** One HTTP GET of a path, answering the body's length. */
  @FunctionalInterface
  interface Getter {
    long get(String pathAndQuery) throws IOException;
  }

  private static final int TOP = 100;

  private EntityBench() {}

  /** Latencies per endpoint ({@code entity}, {@code trending}, {@code feed}). */
  static Map<String, Object> run(
      NewsArchive archive, Getter http, List<BenchQuery> mix, int warmUp, int measured, long seed)
      throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    long started = System.nanoTime();
    for (EntityType type : List.of(EntityType.PERSON, EntityType.BRAND)) {
      EntityListing top =
          archive.entities(new EntityListRequest(type, "", EntityListRequest.Sort.COUNT, 1, TOP));
      top.entities().forEach(e -> names.add(type.label() + "/" + encode(e.name())));
    }
    result.put("firstEntityMs", (System.nanoTime() - started) / 1e6);
    if (names.isEmpty()) {
      return result;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int total = warmUp + measured;
    List<String> entity = new ArrayList<>();
    List<String> trending = new ArrayList<>();
    List<String> feed = new ArrayList<>();
    LocalDate[] span = span(archive);
    long days = Math.max(1, ChronoUnit.DAYS.between(span[0], span[1]) - 6);
    String[] types = {"type=person", "type=brand", "type=person,brand"};
    for (int i = 0; i < total; i++) {
      entity.add("/api/entities/" + names.get(random.nextInt(names.size())));
      LocalDate from = span[0].plusDays(random.nextLong(days));
      trending.add(
          "/api/trending?"
              + types[random.nextInt(types.length)]
              + "&from="
              + from
              + "&to="
              + from.plusDays(6));
      feed.add(
          i % 3 == 2
              ? "/api/entities/" + names.get(random.nextInt(names.size())) + ".atom"
              : "/api/search.atom?"
                  + mix.get(random.nextInt(mix.size()))
                      .queryString()
                      .replaceAll("&sort=[a-z]+", ""));
    }
    result.put("entity", measure(http, entity, warmUp));
    result.put("trending", measure(http, trending, warmUp));
    result.put("trendingDefaultWindowMs", once(http, "/api/trending"));
    result.put("feed", measure(http, feed, warmUp));
    result.put(
        "examples", List.of(entity.get(total - 1), trending.get(total - 1), feed.get(total - 1)));
    return result;
  }

  private static Latencies measure(Getter http, List<String> paths, int warmUp) throws Exception {
    for (String path : paths.subList(0, warmUp)) {
      http.get(path);
    }
    List<String> measured = paths.subList(warmUp, paths.size());
    long[] nanos = new long[measured.size()];
    long start = System.nanoTime();
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      http.get(measured.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    return Latencies.of(nanos, nanos.length / ((System.nanoTime() - start) / 1e9));
  }

  private static double once(Getter http, String path) throws IOException {
    long t = System.nanoTime();
    http.get(path);
    return (System.nanoTime() - t) / 1e6;
  }

  /** The first and last publication days of the index. */
  private static LocalDate[] span(NewsArchive archive) throws IOException {
    LocalDate first = day(archive, SortOrder.OLDEST);
    LocalDate last = day(archive, SortOrder.NEWEST);
    return new LocalDate[] {first, last.isBefore(first) ? first : last};
  }

  private static LocalDate day(NewsArchive archive, SortOrder sort) throws IOException {
    List<SearchHit> hits = archive.search(SearchRequest.of("").withPage(sort, 1, 1)).hits();
    Instant when = hits.isEmpty() ? null : hits.get(0).published();
    return when == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.ofInstant(when, ZoneOffset.UTC);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
