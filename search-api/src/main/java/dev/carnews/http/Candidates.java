package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.carnews.curation.Curation;
import dev.carnews.entity.EntityType;
import dev.carnews.search.EntityListRequest;
import dev.carnews.search.EntityListing;
import dev.carnews.search.FacetValue;
import dev.carnews.search.NewsArchive;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entity values most worth an editor's look, read from the entity directory (the most named
 * persons and brands): bare surnames and first names of a fuller person value (with that value as
 * the suggested merge target when it is the only one), other one-word person values, values seen
 * both as a person and as a brand, the most named values first seen in the archive's last week, and
 * the person values the name model tagged with low confidence. Only the editors' page asks for
 * them, so reading a few directory pages costs no search.
 */
final class Candidates {

  /** Candidates per answer when the request does not say. */
  static final int DEFAULT_SIZE = 50;

  /** Directory pages read per type ({@link EntityListRequest#MAX_SIZE} entries each). */
  static final int PAGES = 5;

  /** How recent "new" is, before the archive's latest article. */
  static final Duration WEEK = Duration.ofDays(7);

  private final NewsArchive archive;

  Candidates(NewsArchive archive) {
    this.archive = archive;
  }

  /**
   * One value worth a look.
   *
   * @param type person or brand
   * @param name the value
   * @param count articles naming it
   * @param firstSeen its earliest dated article, when known
   * @param reasons why: {@code surname}, {@code first_name}, {@code one_word}, {@code
   *     person_and_brand}, {@code new_this_week}, {@code low_confidence}
   * @param suggestion the full name it likely means, when exactly one value fits
   * @param fullNames the fuller person values it is a part of, most named first
   * @param lowConfidence in how many articles the name model was unsure it is a person (below 0.5,
   *     the index's threshold); absent when in none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Candidate(
      String type,
      String name,
      long count,
      Instant firstSeen,
      List<String> reasons,
      String suggestion,
      List<String> fullNames,
      Long lowConfidence) {}

  /**
   * The candidates.
   *
   * @param candidates most named first
   */
  record Answer(List<Candidate> candidates) {}

  Answer find(int size, Instant now) throws IOException {
    List<EntityListing.Entry> persons = read(EntityType.PERSON);
    List<EntityListing.Entry> brands = read(EntityType.BRAND);
    Map<String, List<EntityListing.Entry>> byWord = new HashMap<>();
    for (EntityListing.Entry person : persons) {
      String[] words = person.name().split(" ");
      if (words.length > 1) {
        byWord
            .computeIfAbsent(
                "last:" + Curation.keyOf(words[words.length - 1]), k -> new ArrayList<>())
            .add(person);
        byWord
            .computeIfAbsent("first:" + Curation.keyOf(words[0]), k -> new ArrayList<>())
            .add(person);
      }
    }
    Set<String> brandKeys = new HashSet<>();
    brands.forEach(b -> brandKeys.add(Curation.keyOf(b.name())));
    Set<String> personKeys = new HashSet<>();
    persons.forEach(p -> personKeys.add(Curation.keyOf(p.name())));
    Instant latest = null;
    for (EntityListing.Entry entry : persons) {
      latest = later(latest, entry.lastSeen());
    }
    for (EntityListing.Entry entry : brands) {
      latest = later(latest, entry.lastSeen());
    }
    Instant weekStart = (latest == null ? now : latest).minus(WEEK);
    // Values the model was unsure of, by key; those an editor already decided about (hidden,
    // merged, retyped: the archive no longer shows them under that name) are not listed.
    Map<String, FacetValue> unsure = new LinkedHashMap<>();
    for (FacetValue value : archive.lowConfidencePersons(Math.max(size, DEFAULT_SIZE))) {
      Optional<String> shown = archive.entityName(EntityType.PERSON, value.value());
      String key = Curation.keyOf(value.value());
      if (shown.isPresent() && Curation.keyOf(shown.get()).equals(key)) {
        unsure.merge(
            key,
            new FacetValue(shown.get(), value.count()),
            (a, b) -> new FacetValue(a.value(), a.count() + b.count()));
      }
    }
    Map<String, Candidate> found = new LinkedHashMap<>();
    for (EntityListing.Entry person : persons) {
      List<String> reasons = new ArrayList<>();
      List<String> full = List.of();
      String key = Curation.keyOf(person.name());
      if (!person.name().contains(" ")) {
        List<EntityListing.Entry> last = byWord.getOrDefault("last:" + key, List.of());
        List<EntityListing.Entry> first = byWord.getOrDefault("first:" + key, List.of());
        if (!last.isEmpty()) {
          reasons.add("surname");
          full = names(last);
        } else if (!first.isEmpty()) {
          reasons.add("first_name");
          full = names(first);
        } else {
          reasons.add("one_word");
        }
      }
      if (brandKeys.contains(key)) {
        reasons.add("person_and_brand");
      }
      addIfNew(person, weekStart, reasons);
      FacetValue unsureOf = unsure.remove(key);
      if (unsureOf != null) {
        reasons.add("low_confidence");
      }
      if (!reasons.isEmpty()) {
        found.put(
            "person:" + key,
            new Candidate(
                "person",
                person.name(),
                person.count(),
                person.firstSeen(),
                reasons,
                full.size() == 1 ? full.get(0) : null,
                full.isEmpty() ? null : full,
                unsureOf == null ? null : unsureOf.count()));
      }
    }
    // Unsure values beyond the directory pages read.
    for (Map.Entry<String, FacetValue> rest : unsure.entrySet()) {
      found.put(
          "person:" + rest.getKey(),
          new Candidate(
              "person",
              rest.getValue().value(),
              rest.getValue().count(),
              null,
              List.of("low_confidence"),
              null,
              null,
              rest.getValue().count()));
    }
    for (EntityListing.Entry brand : brands) {
      List<String> reasons = new ArrayList<>();
      if (personKeys.contains(Curation.keyOf(brand.name()))) {
        reasons.add("person_and_brand");
      }
      addIfNew(brand, weekStart, reasons);
      if (!reasons.isEmpty()) {
        found.put(
            "brand:" + Curation.keyOf(brand.name()),
            new Candidate(
                "brand",
                brand.name(),
                brand.count(),
                brand.firstSeen(),
                reasons,
                null,
                null,
                null));
      }
    }
    List<Candidate> sorted = new ArrayList<>(found.values());
    sorted.sort(Comparator.comparingLong(Candidate::count).reversed());
    return new Answer(sorted.subList(0, Math.min(size, sorted.size())));
  }

  private static void addIfNew(EntityListing.Entry entry, Instant weekStart, List<String> reasons) {
    if (entry.firstSeen() != null && !entry.firstSeen().isBefore(weekStart)) {
      reasons.add("new_this_week");
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static List<String> names(List<EntityListing.Entry> entries) {
    return entries.stream()
        .sorted(Comparator.comparingLong(EntityListing.Entry::count).reversed())
        .map(EntityListing.Entry::name)
        .limit(5)
        .toList();
  }

  private List<EntityListing.Entry> read(EntityType type) throws IOException {
    List<EntityListing.Entry> all = new ArrayList<>();
    for (int page = 1; page <= PAGES; page++) {
      EntityListing listing = CurationHandlers.listing(archive, type, page);
      all.addAll(listing.entities());
      if (page >= listing.pages()) {
        break;
      }
    }
    return all;
  }
}
