package dev.carnews.entity;

import dev.carnews.ingest.Article;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import dev.carnews.nlp.ScoredMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The entity pipeline of the indexer and the API: authors cleaned from the bylines (or, when there
 * is none, taken from a wire sign-off such as {@code -- Name , City Newsroom}), people found by the
 * OpenNLP model and resolved within the article, brands matched against the dictionary (people win
 * where the two overlap).
 *
 * <p>Not thread-safe (the OpenNLP finders are not): give each thread its own tagger; the models and
 * the dictionary they are built from are shared.
 */
public final class NewsEntityTagger implements EntityTagger {

  private final PersonFinder personFinder;
  private final PersonResolver personResolver;
  private final BrandFinder brandFinder;

  /** A tagger over shared, already loaded models and dictionary. */
  public NewsEntityTagger(NlpModels models, BrandDictionary brands) {
    this.personFinder = new PersonFinder(models);
    this.personResolver = new PersonResolver();
    this.brandFinder = new BrandFinder(brands);
  }

  /** A tagger on the bundled person model and brand dictionary. */
  public static NewsEntityTagger createDefault() {
    return new NewsEntityTagger(NlpModels.loadDefault(), BrandDictionary.loadDefault());
  }

  /**
   * New taggers on the bundled person model and brand dictionary, which are loaded by the first
   * {@code get()} and shared by every tagger after it: a service that may never tag does not pay
   * for loading them at start-up. A tagger is not thread-safe; take one per thread.
   */
  public static Supplier<NewsEntityTagger> lazyDefaults() {
    return new LazyDefaults();
  }

  private static final class LazyDefaults implements Supplier<NewsEntityTagger> {
    private NlpModels models;
    private BrandDictionary brands;

    @Override
    public synchronized NewsEntityTagger get() {
      if (models == null) {
        models = NlpModels.loadDefault();
        brands = BrandDictionary.loadDefault();
      }
      return new NewsEntityTagger(models, brands);
    }
  }

  @Override
  public TaggedArticle tag(Article article) {
    String text = TaggedArticle.textOf(article);
    List<String> authors = AuthorNames.clean(article.authors());
    // A wire sign-off names the reporters: the author when the byline is empty, never a person.
    List<String> reporters = WireSignOffs.authors(article.body());
    List<String> notPersons = new ArrayList<>(authors);
    notPersons.addAll(WireSignOffs.staff(article.body()));
    if (authors.isEmpty()) {
      authors = reporters;
    }
    PersonResolver.ResolvedPersons persons =
        withoutProducts(
            personResolver.resolveScored(personFinder.findScored(text), text, notPersons), text);
    persons = without(persons, NotPersonEvidence.of(persons.mentions(), text));
    List<Mention> brandMentions = brandFinder.find(text, persons.mentions());
    List<Entity> brands = Salience.rank(EntityType.BRAND, brandMentions, article);

    List<Mention> mentions = new ArrayList<>(persons.mentions());
    mentions.addAll(brandMentions);
    mentions.sort(Comparator.comparingInt(Mention::start));
    return new TaggedArticle(
        article, authors, persons.persons(), brands, mentions, null, persons.confidence());
  }

  /**
   * Which rule of the pipeline dropped each person span the finder had found: for evaluations that
   * compare the pipeline with its model ({@code eval-names --spans -v}). Keys are {@code start <<
   * 32 | end} into {@link TaggedArticle#textOf}; a span the finder found and the pipeline kept (or
   * changed into another span) has no entry.
   */
  public Map<Long, String> droppedBy(Article article) {
    String text = TaggedArticle.textOf(article);
    List<String> authors = AuthorNames.clean(article.authors());
    List<String> notPersons = new ArrayList<>(authors);
    notPersons.addAll(WireSignOffs.staff(article.body()));
    List<ScoredMention> found = personFinder.findScored(text);
    Map<Long, String> dropped = new LinkedHashMap<>();
    Set<Long> everything = spans(new PersonResolver(0).resolveScored(found, text, List.of()));
    for (ScoredMention m : found) {
      long span = span(m.start(), m.end());
      if (!everything.contains(span)) {
        dropped.put(span, "PersonResolver: title, possessive or span cleaning");
      }
    }
    PersonResolver.ResolvedPersons noStaff =
        new PersonResolver(0).resolveScored(found, text, notPersons);
    drop(dropped, everything, spans(noStaff), "WireSignOffs/AuthorNames: byline author or staff");
    PersonResolver.ResolvedPersons resolved = personResolver.resolveScored(found, text, notPersons);
    drop(dropped, spans(noStaff), spans(resolved), "PersonResolver: lone name below confidence");
    PersonResolver.ResolvedPersons products = withoutProducts(resolved, text);
    drop(
        dropped,
        spans(resolved),
        spans(products),
        "NewsEntityTagger.withoutProducts: marque first");
    PersonResolver.ResolvedPersons evidence =
        without(products, NotPersonEvidence.of(products.mentions(), text));
    drop(dropped, spans(products), spans(evidence), "NotPersonEvidence");
    return dropped;
  }

  private static void drop(
      Map<Long, String> dropped, Set<Long> before, Set<Long> after, String rule) {
    for (long span : before) {
      if (!after.contains(span)) {
        dropped.putIfAbsent(span, rule);
      }
    }
  }

  private static Set<Long> spans(PersonResolver.ResolvedPersons persons) {
    Set<Long> spans = new HashSet<>();
    for (Mention m : persons.mentions()) {
      spans.add(span(m.start(), m.end()));
    }
    return spans;
  }

  private static long span(int start, int end) {
    return ((long) start << 32) | end;
  }

  /**
   * Drops the "people" whose full name starts with a marque or model the brand dictionary accepts
   * in this text ("Kia Sorento", "Nissan Ariya", "Kia Australia", "Mustang Mach-E"): the name model
   * reads two capitalised words as a name, but they are a product or a company. A person whose
   * surname is a marque ("Henry Ford") is kept: only the start of the full name counts.
   */
  private PersonResolver.ResolvedPersons withoutProducts(
      PersonResolver.ResolvedPersons persons, String text) {
    if (persons.persons().isEmpty()) {
      return persons;
    }
    Set<Integer> brandStarts = new HashSet<>();
    brandFinder.find(text).forEach(brand -> brandStarts.add(brand.start()));
    Set<String> products = new HashSet<>();
    for (Mention mention : persons.mentions()) {
      if (mention.text().equals(mention.canonical()) && brandStarts.contains(mention.start())) {
        products.add(mention.canonical());
      }
    }
    return without(persons, products);
  }

  /** The persons without those of the given canonical names, and without their mentions. */
  private static PersonResolver.ResolvedPersons without(
      PersonResolver.ResolvedPersons persons, Set<String> products) {
    if (products.isEmpty()) {
      return persons;
    }
    Map<String, Double> confidence = new HashMap<>(persons.confidence());
    confidence.keySet().removeAll(products);
    return new PersonResolver.ResolvedPersons(
        persons.persons().stream().filter(p -> !products.contains(p.name())).toList(),
        persons.mentions().stream().filter(m -> !products.contains(m.canonical())).toList(),
        confidence);
  }

  /** The number of tokens the person finder has read, for throughput figures. */
  public long tokensProcessed() {
    return personFinder.tokensProcessed();
  }
}
