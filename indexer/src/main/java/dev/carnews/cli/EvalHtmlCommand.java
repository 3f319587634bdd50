package dev.carnews.cli;

import dev.carnews.evaluation.HtmlBodyEvaluation;
import dev.carnews.evaluation.HtmlBodyEvaluation.Accuracy;
import dev.carnews.evaluation.HtmlBodyEvaluation.PageResult;
import dev.carnews.evaluation.HtmlBodyEvaluation.Report;
import dev.carnews.evaluation.HtmlBodyEvaluation.TokenScore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval-html}: scores the HTML reader's body, author and date on a saved-page benchmark. */
@Command(
    name = "eval-html",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the HTML reader on an article-extraction benchmark (corpora/aeb layout):",
      "body token precision/recall/F1 per page averaged over English pages, author and date accuracy."
    })
public final class EvalHtmlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--aeb",
      required = true,
      paramLabel = "DIR",
      description = "benchmark folder with html/, ground-truth.json and aeb.jsonl")
  Path aeb;

  @Option(
      names = "--worst",
      defaultValue = "0",
      paramLabel = "N",
      description = "also list the N lowest-scoring pages (default ${DEFAULT-VALUE})")
  int worst;

  @Override
  public Integer call() throws Exception {
    Report report;
    try {
      report = new HtmlBodyEvaluation().evaluate(aeb);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("eval-html: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    TokenScore english = report.mean(true);
    TokenScore all = report.mean(false);
    out.println("pages              precision  recall     F1");
    out.printf(
        Locale.ROOT,
        "english %5d      %.4f     %.4f     %.4f%n",
        report.count(true),
        english.precision(),
        english.recall(),
        english.f1());
    out.printf(
        Locale.ROOT,
        "all     %5d      %.4f     %.4f     %.4f%n",
        report.count(false),
        all.precision(),
        all.recall(),
        all.f1());
    Accuracy author = report.authorAccuracy();
    Accuracy date = report.dateAccuracy();
    out.printf(
        Locale.ROOT,
        "author accuracy: %d/%d (%.1f%%)%n",
        author.correct(),
        author.known(),
        100 * author.rate());
    out.printf(
        Locale.ROOT,
        "date accuracy (same UTC day): %d/%d (%.1f%%)%n",
        date.correct(),
        date.known(),
        100 * date.rate());
    for (PageResult page : report.worst(worst)) {
      out.printf(
          Locale.ROOT,
          "  %s en=%s P=%.3f R=%.3f F1=%.3f author=%s date=%s %s%n",
          page.sha().substring(0, 16),
          page.english(),
          page.score().precision(),
          page.score().recall(),
          page.score().f1(),
          page.authorCorrect(),
          page.dateCorrect(),
          page.skipReason());
    }
    out.flush();
    return 0;
  }

  /** Runs the command on its own (the indexer CLI also registers it as a subcommand). */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new EvalHtmlCommand());
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    System.exit(cli.execute(args));
  }
}
