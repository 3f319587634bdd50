package dev.carnews.cli;

import dev.carnews.nlp.NameModelEvaluator;
import dev.carnews.nlp.NameModelTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the person-name model on CoNLL-2003 English data and scores it on a development file. */
@Command(
    name = "train-names",
    mixinStandardHelpOptions = true,
    description =
        "Train the person-name model on a CoNLL-2003 file; print dev P/R/F1 (strict PER).")
public final class TrainNamesCommand implements Callable<Integer> {

  @Option(names = "--train", required = true, description = "CoNLL-2003 English training file")
  Path train;

  @Option(names = "--dev", description = "CoNLL-2003 English file to score the model on")
  Path dev;

  @Option(names = "--out", required = true, description = "where to write the model")
  Path out;

  @Option(
      names = "--algorithm",
      defaultValue = "PERCEPTRON",
      description = "MAXENT or PERCEPTRON (default: ${DEFAULT-VALUE})")
  String algorithm;

  @Option(names = "--iterations", defaultValue = "300", description = "default: ${DEFAULT-VALUE}")
  int iterations;

  @Option(names = "--cutoff", defaultValue = "0", description = "default: ${DEFAULT-VALUE}")
  int cutoff;

  @Option(
      names = "--persons-only",
      description = "train persons only (default: persons, organisations, locations, misc)")
  boolean personsOnly;

  @Option(names = "--no-clusters", description = "leave out the word-cluster features")
  boolean noClusters;

  @Option(names = "--no-gazetteer", description = "leave out the name-gazetteer features")
  boolean noGazetteer;

  @Option(names = "--bilou", description = "use the BILOU codec instead of BIO")
  boolean bilou;

  @Override
  public Integer call() throws Exception {
    NameModelTrainer.Options options =
        new NameModelTrainer.Options(
            algorithm, iterations, cutoff, !personsOnly, !noClusters, !noGazetteer, bilou);
    long started = System.nanoTime();
    TokenNameFinderModel model = NameModelTrainer.train(train, options);
    NameModelTrainer.write(model, out);
    System.out.printf(
        java.util.Locale.ROOT,
        "trained %s in %.0f s -> %s%n",
        options,
        (System.nanoTime() - started) / 1e9,
        out);
    if (dev != null) {
      System.out.println(
          "dev " + dev + " PER strict: " + NameModelEvaluator.evaluateConll(model, dev).summary());
    }
    return 0;
  }

  /** Runs the command on its own. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainNamesCommand()).execute(args));
  }
}
