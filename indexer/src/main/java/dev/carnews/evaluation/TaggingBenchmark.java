package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.entity.PersonResolver;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * Measures the person pipeline (paragraphs, sentences, tokens, person names, within-article
 * resolution) on JSON Lines articles: tokens/s and articles/s with one thread and with N threads,
 * after a warm-up pass. Usage: {@code TaggingBenchmark FILE.jsonl [THREADS] [ROUNDS]}.
 */
public final class TaggingBenchmark {

  private TaggingBenchmark() {}

  /**
   * One measurement.
   *
   * @param threads threads used
   * @param articles articles tagged
   * @param tokens tokens tagged
   * @param seconds wall-clock time
   */
  public record Result(int threads, long articles, long tokens, double seconds) {

    /** One report line. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "threads=%d articles=%d tokens=%d time=%.2fs tokens/s=%.0f articles/s=%.1f"
              + " tokens/s/thread=%.0f",
          threads,
          articles,
          tokens,
          seconds,
          tokens / seconds,
          articles / seconds,
          tokens / seconds / threads);
    }
  }

  /** Tags every text {@code rounds} times on {@code threads} threads, one finder per thread. */
  public static Result run(NlpModels models, List<String> texts, int threads, int rounds)
      throws InterruptedException, ExecutionException {
    TaggingThroughput.Result measured =
        TaggingThroughput.measure(() -> new PersonWork(models), texts, threads, rounds);
    return new Result(
        measured.threads(), measured.articles(), measured.tokens(), measured.seconds());
  }

  /** The person pipeline of one thread: names found, then resolved within the article. */
  private static final class PersonWork implements TaggingThroughput.Worker<String> {
    private final PersonFinder finder;
    private final PersonResolver resolver = new PersonResolver();

    PersonWork(NlpModels models) {
      this.finder = new PersonFinder(models);
    }

    @Override
    public void tag(String text) {
      resolver.resolveScored(finder.findScored(text), text, List.of());
    }

    @Override
    public long tokensProcessed() {
      return finder.tokensProcessed();
    }
  }

  /** Reads title and body of each article, joined as the tagger sees them. */
  static List<String> readTexts(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode doc = json.readTree(line);
          texts.add(doc.path("title").asText("") + "\n\n" + doc.path("body").asText(""));
        }
      }
    }
    return texts;
  }

  /** Prints the one-thread and N-thread figures. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: TaggingBenchmark FILE.jsonl [THREADS] [ROUNDS] [PERSON-MODEL]");
    }
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    NlpModels models = args.length > 3 ? NlpModels.load(Path.of(args[3])) : NlpModels.loadDefault();
    List<String> texts = readTexts(Path.of(args[0]));
    System.out.println("warm-up: " + run(models, texts, 1, 1).summary());
    System.out.println(run(models, texts, 1, rounds).summary());
    if (threads > 1) {
      System.out.println(run(models, texts, threads, rounds).summary());
    }
  }
}
