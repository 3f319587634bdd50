package dev.carnews.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.analysis.NameKeys;
import dev.carnews.ingest.Article;
import dev.carnews.nlp.NameModelEvaluator.Scores;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Document-level scores of the entity pipeline against hand-made gold: per article, the set of
 * people and the set of brands, compared on folded keys ({@link NameKeys#key}), micro-averaged over
 * (article, entity) pairs. This is what a facet shows, so it is what editors see.
 */
public final class EntityEvaluation {

  private EntityEvaluation() {}

  /**
   * The gold entities of one article.
   *
   * @param id the article id
   * @param persons every real person of the story, by full name
   * @param brands every marque named, canonical names as in the brand dictionary
   */
  public record Gold(String id, List<String> persons, List<String> brands) {

    /** Copies the lists. */
    public Gold {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("gold id must not be blank");
      }
      persons = List.copyOf(persons);
      brands = List.copyOf(brands);
    }
  }

  /**
   * A wrong answer on one article.
   *
   * @param id the article
   * @param type person or brand
   * @param kind {@code FP} (found, not in gold) or {@code FN} (in gold, not found)
   * @param name the name as found or as in the gold
   */
  public record Mistake(String id, EntityType type, String kind, String name) {}

  /**
   * The outcome of an evaluation.
   *
   * @param articles articles scored
   * @param persons person-set score
   * @param brands brand-set score
   * @param errors every false positive and false negative
   */
  public record Report(int articles, Scores persons, Scores brands, List<Mistake> errors) {

    /** Copies the list. */
    public Report {
      errors = List.copyOf(errors);
    }
  }

  /** Reads a gold file: one {@code {"id": ..., "persons": [...], "brands": [...]}} per line. */
  public static Map<String, Gold> readGold(Path jsonl) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Gold> gold = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        if (node == null || !node.hasNonNull("id")) {
          throw new IOException(jsonl + ":" + number + ": a gold line needs an id");
        }
        Gold entry =
            new Gold(node.get("id").asText(), strings(node, "persons"), strings(node, "brands"));
        if (gold.put(entry.id(), entry) != null) {
          throw new IOException(jsonl + ":" + number + ": id " + entry.id() + " given twice");
        }
      }
    }
    return gold;
  }

  /**
   * Tags every article that has gold and scores it.
   *
   * @throws IllegalArgumentException when a gold id has no article
   */
  public static Report evaluate(
      List<Article> articles, Map<String, Gold> gold, EntityTagger tagger) {
    Map<String, Article> byId = new LinkedHashMap<>();
    articles.forEach(article -> byId.put(article.id(), article));
    Set<String> missing = new TreeSet<>(gold.keySet());
    missing.removeAll(byId.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("gold ids without an article: " + missing);
    }
    long[] persons = new long[3];
    long[] brands = new long[3];
    List<Mistake> errors = new ArrayList<>();
    for (Gold expected : gold.values()) {
      TaggedArticle tagged = tagger.tag(byId.get(expected.id()));
      compare(
          expected.id(),
          EntityType.PERSON,
          expected.persons(),
          tagged.personNames(),
          persons,
          errors);
      compare(
          expected.id(), EntityType.BRAND, expected.brands(), tagged.brandNames(), brands, errors);
    }
    return new Report(
        gold.size(),
        new Scores(persons[0], persons[1], persons[2]),
        new Scores(brands[0], brands[1], brands[2]),
        errors);
  }

  private static void compare(
      String id,
      EntityType type,
      List<String> expected,
      List<String> found,
      long[] counts,
      List<Mistake> errors) {
    Map<String, String> gold = byKey(expected);
    Map<String, String> tagged = byKey(found);
    for (Map.Entry<String, String> entry : tagged.entrySet()) {
      if (gold.containsKey(entry.getKey())) {
        counts[0]++;
      } else {
        counts[1]++;
        errors.add(new Mistake(id, type, "FP", entry.getValue()));
      }
    }
    for (Map.Entry<String, String> entry : gold.entrySet()) {
      if (!tagged.containsKey(entry.getKey())) {
        counts[2]++;
        errors.add(new Mistake(id, type, "FN", entry.getValue()));
      }
    }
  }

  private static Map<String, String> byKey(List<String> names) {
    Map<String, String> keys = new LinkedHashMap<>();
    names.forEach(name -> keys.putIfAbsent(NameKeys.key(name), name));
    return keys;
  }

  private static List<String> strings(JsonNode node, String field) {
    Set<String> values = new LinkedHashSet<>();
    node.path(field).forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }
}
