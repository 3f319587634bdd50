package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.HtmlArticleReader;
import dev.carnews.ingest.InputFiles;
import dev.carnews.ingest.MalformedArticleException;
import dev.carnews.ingest.PublishedDates;
import dev.carnews.ingest.ReadOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measures {@link HtmlArticleReader} on an article-extraction benchmark laid out like {@code
 * corpora/aeb}: {@code html/<sha>.html.gz} pages, the true bodies in {@code ground-truth.json}
 * ({@code articleBody} keyed by sha) and page metadata in {@code aeb.jsonl} ({@code id} = {@code
 * aeb-} and the first 16 hex digits of the sha, with {@code lang}, {@code author}, {@code
 * published}). The body score is the token F1 of bags of lower-cased word tokens, per page,
 * averaged over pages.
 */
public final class HtmlBodyEvaluation {

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Precision, recall and F1 of one page's tokens. */
  public record TokenScore(double precision, double recall, double f1) {}

  /**
   * How often a field was right.
   *
   * @param correct pages where the reader's value matched
   * @param known pages where the benchmark gives a value
   */
  public record Accuracy(int correct, int known) {

    /** The share right, 0 when nothing was known. */
    public double rate() {
      return known == 0 ? 0 : (double) correct / known;
    }
  }

  /**
   * One page's outcome.
   *
   * @param sha the page key
   * @param english whether the benchmark marks it English ({@code lang} starting with {@code en})
   * @param score body token score
   * @param authorKnown whether the benchmark gives an author
   * @param authorCorrect whether the extracted authors match it (same name tokens, either way
   *     contained)
   * @param dateKnown whether the benchmark gives a date
   * @param dateCorrect whether the extracted date falls on the same UTC day
   * @param skipReason why the reader skipped the page, or empty
   */
  public record PageResult(
      String sha,
      boolean english,
      TokenScore score,
      boolean authorKnown,
      boolean authorCorrect,
      boolean dateKnown,
      boolean dateCorrect,
      String skipReason) {}

  /**
   * The whole run.
   *
   * @param pages every page scored, in sha order
   */
  public record Report(List<PageResult> pages) {

    /** Copies the list. */
    public Report {
      pages = List.copyOf(pages);
    }

    /** Mean precision, recall and F1 over the English pages (or all when {@code english} false). */
    public TokenScore mean(boolean englishOnly) {
      double p = 0;
      double r = 0;
      double f = 0;
      int n = 0;
      for (PageResult page : pages) {
        if (englishOnly && !page.english()) {
          continue;
        }
        p += page.score().precision();
        r += page.score().recall();
        f += page.score().f1();
        n++;
      }
      return n == 0 ? new TokenScore(0, 0, 0) : new TokenScore(p / n, r / n, f / n);
    }

    /** How many pages count for {@link #mean(boolean)}. */
    public long count(boolean englishOnly) {
      return pages.stream().filter(p -> !englishOnly || p.english()).count();
    }

    /** Pages with a benchmark author, and how many of them were right. */
    public Accuracy authorAccuracy() {
      int known = 0;
      int correct = 0;
      for (PageResult page : pages) {
        if (page.authorKnown()) {
          known++;
          correct += page.authorCorrect() ? 1 : 0;
        }
      }
      return new Accuracy(correct, known);
    }

    /** Pages with a benchmark date, and how many of them were right (same UTC day). */
    public Accuracy dateAccuracy() {
      int known = 0;
      int correct = 0;
      for (PageResult page : pages) {
        if (page.dateKnown()) {
          known++;
          correct += page.dateCorrect() ? 1 : 0;
        }
      }
      return new Accuracy(correct, known);
    }

    /** The lowest-scoring pages first. */
    public List<PageResult> worst(int limit) {
      return pages.stream()
          .sorted(Comparator.comparingDouble(p -> p.score().f1()))
          .limit(limit)
          .toList();
    }
  }

  private final HtmlArticleReader reader = new HtmlArticleReader();
  private final ObjectMapper mapper = new ObjectMapper();

