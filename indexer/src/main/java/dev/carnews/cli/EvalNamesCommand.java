package dev.carnews.cli;

import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.entity.PersonResolver;
import dev.carnews.evaluation.NameModelEvaluator;
import dev.carnews.evaluation.SpanEvaluation;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores the person-name model: strict spans on CoNLL, person sets per document on JSON Lines. */
@Command(
    name = "eval-names",
    mixinStandardHelpOptions = true,
    description =
        "Print precision, recall and F1 of the person model: strict PER spans on a CoNLL-2003"
            + " file, or document-level person sets on a JSON Lines file with gold entities.")
public final class EvalNamesCommand implements Callable<Integer> {

  @Option(names = "--model", description = "person model file (default: the bundled model)")
  Path model;

  @Option(
      names = "--min-lone-probability",
      description =
          "confidence a lone unresolved name needs to count as a person in --jsonl person sets"
              + " (default: the resolver's)")
  Double minLoneProbability;

  @Option(
      names = "--spans",
      description =
          "with --jsonl: strict PER spans of the person finder and of the whole entity pipeline"
              + " (as POST /api/analyze reports them) against the gold entity offsets")
  boolean spans;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "with --spans: list every span the pipeline dropped (DROPPED), missed (FN) or added (FP)")
  boolean verbose;

  @ArgGroup(multiplicity = "1")
  Input input;

  /** Exactly one input file. */
  static final class Input {
    @Option(names = "--conll", description = "CoNLL-2003 English file (strict PER spans)")
    Path conll;

    @Option(names = "--jsonl", description = "JSON Lines articles with gold entities")
    Path jsonl;
  }

  @Override
  public Integer call() throws Exception {
    NlpModels models = model == null ? NlpModels.loadDefault() : NlpModels.load(model);
    if (input.conll != null) {
      NameModelEvaluator.Scores scores =
          NameModelEvaluator.evaluateConll(models.personModel(), input.conll);
      System.out.println("PER strict spans on " + input.conll + ": " + scores.summary());
    } else if (spans) {
      SpanEvaluation.Report report =
          SpanEvaluation.evaluate(
              input.jsonl,
              new NewsEntityTagger(models, BrandDictionary.loadDefault()),
              new PersonFinder(models),
              verbose ? System.out::println : line -> {});
      System.out.println(report.articles() + " articles in " + input.jsonl);
      System.out.println("PER strict spans, person finder:     " + report.finder().summary());
      System.out.println("PER strict spans, whole pipeline:    " + report.pipeline().summary());
    } else {
      NameModelEvaluator.DocumentScores scores =
          NameModelEvaluator.evaluateJsonl(
              models,
              input.jsonl,
              minLoneProbability == null
                  ? new PersonResolver()
                  : new PersonResolver(minLoneProbability));
      System.out.println(scores.articles() + " articles in " + input.jsonl);
      System.out.println("person mention sets per document: " + scores.mentionSets().summary());
      System.out.println("resolved person sets per document: " + scores.personSets().summary());
    }
    return 0;
  }

  /** Runs the command on its own. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalNamesCommand()).execute(args));
  }
}
