package dev.carnews.cli;

import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.evaluation.TaggingThroughput;
import dev.carnews.ingest.Article;
import dev.carnews.nlp.NlpModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench-tagging}: throughput of the whole entity pipeline, one thread and N threads. */
@Command(
    name = "bench-tagging",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the entity pipeline (sentences, tokens, persons, brands, canonical names) on a",
      "JSON Lines file: tokens/s and articles/s on one thread, then on --threads threads,",
      "after one warm-up pass."
    })
public final class BenchTaggingCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "JSON Lines articles")
  Path input;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads of the second run (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--rounds",
      paramLabel = "R",
      description = "passes over the file per run (default: ${DEFAULT-VALUE})")
  int rounds = 1;

  @Option(
      names = "--person-model",
      paramLabel = "FILE",
      description = "an OpenNLP person-name model to use instead of the bundled one")
  Path personModel;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (threads < 1 || rounds < 1) {
      spec.commandLine().getErr().println("--threads and --rounds must be >= 1");
      return 2;
    }
    List<Article> articles = Articles.read(input, spec.commandLine().getErr());
    if (articles.isEmpty()) {
      spec.commandLine().getErr().println("No articles in " + input);
      return 2;
    }
    NlpModels models = personModel == null ? NlpModels.loadDefault() : NlpModels.load(personModel);
    BrandDictionary brands = BrandDictionary.loadDefault();
    out.printf("%,d articles from %s, %d cores%n", articles.size(), input, cores());
    out.println(
        "warm-up: "
            + TaggingThroughput.run(() -> new NewsEntityTagger(models, brands), articles, 1, 1)
                .summary());
    out.flush();
    out.println(
        TaggingThroughput.run(() -> new NewsEntityTagger(models, brands), articles, 1, rounds)
            .summary());
    out.flush();
    if (threads > 1) {
      out.println(
          TaggingThroughput.run(
                  () -> new NewsEntityTagger(models, brands), articles, threads, rounds)
              .summary());
    }
    return 0;
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
