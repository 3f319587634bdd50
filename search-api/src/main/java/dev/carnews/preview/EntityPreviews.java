package dev.carnews.preview;

import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.Mention;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.MalformedArticleException;
import dev.carnews.ingest.PageTextArticleReader;
import dev.carnews.ingest.ReadOptions;
import dev.carnews.nlp.NlpModels;
import dev.carnews.search.EntityView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Runs the indexer's entity pipeline on a text for {@code POST /api/analyze}. Thread-safe: taggers
 * are not, so each call borrows one from a pool (created on demand, one per concurrent call, all
 * over the same shared models) and gives it back.
 *
 * <p>The tagger reads the title and the text as one ({@link TaggedArticle#textOf}); the offsets of
 * the answer are moved back into the field they came from. Byline names are authors, never people:
 * those the client sends, and those on byline lines of a pasted page ({@code By Jane Doe}, a name
 * over a role such as {@code Journalist}), found as the page-text reader finds them.
 */
public final class EntityPreviews {

  /** Stands in for a missing title: the tagger needs one; it names no entity. */
  private static final String NO_TITLE = "-";

  private final Supplier<? extends EntityTagger> newTagger;
  private final ConcurrentLinkedDeque<EntityTagger> idle = new ConcurrentLinkedDeque<>();
  private final PageTextArticleReader pageText = new PageTextArticleReader();

  /** Previews with taggers made by {@code newTagger} (called once per concurrent caller). */
  public EntityPreviews(Supplier<? extends EntityTagger> newTagger) {
    this.newTagger = Objects.requireNonNull(newTagger, "newTagger");
  }

  /**
   * Previews with the bundled person model and brand dictionary, loaded on the first call (so an
   * app that never previews never loads them).
   */
  public static EntityPreviews withDefaultModels() {
    return new EntityPreviews(new DefaultTaggers());
  }

  /** The entities of a text. */
  public AnalyzeResponse analyze(AnalyzeRequest request) {
    String title = request.titleText().orElse(NO_TITLE);
    List<String> authors =
        request.authors().isEmpty() ? bylines(request.text()) : request.authors();
    Article article =
        new Article("preview", null, title, request.text(), authors, null, null, List.of());
    TaggedArticle tagged = tag(article);

    Map<String, Double> salience = new HashMap<>();
    tagged.persons().forEach(p -> salience.put("person:" + p.name(), p.salience()));
    tagged.brands().forEach(b -> salience.put("brand:" + b.name(), b.salience()));
    int textStart = title.length() + 2;
    List<EntityMention> entities = new ArrayList<>();
    for (Mention mention : tagged.mentions()) {
      String type = mention.type().name().toLowerCase(Locale.ROOT);
      boolean inTitle = mention.start() < title.length();
      if (inTitle && request.title() == null) {
        continue;
      }
      int shift = inTitle ? 0 : textStart;
      entities.add(
          new EntityMention(
              type,
              inTitle ? "title" : "text",
              mention.text(),
              mention.start() - shift,
              mention.end() - shift,
              mention.canonical(),
              salience.getOrDefault(type + ":" + mention.canonical(), 0.0)));
    }
    return new AnalyzeResponse(
        entities, views(tagged.persons()), views(tagged.brands()), tagged.authors());
  }

  private TaggedArticle tag(Article article) {
    EntityTagger tagger = idle.pollFirst();
    if (tagger == null) {
      tagger = newTagger.get();
    }
    try {
      return tagger.tag(article);
    } finally {
      idle.offerFirst(tagger);
    }
  }

  /** Byline names of a pasted page, as the page-text reader finds them; none for a plain story. */
  private List<String> bylines(String text) {
    try {
      return pageText.parse(text, ReadOptions.defaults()).authors();
    } catch (MalformedArticleException e) {
      // Not a page with a header: a plain story has no byline lines.
      return List.of();
    }
  }

  private static List<EntityView> views(List<Entity> entities) {
    return entities.stream()
        .map(e -> new EntityView(e.name(), e.mentions(), e.salience()))
        .toList();
  }

  /** Taggers over the bundled models, loaded once on first use. */
  private static final class DefaultTaggers implements Supplier<EntityTagger> {

    private Supplier<NewsEntityTagger> shared;

    @Override
    public synchronized EntityTagger get() {
      if (shared == null) {
        NlpModels models = NlpModels.loadDefault();
        BrandDictionary brands = BrandDictionary.loadDefault();
        shared = () -> new NewsEntityTagger(models, brands);
      }
      return shared.get();
    }
  }
}