  /** Scores the reader on the benchmark in {@code dir}. */
  public Report evaluate(Path dir) throws IOException {
    for (String required : List.of("ground-truth.json", "aeb.jsonl", "html")) {
      if (!Files.exists(dir.resolve(required))) {
        throw new IllegalArgumentException(
            "not a benchmark folder: " + dir.resolve(required) + " is missing");
      }
    }
    JsonNode truth = mapper.readTree(dir.resolve("ground-truth.json").toFile());
    Map<String, JsonNode> meta = new HashMap<>();
    try (BufferedReader lines =
        Files.newBufferedReader(dir.resolve("aeb.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode node = mapper.readTree(line);
          meta.put(node.path("id").asText(), node);
        }
      }
    }
    List<String> shas = new ArrayList<>();
    for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
      shas.add(it.next());
    }
    shas.sort(Comparator.naturalOrder());
    List<PageResult> results = new ArrayList<>();
    for (String sha : shas) {
      Path page = dir.resolve("html").resolve(sha + ".html.gz");
      if (!Files.exists(page)) {
        continue;
      }
      String gold = truth.path(sha).path("articleBody").asText("");
      JsonNode info = meta.getOrDefault("aeb-" + sha.substring(0, 16), mapper.createObjectNode());
      results.add(score(sha, page, gold, info));
    }
    return new Report(results);
  }

  private PageResult score(String sha, Path page, String gold, JsonNode info) throws IOException {
    boolean english = info.path("lang").asText("").toLowerCase(Locale.ROOT).startsWith("en");
    List<String> goldAuthors = authors(info.get("author"));
    String goldDate = info.path("published").asText("");
    Article article = null;
    String skip = "";
    try {
      article =
          reader.parse(
              InputFiles.readAllBytes(page), page.toUri().toString(), ReadOptions.defaults());
    } catch (MalformedArticleException e) {
      skip = e.getMessage();
    }
    TokenScore score = tokenScore(article == null ? "" : article.body(), gold);
    boolean authorCorrect =
        article != null && !goldAuthors.isEmpty() && sameAuthors(article.authors(), goldAuthors);
    boolean dateCorrect = false;
    if (article != null && article.published() != null && !goldDate.isBlank()) {
      Instant expected = PublishedDates.find(goldDate).orElse(null);
      dateCorrect =
          expected != null
              && expected
                  .atOffset(ZoneOffset.UTC)
                  .toLocalDate()
                  .equals(article.published().atOffset(ZoneOffset.UTC).toLocalDate());
    }
    return new PageResult(
        sha,
        english,
        score,
        !goldAuthors.isEmpty(),
        authorCorrect,
        !goldDate.isBlank(),
        dateCorrect,
        skip);
  }

  /** Token precision, recall and F1 of bags of lower-cased word tokens. */
  public static TokenScore tokenScore(String predicted, String gold) {
    Map<String, Integer> goldBag = bag(gold);
    Map<String, Integer> predictedBag = bag(predicted);
    int goldCount = goldBag.values().stream().mapToInt(Integer::intValue).sum();
    int predictedCount = predictedBag.values().stream().mapToInt(Integer::intValue).sum();
    if (goldCount == 0 && predictedCount == 0) {
      return new TokenScore(1, 1, 1);
    }
    int overlap = 0;
    for (Map.Entry<String, Integer> entry : predictedBag.entrySet()) {
      overlap += Math.min(entry.getValue(), goldBag.getOrDefault(entry.getKey(), 0));
    }
    double precision = predictedCount == 0 ? 0 : (double) overlap / predictedCount;
    double recall = goldCount == 0 ? 0 : (double) overlap / goldCount;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new TokenScore(precision, recall, f1);
  }

  private static Map<String, Integer> bag(String text) {
    Map<String, Integer> bag = new HashMap<>();
    for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty()) {
        bag.merge(token, 1, Integer::sum);
      }
    }
    return bag;
  }

  private static List<String> authors(JsonNode node) {
    List<String> result = new ArrayList<>();
    if (node == null || node.isNull()) {
      return result;
    }
    if (node.isArray()) {
      node.forEach(item -> result.add(item.asText()));
    } else {
      result.add(node.asText());
    }
    result.removeIf(String::isBlank);
    return result;
  }

  /** Same people when one side's name tokens contain the other's (bylines add roles, outlets). */
  static boolean sameAuthors(List<String> extracted, List<String> gold) {
    Set<String> ours = nameTokens(String.join(" ", extracted));
    Set<String> theirs = nameTokens(String.join(" ", gold));
    if (ours.isEmpty() || theirs.isEmpty()) {
      return false;
    }
    return ours.containsAll(theirs) || theirs.containsAll(ours);
  }

  private static Set<String> nameTokens(String text) {
    Set<String> tokens = new HashSet<>();
    for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty() && !"by".equals(token)) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
