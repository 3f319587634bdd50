package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Topic judgements on a labelled corpus (Reuters-21578's own topic index): a topic's title query
 * and description query, and as relevant every article whose {@code category} list holds the
 * topic's label. Read at run time from the files named; nothing of them is kept in the project.
 */
record TopicJudgements(List<Topic> topics, Map<String, Set<String>> relevant) {

  /** One topic: its label and the two queries a reader might type for it. */
  record Topic(String label, String title, String description) {}

  /** The queries of one kind. */
  enum Kind {
    TITLE,
    DESCRIPTION;

    String of(Topic topic) {
      return this == TITLE ? topic.title() : topic.description();
    }
  }

  /** Reads a topics file (label, title query, description query; # comments) and the corpus. */
  static TopicJudgements read(Path topicsFile, Path corpus) throws IOException {
    List<Topic> topics = new ArrayList<>();
    for (String line : Files.readAllLines(topicsFile, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length < 3) {
        throw new IOException("a topic needs label, title query and description: " + line);
      }
      topics.add(new Topic(parts[0].strip(), parts[1].strip(), parts[2].strip()));
    }
    Set<String> labels = new HashSet<>();
    topics.forEach(t -> labels.add(t.label()));
    Map<String, Set<String>> relevant = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode article = json.readTree(line);
        for (JsonNode category : article.path("category")) {
          if (labels.contains(category.asText())) {
            relevant
                .computeIfAbsent(category.asText(), l -> new HashSet<>())
                .add(article.path("id").asText());
          }
        }
      }
    }
    return new TopicJudgements(List.copyOf(topics), relevant);
  }

  /** A ranking of one query: the ids of the articles, best first. */
  @FunctionalInterface
  interface Ranker {
    List<String> rank(String query) throws IOException;
  }

  /** What one topic's query scored: its nDCG@10. */
  @FunctionalInterface
  interface PerTopic {
    void scored(Topic topic, double ndcg);
  }

  /**
   * nDCG@10, P@10 and recall@100 of {@code ranker} over every topic's query of {@code kind},
   * averaged and formatted as a column of the topics tables; {@code each} sees every topic's
   * nDCG@10.
   */
  String scores(Kind kind, Ranker ranker, PerTopic each) throws IOException {
    double ndcg = 0;
    double p10 = 0;
    double r100 = 0;
    for (Topic topic : topics) {
      List<String> ranked = ranker.rank(kind.of(topic));
      double one = ndcg(ranked, relevantTo(topic), 10);
      each.scored(topic, one);
      ndcg += one;
      p10 += precision(ranked, relevantTo(topic), 10);
      r100 += recall(ranked, relevantTo(topic), 100);
    }
    int n = topics.size();
    return String.format(Locale.ROOT, " %.3f  %.3f  %.3f         ", ndcg / n, p10 / n, r100 / n);
  }

  /** The articles relevant to a topic. */
  Set<String> relevantTo(Topic topic) {
    return relevant.getOrDefault(topic.label(), Set.of());
  }

  /** nDCG@k with binary gains. */
  static double ndcg(List<String> ranked, Set<String> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.contains(ranked.get(i))) {
        dcg += 1 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  /** Precision at k. */
  static double precision(List<String> ranked, Set<String> relevant, int k) {
    long hits = ranked.stream().limit(k).filter(relevant::contains).count();
    return (double) hits / k;
  }

  /** Recall at k. */
  static double recall(List<String> ranked, Set<String> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    long hits = ranked.stream().limit(k).filter(relevant::contains).count();
    return (double) hits / relevant.size();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
