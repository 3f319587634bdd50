package dev.carnews.entity;

import dev.carnews.ingest.Article;
import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
    return new TaggedArticle(article, authors, persons.persons(), brands, mentions);
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
    return new PersonResolver.ResolvedPersons(
        persons.persons().stream().filter(p -> !products.contains(p.name())).toList(),
        persons.mentions().stream().filter(m -> !products.contains(m.canonical())).toList());
  }

  /** The number of tokens the person finder has read, for throughput figures. */
  public long tokensProcessed() {
    return personFinder.tokensProcessed();
  }
}
