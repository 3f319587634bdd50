package dev.carnews.entity;

import dev.carnews.ingest.Article;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How central an entity is to an article, from where and how often it is named: a mention in the
 * title counts most, then one in the lead (the first paragraph), then frequency relative to the
 * most named entity of the same kind.
 *
 * <p>salience = 0.4 × in title + 0.2 × in lead + 0.4 × mentions / most mentions, so an entity named
 * in the title and as often as any other scores 1, and one passing mention in a long story about
 * something else scores little.
 */
public final class Salience {

  private static final double TITLE_WEIGHT = 0.4;
  private static final double LEAD_WEIGHT = 0.2;
  private static final double FREQUENCY_WEIGHT = 0.4;

  private Salience() {}

  /**
   * Groups mentions by their canonical name and ranks the entities, most salient first (ties: first
   * named first).
   *
   * @param mentions mentions with offsets into {@link TaggedArticle#textOf(Article)}
   */
  public static List<Entity> rank(EntityType type, List<Mention> mentions, Article article) {
    int titleEnd = article.title().length();
    int leadEnd = titleEnd + 2 + leadLength(article.body());

    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Mention mention : mentions) {
      Tally tally = tallies.computeIfAbsent(mention.canonical(), name -> new Tally());
      tally.count++;
      tally.inTitle |= mention.start() < titleEnd;
      tally.inLead |= mention.start() >= titleEnd && mention.start() < leadEnd;
    }
    int most = tallies.values().stream().mapToInt(t -> t.count).max().orElse(1);

    List<Entity> entities = new ArrayList<>(tallies.size());
    tallies.forEach(
        (name, tally) -> {
          double score =
              (tally.inTitle ? TITLE_WEIGHT : 0)
                  + (tally.inLead ? LEAD_WEIGHT : 0)
                  + FREQUENCY_WEIGHT * tally.count / most;
          entities.add(new Entity(type, name, tally.count, Math.min(1.0, round(score))));
        });
    // Stable sort: entities named earlier stay ahead on equal salience.
    entities.sort(Comparator.comparingDouble(Entity::salience).reversed());
    return entities;
  }

  private static int leadLength(String body) {
    int paragraphEnd = body.indexOf("\n\n");
    return paragraphEnd < 0 ? body.length() : paragraphEnd;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static final class Tally {
    int count;
    boolean inTitle;
    boolean inLead;
  }
}
