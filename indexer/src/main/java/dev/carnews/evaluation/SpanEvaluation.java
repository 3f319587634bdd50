package dev.carnews.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.Mention;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.evaluation.NameModelEvaluator.Scores;
import dev.carnews.ingest.Article;
import dev.carnews.nlp.PersonFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Strict person spans of the whole entity pipeline, as {@code POST /api/analyze} reports them: each
 * JSON Lines article's {@code body} is tagged as the text of an analyze request without a title,
 * and every PERSON mention's offsets must equal a gold {@code PER} entity's ({@code start}, {@code
 * end} into the body). The person finder alone is scored on the same texts, so the two figures show
 * what resolution keeps of what the model found.
 */
public final class SpanEvaluation {

  /** The title an analyze request without one is tagged with (it names no entity). */
  private static final String NO_TITLE = "-";

  private SpanEvaluation() {}

  /**
   * The two scores.
   *
   * @param finder the person finder's spans (model, titles, possessives, honorifics)
   * @param pipeline the spans the whole pipeline keeps (resolution, authors, products, firms)
   * @param articles articles read
   */
  public record Report(Scores finder, Scores pipeline, int articles) {}

  /** Scores a JSON Lines file with gold entities. */
  public static Report evaluate(Path jsonl, NewsEntityTagger tagger, PersonFinder finder)
      throws IOException {
    return evaluate(jsonl, tagger, finder, line -> {});
  }

  /**
   * Scores a JSON Lines file with gold entities and reports every pipeline miss to {@code misses}:
   * {@code DROPPED} (the finder had the gold span, the pipeline lost it), {@code FN} (neither had
   * it), {@code FP} (the pipeline kept a span that is not gold), each with the article id and text.
   */
  public static Report evaluate(
      Path jsonl, NewsEntityTagger tagger, PersonFinder finder, Consumer<String> misses)
      throws IOException {
    Scores alone = new Scores(0, 0, 0);
    Scores pipeline = new Scores(0, 0, 0);
    int articles = 0;
    for (JsonNode doc : NameModelEvaluator.goldDocuments(jsonl)) {
      articles++;
      String body = doc.path("body").asText("");
      Set<Long> gold = new HashSet<>();
      for (JsonNode entity : doc.path("entities")) {
        if ("PER".equals(entity.path("type").asText())) {
          gold.add(span(entity.path("start").asInt(), entity.path("end").asInt()));
        }
      }
      Set<Long> found = new HashSet<>();
      finder.findScored(body).forEach(m -> found.add(span(m.start(), m.end())));
      alone = alone.plus(NameModelEvaluator.compareSets(found, gold));

      int shift = NO_TITLE.length() + 2;
      Article article =
          new Article("span-eval", null, NO_TITLE, body, List.of(), null, null, List.of());
      Set<Long> kept = new HashSet<>();
      for (Mention m : tagger.tag(article).mentions()) {
        if (m.type() == EntityType.PERSON && m.start() >= shift) {
          kept.add(span(m.start() - shift, m.end() - shift));
        }
      }
      pipeline = pipeline.plus(NameModelEvaluator.compareSets(kept, gold));
      String id = doc.path("id").asText("");
      Map<Long, String> droppedBy = null;
      for (long g : gold) {
        if (!kept.contains(g)) {
          String line = line(found.contains(g) ? "DROPPED" : "FN", id, body, g);
          if (found.contains(g)) {
            if (droppedBy == null) {
              droppedBy = tagger.droppedBy(article);
            }
            // Which rule lost it; a span the pipeline changed (joined, extended) has no rule.
            line += "\t" + droppedBy.getOrDefault(g + ((long) shift << 32) + shift, "span changed");
          }
          misses.accept(line);
        }
      }
      for (long k : kept) {
        if (!gold.contains(k)) {
          misses.accept(line("FP", id, body, k));
        }
      }
    }
    return new Report(alone, pipeline, articles);
  }

  private static String line(String kind, String id, String body, long span) {
    int start = (int) (span >>> 32);
    int end = (int) span;
    return kind + "\t" + id + "\t" + body.substring(start, end).replace('\n', ' ');
  }

  private static long span(int start, int end) {
    return ((long) start << 32) | end;
  }
}
