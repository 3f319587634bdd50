package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.analysis.NameKeys;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.evaluation.NameModelEvaluator.Scores;
import dev.carnews.ingest.Article;
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
 *
 * <p>A predicted name is right when it folds to a gold canonical name or to one of the surface
 * forms the gold lists for it ({@code person_mentions}, {@code brand_mentions}); a gold entity is
 * found when some prediction is right for it. A second right prediction for an entity already found
 * is neither a hit nor a false positive.
 */
public final class EntityEvaluation {

  private EntityEvaluation() {}

  /**
   * The gold entities of one article.
   *
   * @param id the article id
   * @param persons every real person of the story, by full name
   * @param brands every marque named, canonical names as in the brand dictionary
   * @param forms other written forms of a gold name, by canonical name (persons and brands)
   */
  public record Gold(
      String id, List<String> persons, List<String> brands, Map<String, List<String>> forms) {

    /** Copies the lists. */
    public Gold {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("gold id must not be blank");
      }
      persons = List.copyOf(persons);
      brands = List.copyOf(brands);
      forms = Map.copyOf(forms);
    }

    /** Gold without surface forms: only the canonical names count. */
    public Gold(String id, List<String> persons, List<String> brands) {
      this(id, persons, brands, Map.of());
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

  /**
   * Reads a gold file: one {@code {"id": ..., "persons": [...], "brands": [...]}} per line, with
   * optional {@code "person_mentions"} and {@code "brand_mentions"} ({@code {canonical: [forms]}});
   * other fields are ignored.
   *
   * @throws IOException when the file cannot be read or a line is not such an object
   */
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
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (IOException e) {
          throw new IOException(jsonl + ":" + number + ": not a JSON object", e);
        }
        if (node == null || !node.isObject() || !node.hasNonNull("id")) {
          throw new IOException(jsonl + ":" + number + ": a gold line needs an id");
        }
        Map<String, List<String>> forms = new LinkedHashMap<>();
        addForms(node.path("person_mentions"), forms);
        addForms(node.path("brand_mentions"), forms);
        Gold entry =
            new Gold(
                node.get("id").asText(), strings(node, "persons"), strings(node, "brands"), forms);
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
      List<String> shown = missing.stream().limit(5).toList();
      throw new IllegalArgumentException(
          missing.size()
              + " gold ids without an article: "
              + String.join(", ", shown)
              + (missing.size() > shown.size() ? ", ..." : ""));
    }
    long[] persons = new long[3];
    long[] brands = new long[3];
    List<Mistake> errors = new ArrayList<>();
    for (Gold expected : gold.values()) {
      TaggedArticle tagged = tagger.tag(byId.get(expected.id()));
      compare(
          expected, EntityType.PERSON, expected.persons(), tagged.personNames(), persons, errors);
      compare(expected, EntityType.BRAND, expected.brands(), tagged.brandNames(), brands, errors);
    }
    return new Report(
        gold.size(),
        new Scores(persons[0], persons[1], persons[2]),
        new Scores(brands[0], brands[1], brands[2]),
        errors);
  }

  private static void compare(
      Gold gold,
      EntityType type,
      List<String> expected,
      List<String> found,
      long[] counts,
      List<Mistake> errors) {
    // Folded canonical name or surface form -> the canonical name it stands for.
    Map<String, String> goldByKey = new LinkedHashMap<>();
    expected.forEach(name -> goldByKey.putIfAbsent(NameKeys.key(name), name));
    for (String name : expected) {
      for (String form : gold.forms().getOrDefault(name, List.of())) {
        goldByKey.putIfAbsent(NameKeys.key(form), name);
      }
    }
    Set<String> matched = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : found) {
      if (!seen.add(NameKeys.key(name))) {
        continue;
      }
      String canonical = goldByKey.get(NameKeys.key(name));
      if (canonical != null) {
        matched.add(canonical);
      } else {
        counts[1]++;
        errors.add(new Mistake(gold.id(), type, "FP", name));
      }
    }
    counts[0] += matched.size();
    for (String name : new LinkedHashSet<>(expected)) {
      if (!matched.contains(name)) {
        counts[2]++;
        errors.add(new Mistake(gold.id(), type, "FN", name));
      }
    }
  }

  private static void addForms(JsonNode mentions, Map<String, List<String>> forms) {
    mentions
        .fields()
        .forEachRemaining(
            entry -> {
              List<String> list = forms.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
              entry.getValue().forEach(form -> list.add(form.asText()));
            });
  }

  private static List<String> strings(JsonNode node, String field) {
    Set<String> values = new LinkedHashSet<>();
    node.path(field).forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }
}
