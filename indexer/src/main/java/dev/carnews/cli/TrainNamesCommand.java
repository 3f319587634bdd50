package dev.carnews.cli;

import dev.carnews.evaluation.NameModelCrossValidator;
import dev.carnews.evaluation.NameModelEvaluator;
import dev.carnews.nlp.training.NameModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

  @Option(
      names = "--train",
      required = true,
      description =
          "CoNLL-2003 English training file; repeat it to train on several (each file is its own"
              + " stretch of text for document-level features)")
  List<Path> train;

  @Option(names = "--dev", description = "CoNLL-2003 English file to score the model on")
  Path dev;

  @Option(names = "--out", description = "where to write the model (required unless --folds)")
  Path out;

  @Option(
      names = "--folds",
      defaultValue = "0",
      description =
          "k-fold cross-validation on --train instead of training one model: split by document,"
              + " train on k-1 folds, print each held-out fold's strict PER P/R/F1 and the mean"
              + " and standard deviation")
  int folds;

  @Option(
      names = "--documents",
      description =
          "with --folds, for a --train file without -DOCSTART- lines: its JSON Lines rebuild"
              + " (one body line per sentence, e.g. conll2003-train.jsonl) giving the documents")
  Path documents;

  @Option(
      names = "--mark-documents",
      description =
          "with --folds: mark documents in the training and held-out folds so that document-level"
              + " features reset per document as at run time (without it both are one stream, as"
              + " eval-names --conll reads a file without -DOCSTART- lines)")
  boolean markDocuments;

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

  @Option(
      names = "--no-context",
      description =
          "leave out the context-aggregation features (how the same word is written and"
              + " surrounded in the sentences nearby; the article at run time)")
  boolean noContext;

  @Override
  public Integer call() throws Exception {
    NameModelTrainer.Options options =
        new NameModelTrainer.Options(
            algorithm,
            iterations,
            cutoff,
            !personsOnly,
            !noClusters,
            !noGazetteer,
            bilou,
            !noContext);
    if (folds != 0) {
      return crossValidate(options);
    }
    if (out == null) {
      System.err.println("train-names: --out is required unless --folds is given");
      return 2;
    }
    long started = System.nanoTime();
    TokenNameFinderModel model = NameModelTrainer.train(train, options);
    NameModelTrainer.write(model, out);
    System.out.printf(
        Locale.ROOT,
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

  private int crossValidate(NameModelTrainer.Options options) throws Exception {
    if (train.size() != 1) {
      System.err.println("train-names: --folds takes one --train file");
      return 2;
    }
    List<List<List<String>>> docs;
    try {
      docs = NameModelCrossValidator.documents(train.get(0), documents);
    } catch (IOException e) {
      System.err.println("train-names: " + e.getMessage());
      return 2;
    }
    if (folds < 2 || folds > docs.size()) {
      System.err.println(
          "train-names: --folds must be between 2 and the number of documents ("
              + docs.size()
              + ")");
      return 2;
    }
    System.out.printf(
        Locale.ROOT,
        "%d-fold cross-validation of %s on %s (%d documents, training documents %s)%n",
        folds,
        options,
        train.get(0),
        docs.size(),
        markDocuments ? "marked" : "not marked");
    Path work = Files.createTempDirectory("names-cv");
    try {
      NameModelCrossValidator.Report report =
          NameModelCrossValidator.crossValidate(
              docs,
              folds,
              options,
              markDocuments,
              work,
              fold ->
                  System.out.printf(
                      Locale.ROOT,
                      "fold %d (%d documents, %.0f s): %s%n",
                      fold.index(),
                      fold.documents(),
                      fold.seconds(),
                      fold.scores().summary()));
      System.out.println(report.summary());
    } finally {
      Files.deleteIfExists(work);
    }
    return 0;
  }

  /** Runs the command on its own. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new TrainNamesCommand()).execute(args));
  }
}
