package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.ingest.Article;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalienceTest {

  private static final Article ARTICLE =
      new Article(
          "a1",
          null,
          "Kia opens a new plant",
          "Kia said on Monday the plant will build EVs.\n\n"
              + "Rivals Toyota and Kia both expand. Kia expects more.",
          List.of(),
          null,
          null,
          List.of());

  private static List<Mention> mentionsOf(String name) {
    String text = TaggedArticle.textOf(ARTICLE);
    List<Mention> mentions = new ArrayList<>();
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      mentions.add(new Mention(EntityType.BRAND, name, at, at + name.length(), name));
    }
    return mentions;
  }

  @Test
  void titleAndFrequentEntityRanksFirstWithFullSalience() {
    List<Mention> mentions = new ArrayList<>(mentionsOf("Kia"));
    mentions.addAll(mentionsOf("Toyota"));

    List<Entity> ranked = Salience.rank(EntityType.BRAND, mentions, ARTICLE);

    assertEquals(List.of("Kia", "Toyota"), ranked.stream().map(Entity::name).toList());
    assertEquals(4, ranked.get(0).mentions());
    assertEquals(1.0, ranked.get(0).salience());
    assertEquals(1, ranked.get(1).mentions());
    assertEquals(0.1, ranked.get(1).salience(), 1e-9);
  }

  @Test
  void passingMentionScoresBelowLeadMention() {
    List<Mention> mentions = new ArrayList<>(mentionsOf("Toyota"));
    String text = TaggedArticle.textOf(ARTICLE);
    int lead = text.indexOf("Monday");
    mentions.add(new Mention(EntityType.BRAND, "Monday", lead, lead + 6, "Lead Brand"));

    List<Entity> ranked = Salience.rank(EntityType.BRAND, mentions, ARTICLE);

    assertEquals("Lead Brand", ranked.get(0).name());
    assertTrue(ranked.get(0).salience() > ranked.get(1).salience());
  }

  @Test
  void noMentionsGiveNoEntities() {
    assertTrue(Salience.rank(EntityType.PERSON, List.of(), ARTICLE).isEmpty());
  }
}
