package dev.carnews.preview;

import dev.carnews.curation.Curation;
import dev.carnews.entity.Entity;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.Mention;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.MalformedArticleException;
import dev.carnews.ingest.PageTextArticleReader;
import dev.carnews.ingest.ReadOptions;
import dev.carnews.search.EntityView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * Runs the indexer's entity pipeline on a text for {@code POST /api/analyze}. Thread-safe: taggers
 * are not, so each call borrows one from a pool (created on demand, one per concurrent call, all
 * over the same shared models) and gives it back.
 *
 * <p>The tagger reads the title and the text as one ({@link TaggedArticle#textOf}); the offsets of
 * the answer are moved back into the field they came from. Byline names are authors, never people:
 * those the client sends, and, for a whole page pasted as text without a title, those of its byline
 * block; such a page is read as the indexer reads a {@code .txt} page (only the title and the story
 * count, not menus, promos, captions or the author's bio).
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
    return new EntityPreviews(NewsEntityTagger.lazyDefaults()::get);
  }

  /** The entities of a text, as the tagger finds them. */
  public AnalyzeResponse analyze(AnalyzeRequest request) {
    return analyze(request, Curation.none());
  }

  /**
   * The entities of a text as the archive would show them: the tagger's, through the editors'
   * curation (merged, renamed, retyped, hidden), as an article written now would be indexed.
   */
  public AnalyzeResponse analyze(AnalyzeRequest request, Curation curation) {
    Objects.requireNonNull(curation, "curation");
    if (request.title() == null && request.authors().isEmpty()) {
      Optional<AnalyzeResponse> page = analyzePage(request.text(), curation);
      if (page.isPresent()) {
        return page.get();
      }
    }
    String title = request.titleText().orElse(NO_TITLE);
    Article article =
        new Article(
            "preview", null, title, request.text(), request.authors(), null, null, List.of());
    TaggedArticle tagged = curation.apply(tag(article));
    int textStart = title.length() + 2;
    List<Segment> segments = new ArrayList<>();
    if (request.title() != null) {
      segments.add(new Segment("title", 0, title.length(), 0));
    }
    segments.add(new Segment("text", textStart, textStart + request.text().length(), 0));
    return answer(tagged, segments);
  }

  /**
   * A pasted page (a text with a byline block): only the story counts, as when the page is indexed.
   * The page-text reader finds title, byline and story lines; every story line appears in the text
   * as it is, so offsets map back line by line. Empty when the text is not such a page.
   */
  private Optional<AnalyzeResponse> analyzePage(String text, Curation curation) {
    Article page;
    try {
      page = pageText.parse(text, ReadOptions.defaults());
    } catch (MalformedArticleException e) {
      // Not a page with a header: tag it as a plain story.
      return Optional.empty();
    }
    if (page.authors().isEmpty()) {
      return Optional.empty();
    }
    List<Segment> segments = new ArrayList<>();
    int tagged = 0;
    int cursor = 0;
    List<String> lines = new ArrayList<>();
    lines.add(page.title());
    lines.addAll(List.of(page.body().split("\n\n")));
    for (String line : lines) {
      int at = text.indexOf(line, cursor);
      if (at < 0) {
        return Optional.empty();
      }
      segments.add(new Segment("text", tagged, tagged + line.length(), at));
      tagged += line.length() + 2;
      cursor = at + line.length();
    }
    return Optional.of(answer(curation.apply(tag(page.withId("preview"))), segments));
  }

  /** The answer, each mention moved from the tagged text into the segment of the field it is in. */
  private static AnalyzeResponse answer(TaggedArticle tagged, List<Segment> segments) {
    Map<String, Double> salience = new HashMap<>();
    tagged.persons().forEach(p -> salience.put("person:" + p.name(), p.salience()));
    tagged.brands().forEach(b -> salience.put("brand:" + b.name(), b.salience()));
    List<EntityMention> entities = new ArrayList<>();
    for (Mention mention : tagged.mentions()) {
      String type = mention.type().name().toLowerCase(Locale.ROOT);
      for (Segment segment : segments) {
        if (mention.start() >= segment.from() && mention.end() <= segment.to()) {
          int shift = segment.at() - segment.from();
          entities.add(
              new EntityMention(
                  type,
                  segment.field(),
                  mention.text(),
                  mention.start() + shift,
                  mention.end() + shift,
                  mention.canonical(),
                  salience.getOrDefault(type + ":" + mention.canonical(), 0.0)));
          break;
        }
      }
    }
    return new AnalyzeResponse(
        entities, views(tagged.persons()), views(tagged.brands()), tagged.authors());
  }

  /**
   * A stretch of the tagged text that is a stretch of a request field.
   *
   * @param field the request field
   * @param from start in the tagged text
   * @param to end in the tagged text
   * @param at where {@code from} is in the field
   */
  private record Segment(String field, int from, int to, int at) {}

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

  private static List<EntityView> views(List<Entity> entities) {
    return entities.stream()
        .map(e -> new EntityView(e.name(), e.mentions(), e.salience()))
        .toList();
  }
}
