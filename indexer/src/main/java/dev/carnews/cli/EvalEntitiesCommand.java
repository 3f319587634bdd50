package dev.carnews.cli;

import dev.carnews.entity.EntityEvaluation;
import dev.carnews.entity.NewsEntityTagger;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      "({\"id\": ..., \"persons\": [...], \"brands\": [...]} per line; names compared folded)."
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

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    EntityEvaluation.Report report =
        EntityEvaluation.evaluate(
            Articles.read(articles, spec.commandLine().getErr()),
            EntityEvaluation.readGold(gold),
            NewsEntityTagger.createDefault());
    out.println(report.articles() + " articles in " + articles);
    out.println("persons per document: " + report.persons().summary());
    out.println("brands per document:  " + report.brands().summary());
    if (verbose) {
      for (EntityEvaluation.Mistake error : report.errors()) {
        out.printf(
            "  %s %s %-6s %s%n", error.id(), error.kind(), error.type().name(), error.name());
      }
    }
    return 0;
  }
}
