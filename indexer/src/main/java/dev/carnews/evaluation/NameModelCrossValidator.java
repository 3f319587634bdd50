package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.evaluation.NameModelEvaluator.Scores;
import dev.carnews.nlp.training.NameModelTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * K-fold cross-validation of the person-name model on a CoNLL-2003 English file, split by document
 * so that no article has sentences on both sides: each fold trains on the other k-1 folds and
 * scores strict PER spans on its own documents.
 *
 * <p>Documents are marked by {@code -DOCSTART-} lines; the {@code eng.train} in {@code
 * ../shared/corpora} has none, so their sentence counts can come instead from the JSON Lines
 * rebuild of the same file ({@code conll2003-train.jsonl}: one body line per sentence).
 */
public final class NameModelCrossValidator {

  private static final String DOCSTART = "-DOCSTART-";

  private NameModelCrossValidator() {}

  /**
   * One fold's result.
   *
   * @param index fold number, from 1
   * @param documents held-out documents
   * @param scores strict PER spans on the held-out documents
   * @param seconds training and scoring time
   */
  public record Fold(int index, int documents, Scores scores, double seconds) {}

  /**
   * The folds of one run.
   *
   * @param folds every fold, in order
   */
  public record Report(List<Fold> folds) {

    /** Copies the folds. */
    public Report {
      folds = List.copyOf(folds);
    }

    /** Mean and sample standard deviation of one per-fold figure. */
    public double[] meanAndStd(ToDoubleFunction<Scores> figure) {
      double mean =
          folds.stream().mapToDouble(f -> figure.applyAsDouble(f.scores())).average().orElse(0);
      double squares = 0;
      for (Fold fold : folds) {
        double d = figure.applyAsDouble(fold.scores()) - mean;
        squares += d * d;
      }
      double std = folds.size() < 2 ? 0 : Math.sqrt(squares / (folds.size() - 1));
      return new double[] {mean, std};
    }

    /** One line: mean ± std of P, R and F1 over the folds. */
    public String summary() {
      double[] p = meanAndStd(Scores::precision);
      double[] r = meanAndStd(Scores::recall);
      double[] f = meanAndStd(Scores::f1);
      return String.format(
          Locale.ROOT,
          "mean over %d folds: P=%.4f±%.4f R=%.4f±%.4f F1=%.4f±%.4f",
          folds.size(),
          p[0],
          p[1],
          r[0],
          r[1],
          f[0],
          f[1]);
    }
  }

  /**
   * The documents of a CoNLL file, each a list of sentence blocks (the block's lines).
   *
   * @param conll the CoNLL-2003 English file
   * @param documentIndex JSON Lines articles whose {@code body} lines are the file's sentences in
   *     order, or null to split on {@code -DOCSTART-} lines
   */
  public static List<List<List<String>>> documents(Path conll, Path documentIndex)
      throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    List<Integer> docStarts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(conll, StandardCharsets.UTF_8)) {
      if (line.startsWith(DOCSTART)) {
        flush(sentences, current);
        docStarts.add(sentences.size());
      } else if (line.isBlank()) {
        flush(sentences, current);
      } else {
        current.add(line);
      }
    }
    flush(sentences, current);
    List<Integer> sizes =
        documentIndex != null ? bodyLineCounts(documentIndex) : sizesFrom(docStarts, sentences);
    if (sizes.isEmpty()) {
      throw new IOException(
          conll + " has no -DOCSTART- lines: give the documents' JSON Lines rebuild to split it");
    }
    int total = sizes.stream().mapToInt(Integer::intValue).sum();
    if (total != sentences.size()) {
      throw new IOException(
          "the documents cover " + total + " sentences but " + conll + " has " + sentences.size());
    }
    List<List<List<String>>> documents = new ArrayList<>();
    int next = 0;
    for (int size : sizes) {
      documents.add(List.copyOf(sentences.subList(next, next + size)));
      next += size;
    }
    return documents;
  }

  /**
   * Runs k-fold cross-validation: fold i holds out the i-th contiguous block of documents (the data
   * is in date order, so a fold is also a later or earlier stretch of news).
   *
   * @param documents the documents, from {@link #documents}
   * @param folds k, at least 2
   * @param options training options, as for the bundled model
   * @param markTrainingDocuments write {@code -DOCSTART-} between documents, training and held-out,
   *     so that document-level (adaptive) features reset per document, as they do at run time;
   *     without it both sides are one stream, as {@code eval-names --conll} reads the shared splits
   * @param work a directory for the fold files
   * @param progress called with each fold as it finishes
   */
  public static Report crossValidate(
      List<List<List<String>>> documents,
      int folds,
      NameModelTrainer.Options options,
      boolean markTrainingDocuments,
      Path work,
      java.util.function.Consumer<Fold> progress)
      throws IOException {
    if (folds < 2 || folds > documents.size()) {
      throw new IllegalArgumentException(
          "folds must be between 2 and the number of documents (" + documents.size() + ")");
    }
    Files.createDirectories(work);
    List<Fold> results = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      long started = System.nanoTime();
      int from = (int) ((long) fold * documents.size() / folds);
      int to = (int) ((long) (fold + 1) * documents.size() / folds);
      Path train = work.resolve("fold" + (fold + 1) + "-train.conll");
      Path test = work.resolve("fold" + (fold + 1) + "-test.conll");
      List<List<List<String>>> trainDocs = new ArrayList<>(documents.subList(0, from));
      trainDocs.addAll(documents.subList(to, documents.size()));
      write(trainDocs, train, markTrainingDocuments);
      // The held-out fold is written as its training folds are: a CoNLL file without -DOCSTART-
      // (the shared splits) is scored as one stream, so document-level features see the same
      // boundaries, or none, in training and in scoring.
      write(documents.subList(from, to), test, markTrainingDocuments);
      try {
        TokenNameFinderModel model = NameModelTrainer.train(train, options);
        Scores scores = NameModelEvaluator.evaluateConll(model, test);
        Fold result = new Fold(fold + 1, to - from, scores, (System.nanoTime() - started) / 1e9);
        results.add(result);
        progress.accept(result);
      } finally {
        Files.deleteIfExists(train);
        Files.deleteIfExists(test);
      }
    }
    return new Report(results);
  }

  private static void write(List<List<List<String>>> documents, Path file, boolean markDocuments)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (List<List<String>> document : documents) {
        if (markDocuments) {
          out.write(DOCSTART + " -X- -X- O\n\n");
        }
        for (List<String> sentence : document) {
          for (String line : sentence) {
            out.write(line);
            out.write('\n');
          }
          out.write('\n');
        }
      }
    }
  }

  private static void flush(List<List<String>> sentences, List<String> current) {
    if (!current.isEmpty()) {
      sentences.add(List.copyOf(current));
      current.clear();
    }
  }

  private static List<Integer> sizesFrom(List<Integer> docStarts, List<List<String>> sentences) {
    List<Integer> sizes = new ArrayList<>();
    if (!docStarts.isEmpty() && docStarts.get(0) > 0) {
      sizes.add(docStarts.get(0));
    }
    for (int i = 0; i < docStarts.size(); i++) {
      int end = i + 1 < docStarts.size() ? docStarts.get(i + 1) : sentences.size();
      if (end > docStarts.get(i)) {
        sizes.add(end - docStarts.get(i));
      }
    }
    return sizes;
  }

  private static List<Integer> bodyLineCounts(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Integer> sizes = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          String body = json.readTree(line).path("body").asText("");
          sizes.add(body.isEmpty() ? 0 : body.split("\n", -1).length);
        }
      }
    }
    return sizes;
  }
}
