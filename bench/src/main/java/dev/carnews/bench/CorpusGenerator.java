package dev.carnews.bench;

import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Makes any number of already-tagged articles from a base of really tagged ones: new ids, dates
 * spread over twenty years, the title of one base article over paragraphs of several, and authors,
 * brands and people drawn with a Zipf skew on top of the entities the paragraphs' articles had.
 * Article {@code i} depends only on the base and the seed, so every run makes the same corpus.
 */
final class CorpusGenerator {

  /** The first publication day of generated articles. */
  static final LocalDate FIRST_DAY = LocalDate.of(2006, 1, 1);

  /** Generated dates span this many years from {@link #FIRST_DAY}. */
  static final int YEARS = 20;

  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n|\\n(?=\\S)");

  private static final List<String> FIRST_NAMES =
      List.of(
          "Alma", "Bruno", "Carys", "Dario", "Elin", "Fabian", "Greta", "Hugo", "Ines", "Jonas",
          "Kaja", "Lorenz", "Mira", "Nils", "Orla", "Pavel", "Quinn", "Rosa", "Stellan", "Tove");

  private static final List<String> LAST_NAMES =
      List.of(
          "Abernathy",
          "Brightwell",
          "Castellane",
          "Drummond",
          "Ekholm",
          "Fairweather",
          "Galloway",
          "Hartigan",
          "Ivanov",
          "Jessup",
          "Kettering",
          "Lindqvist",
          "Marchetti",
          "Northcott",
          "Okafor",
          "Penhallow",
          "Quarrie",
          "Rasmussen",
          "Strand",
          "Thackeray",
          "Underhill",
          "Vasquez",
          "Whitlock",
          "Yardley",
          "Zeller");

  private final List<TaggedArticle> base;
  private final List<List<String>> paragraphs;
  private final List<String> authors;
  private final List<String> brands;
  private final List<String> persons;
  private final Zipf authorRanks;
  private final Zipf brandRanks;
  private final Zipf personRanks;
  private final long seed;
  private final long firstMillis;
  private final long spanMillis;

  /**
   * @param base really tagged articles, at least one
   * @param brandNames the marques to draw extra brands from, most common first
   * @param seed the seed of every random choice
   */
  CorpusGenerator(List<TaggedArticle> base, List<String> brandNames, long seed) {
    if (base.isEmpty()) {
      throw new IllegalArgumentException("the base corpus is empty");
    }
    if (brandNames.isEmpty()) {
      throw new IllegalArgumentException("no brand names");
    }
    this.base = List.copyOf(base);
    this.paragraphs = base.stream().map(CorpusGenerator::paragraphsOf).toList();
    this.authors = inventedAuthors();
    this.brands = List.copyOf(brandNames);
    this.persons = byFrequency(base);
    this.authorRanks = new Zipf(authors.size(), 1.1);
    this.brandRanks = new Zipf(brands.size(), 1.0);
    this.personRanks = new Zipf(Math.max(persons.size(), 1), 1.0);
    this.seed = seed;
    this.firstMillis = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    this.spanMillis =
        FIRST_DAY.plusYears(YEARS).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
            - firstMillis;
  }

  /** Generated article number {@code i} (0-based). */
  TaggedArticle article(long i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int lead = random.nextInt(base.size());
    TaggedArticle first = base.get(lead);
    List<String> body = new ArrayList<>(paragraphs.get(lead));
    Map<String, Entity> brandEntities = new LinkedHashMap<>();
    Map<String, Entity> personEntities = new LinkedHashMap<>();
    addAll(first, brandEntities, personEntities);
    int others = 1 + random.nextInt(3);
    for (int k = 0; k < others; k++) {
      int other = random.nextInt(base.size());
      List<String> from = paragraphs.get(other);
      int start = random.nextInt(from.size());
      int count = 1 + random.nextInt(Math.min(3, from.size() - start));
      body.addAll(from.subList(start, start + count));
      addAll(base.get(other), brandEntities, personEntities);
    }
    String brand = brands.get(brandRanks.next(random));
    brandEntities.putIfAbsent(brand, new Entity(EntityType.BRAND, brand, 1, 0.5));
    if (!persons.isEmpty() && random.nextInt(2) == 0) {
      String person = persons.get(personRanks.next(random));
      personEntities.putIfAbsent(person, new Entity(EntityType.PERSON, person, 1, 0.3));
    }
    String author = authors.get(authorRanks.next(random));
    Instant published = Instant.ofEpochMilli(firstMillis + random.nextLong(spanMillis));
    Article article =
        new Article(
            "gen-" + i,
            "https://news.example/archive/" + i,
            first.article().title(),
            String.join("\n\n", body),
            List.of(author),
            published,
            first.article().section(),
            List.of());
    return new TaggedArticle(
        article,
        List.of(author),
        List.copyOf(personEntities.values()),
        List.copyOf(brandEntities.values()),
        List.of());
  }

  private static void addAll(
      TaggedArticle article, Map<String, Entity> brands, Map<String, Entity> persons) {
    article.brands().forEach(entity -> brands.putIfAbsent(entity.name(), entity));
    article.persons().forEach(entity -> persons.putIfAbsent(entity.name(), entity));
  }

  private static List<String> paragraphsOf(TaggedArticle article) {
    List<String> result = new ArrayList<>();
    for (String paragraph : PARAGRAPHS.split(article.article().body())) {
      String clean = paragraph.strip();
      if (!clean.isEmpty()) {
        result.add(clean);
      }
    }
    return result.isEmpty() ? List.of(article.article().title()) : List.copyOf(result);
  }

  private static List<String> inventedAuthors() {
    List<String> result = new ArrayList<>();
    for (String last : LAST_NAMES) {
      for (String first : FIRST_NAMES) {
        result.add(first + " " + last);
      }
    }
    // A fixed shuffle so that the most frequent authors are not all one surname.
    SplittableRandom random = new SplittableRandom(17);
    for (int i = result.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = result.get(i);
      result.set(i, result.get(j));
      result.set(j, swap);
    }
    return List.copyOf(result);
  }

  private static List<String> byFrequency(List<TaggedArticle> base) {
    Map<String, Integer> counts = new HashMap<>();
    base.forEach(
        article -> article.persons().forEach(p -> counts.merge(p.name(), 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
