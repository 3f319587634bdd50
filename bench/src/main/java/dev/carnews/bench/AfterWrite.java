package dev.carnews.bench;

import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.SearchRequest;
import dev.carnews.search.TrendingRequest;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code after-write}: what the first reader after a write pays (issue 25). Writes one article at a
 * time into an index (a copy: it writes), commits (which opens a new reader, as the service's write
 * acknowledgement does), then times the first search, entity page, entity directory page and
 * trending list on that reader, and the same requests once more on the same reader (steady).
 */
@Command(
    name = "after-write",
    mixinStandardHelpOptions = true,
    description =
        "Times the first search, entity page, directory and trending after each single write,"
            + " against the same requests on the same reader once warm.")
final class AfterWrite implements Callable<Integer> {

  @Option(names = "--index", required = true, description = "an index folder (a copy: it writes)")
  Path index;

  @Option(names = "--writes", description = "single writes measured (default: ${DEFAULT-VALUE})")
  int writes = 20;

  @Option(
      names = "--no-warm",
      description = "leave new readers cold, as before the service warmed them (issue 25)")
  boolean noWarm;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("no index folder " + index);
    }
    try (ArticleIndex articles = ArticleIndex.open(index)) {
      LuceneNewsArchive archive = new LuceneNewsArchive(articles);
      if (!noWarm) {
        articles.warmNewReadersWith(archive::warm);
      }
      EntityListing top =
          archive.entities(
              new EntityListRequest(EntityType.PERSON, "", EntityListRequest.Sort.COUNT, 1, 1));
      String person = top.entities().isEmpty() ? "nobody" : top.entities().get(0).name();
      Map<String, Callable<Object>> requests = new LinkedHashMap<>();
      int[] round = new int[1];
      requests.put(
          "search",
          () ->
              archive.search(
                  SearchRequest.of("market " + (round[0] % 2 == 0 ? "rates" : "prices"))));
      requests.put(
          "entity page", () -> archive.entity(EntityType.PERSON, person, SearchRequest.of("")));
      requests.put(
          "directory",
          () ->
              archive.entities(
                  new EntityListRequest(
                      EntityType.PERSON, "", EntityListRequest.Sort.COUNT, 1, 20)));
      requests.put(
          "trending",
          () ->
              archive.trending(
                  new TrendingRequest(
                      EnumSet.of(EntityType.PERSON, EntityType.BRAND), null, null, 3, 20)));
      for (int warm = 0; warm < 5; warm++) {
        for (Callable<Object> request : requests.values()) {
          request.call();
        }
      }
      long[] commits = new long[writes];
      Map<String, long[]> first = new LinkedHashMap<>();
      Map<String, long[]> steady = new LinkedHashMap<>();
      requests.keySet().forEach(name -> first.put(name, new long[writes]));
      requests.keySet().forEach(name -> steady.put(name, new long[writes]));
      for (int w = 0; w < writes; w++) {
        round[0] = w;
        articles.write(article(w));
        long committing = System.nanoTime();
        articles.commit();
        commits[w] = System.nanoTime() - committing;
        for (Map.Entry<String, Callable<Object>> request : requests.entrySet()) {
          long start = System.nanoTime();
          request.getValue().call();
          first.get(request.getKey())[w] = System.nanoTime() - start;
        }
        for (Map.Entry<String, Callable<Object>> request : requests.entrySet()) {
          long start = System.nanoTime();
          request.getValue().call();
          steady.get(request.getKey())[w] = System.nanoTime() - start;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%,d articles, %d single writes; ms after each write (first on the new reader) and"
              + " again on the same reader%n",
          articles.count(),
          writes);
      System.out.println(
          "  new readers "
              + (noWarm ? "cold" : "warmed before they serve")
              + "; commit (and refresh) p50 / max "
              + String.format(
                  Locale.ROOT, "%.1f / %.1f", percentile(commits, 0.5), percentile(commits, 1.0)));
      System.out.println("  request       first p50 / max        steady p50 / max");
      for (String name : requests.keySet()) {
        System.out.printf(
            Locale.ROOT,
            "  %-12s %8.1f / %-10.1f %8.1f / %.1f%n",
            name,
            percentile(first.get(name), 0.5),
            percentile(first.get(name), 1.0),
            percentile(steady.get(name), 0.5),
            percentile(steady.get(name), 1.0));
      }
    }
    return 0;
  }

  private static TaggedArticle article(int n) {
    Article article =
        new Article(
            "after-write-" + n,
            null,
            "Desk update " + n + " on market prices",
            "A short article written by the after-write bench, number " + n + ", about prices.",
            List.of("Bench Desk"),
            Instant.now(),
            "news",
            List.of());
    return new TaggedArticle(article, List.of("Bench Desk"), List.of(), List.of(), List.of(), null);
  }

  private static double percentile(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int at = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1));
    return sorted[at] / 1e6;
  }
}
