package dev.carnews.cli;

import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.evaluation.EntityEvaluation;
import dev.carnews.ingest.Article;
import dev.carnews.nlp.NlpModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval-entities}: person and brand sets per article against hand-made gold. */
@Command(
    name = "eval-entities",
    mixinStandardHelpOptions = true,
    description = {
      "Tags JSON Lines articles with the whole entity pipeline and prints document-level",
      "precision, recall and F1 of the person and brand sets against a gold file",
      "({\"id\": ..., \"persons\": [...], \"brands\": [...]} per line, optional",
      "\"person_mentions\"/\"brand_mentions\" {canonical: [forms]}; a name is right when it",
      "folds (case, accents) to a canonical name or one of its forms)."
    })
public final class EvalEntitiesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "FILE",
      description = "JSON Lines articles")
  Path articles;

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "gold JSON Lines")
  Path gold;

  @Option(
      names = {"-v", "--verbose"},
      description = "list every false positive (FP) and false negative (FN)")
  boolean verbose;

  @Option(
      names = "--person-model",
      paramLabel = "FILE",
      description = "an OpenNLP person-name model to use instead of the bundled one")
  Path personModel;

  /** Exit code of a command-line mistake (a missing file, a gold id without its article). */
  static final int USAGE_ERROR = 2;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EntityEvaluation.Report report;
    try {
      requireFile("--articles", articles);
      requireFile("--gold", gold);
      Map<String, EntityEvaluation.Gold> expected = EntityEvaluation.readGold(gold);
      List<Article> read = Articles.read(articles, err);
      if (personModel != null) {
        requireFile("--person-model", personModel);
      }
      NewsEntityTagger tagger =
          personModel == null
              ? NewsEntityTagger.createDefault()
              : new NewsEntityTagger(NlpModels.load(personModel), BrandDictionary.loadDefault());
      report = EntityEvaluation.evaluate(read, expected, tagger);
    } catch (IOException | IllegalArgumentException e) {
      err.println("eval-entities: " + e.getMessage());
      err.flush();
      return USAGE_ERROR;
    }
    out.println(report.articles() + " articles in " + articles);
    out.println("persons per document: " + report.persons().summary());
    out.println("brands per document:  " + report.brands().summary());
    if (verbose) {
      for (EntityEvaluation.Mistake error : report.errors()) {
        out.printf(
            "  %s %s %-6s %s%n", error.id(), error.kind(), error.type().name(), error.name());
      }
    }
    out.flush();
    return 0;
  }

  private static void requireFile(String option, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(option + " " + file + ": no such file");
    }
  }
}
