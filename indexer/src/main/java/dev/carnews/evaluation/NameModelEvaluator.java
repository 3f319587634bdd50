package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.PersonResolver;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import dev.carnews.nlp.ScoredMention;
import dev.carnews.nlp.training.NameModelTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.Span;

/**
 * Measures the person-name model: strict span precision, recall and F1 of persons on a CoNLL-2003
 * file, and document-level person-set precision, recall and F1 on a JSON Lines file whose articles
 * carry gold {@code entities}.
 */
public final class NameModelEvaluator {

  private NameModelEvaluator() {}

  /**
   * Counts of a comparison against gold.
   *
   * @param truePositives predicted and gold
   * @param falsePositives predicted, not gold
   * @param falseNegatives gold, not predicted
   */
  public record Scores(long truePositives, long falsePositives, long falseNegatives) {

    /** Validates the counts. */
    public Scores {
      if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
        throw new IllegalArgumentException("counts must be >= 0");
      }
    }

    /** Adds two counts. */
    public Scores plus(Scores other) {
      return new Scores(
          truePositives + other.truePositives,
          falsePositives + other.falsePositives,
          falseNegatives + other.falseNegatives);
    }

    /** Precision; 0 when nothing was predicted. */
    public double precision() {
      long predicted = truePositives + falsePositives;
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    /** Recall; 0 when there is no gold. */
    public double recall() {
      long gold = truePositives + falseNegatives;
      return gold == 0 ? 0 : (double) truePositives / gold;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** One line for reports: {@code P=0.9312 R=0.9120 F1=0.9215 (tp=.. fp=.. fn=..)}. */
    public String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)",
          precision(),
          recall(),
          f1(),
          truePositives,
          falsePositives,
          falseNegatives);
    }
  }

  /** Compares predicted and gold spans of one type exactly (same start, end and type). */
  public static Scores compareSpans(Span[] predicted, Span[] gold, String type) {
    Set<Span> goldOfType = new HashSet<>();
    for (Span span : gold) {
      if (type.equals(span.getType())) {
        goldOfType.add(new Span(span.getStart(), span.getEnd(), type));
      }
    }
    long tp = 0;
    long fp = 0;
    for (Span span : predicted) {
      if (!type.equals(span.getType())) {
        continue;
      }
      if (goldOfType.contains(new Span(span.getStart(), span.getEnd(), type))) {
        tp++;
      } else {
        fp++;
      }
    }
    return new Scores(tp, fp, goldOfType.size() - tp);
  }

  /** Strict person-span scores of a model on a CoNLL-2003 English file. */
  public static Scores evaluateConll(TokenNameFinderModel model, Path conll) throws IOException {
    return evaluateConll(new NameFinderME(model), conll);
  }

  /** Strict person-span scores of any name finder on a CoNLL-2003 English file. */
  public static Scores evaluateConll(TokenNameFinder finder, Path conll) throws IOException {
    Scores total = new Scores(0, 0, 0);
    try (ObjectStream<NameSample> samples = NameModelTrainer.conllSamples(conll, true)) {
      NameSample sample;
      while ((sample = samples.read()) != null) {
        if (sample.isClearAdaptiveDataSet()) {
          finder.clearAdaptiveData();
        }
        String[] tokens = sample.getSentence();
        Span[] predicted = finder.find(tokens);
        total = total.plus(compareSpans(predicted, sample.getNames(), NlpModels.PERSON));
      }
    }
    return total;
  }

  /**
   * Document-level scores on JSON Lines articles ({@code body} and gold {@code entities} with
   * {@code type} {@code PER}, {@code start}, {@code end}, {@code text} into the body).
   *
   * @param mentionSets distinct folded person surfaces found against distinct gold surfaces
   * @param personSets persons after within-article resolution ({@link PersonResolver}, short forms
   *     joined to full names) against the gold mentions resolved the same way
   * @param articles how many articles were read
   */
  public record DocumentScores(Scores mentionSets, Scores personSets, int articles) {

    /** Validates the fields. */
    public DocumentScores {
      Objects.requireNonNull(mentionSets, "mentionSets");
      Objects.requireNonNull(personSets, "personSets");
    }
  }

  /** Document-level person-set scores of the pipeline on a JSON Lines file with gold entities. */
  public static DocumentScores evaluateJsonl(NlpModels models, Path jsonl) throws IOException {
    return evaluateJsonl(models, jsonl, new PersonResolver());
  }

  /** As {@link #evaluateJsonl(NlpModels, Path)} with a given resolver (e.g. another threshold). */
  public static DocumentScores evaluateJsonl(NlpModels models, Path jsonl, PersonResolver resolver)
      throws IOException {
    PersonFinder finder = new PersonFinder(models);
    PersonResolver goldResolver = new PersonResolver(0);
    Scores mentions = new Scores(0, 0, 0);
    Scores persons = new Scores(0, 0, 0);
    int articles = 0;
    for (JsonNode doc : goldDocuments(jsonl)) {
      articles++;
      String body = doc.path("body").asText("");
      List<Mention> gold = new ArrayList<>();
      for (JsonNode entity : doc.path("entities")) {
        if ("PER".equals(entity.path("type").asText())) {
          int start = entity.path("start").asInt();
          int end = entity.path("end").asInt();
          String surface = entity.path("text").asText();
          gold.add(new Mention(EntityType.PERSON, surface, start, end, surface));
        }
      }
      List<ScoredMention> found = finder.findScored(body);
      mentions =
          mentions.plus(
              compareSets(
                  keys(found.stream().map(ScoredMention::text).toList()),
                  keys(gold.stream().map(Mention::text).toList())));
      Set<String> foundPersons = new HashSet<>();
      for (Entity person : resolver.resolveScored(found, body, List.of()).persons()) {
        foundPersons.add(NameKeys.key(person.name()));
      }
      Set<String> goldPersons = new HashSet<>();
      for (Entity person : goldResolver.resolve(gold, body, List.of()).persons()) {
        goldPersons.add(NameKeys.key(person.name()));
      }
      persons = persons.plus(compareSets(foundPersons, goldPersons));
    }
    return new DocumentScores(mentions, persons, articles);
  }

  private static Set<String> keys(List<String> names) {
    Set<String> keys = new HashSet<>();
    for (String name : names) {
      keys.add(NameKeys.key(name));
    }
    return keys;
  }

  /**
   * The documents of a JSON Lines file with gold entities ({@code body}, {@code entities} with
   * {@code type}, {@code start}, {@code end}, {@code text}), blank lines skipped.
   */
  public static List<JsonNode> goldDocuments(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> documents = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          documents.add(json.readTree(line));
        }
      }
    }
    return documents;
  }

  /** Compares two sets of keys. */
  public static <T> Scores compareSets(Set<T> predicted, Set<T> gold) {
    List<T> hits = new ArrayList<>(predicted);
    hits.retainAll(gold);
    return new Scores(hits.size(), predicted.size() - hits.size(), gold.size() - hits.size());
  }
}
