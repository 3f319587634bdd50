package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.entity.PersonResolver.ResolvedPersons;
import dev.carnews.nlp.ScoredMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonResolverTest {

  private static final String TEXT =
      "Kowalczyk to lead the van unit\n\n"
          + "Marta Kowalczyk will run the new van unit, Norland Motors said. "
          + "Ms Kowalczyk joins from a supplier. Chairman Piet van Dalen welcomed her. "
          + "Mr van Dalen said Kowalczyk's plan was bold. Later, van Dalen's deputy left.\n"
          + "Tomas Ruud writes about vans. Ruud lives in Oslo.";

  /** A mention of the first occurrence at or after {@code from} of {@code surface}. */
  private static ScoredMention at(String surface, int from, double probability) {
    int start = TEXT.indexOf(surface, from);
    if (start < 0) {
      throw new IllegalArgumentException("not in text: " + surface);
    }
    return new ScoredMention(surface, start, start + surface.length(), probability);
  }

  private static List<ScoredMention> allMentions() {
    List<ScoredMention> mentions = new ArrayList<>();
    mentions.add(at("Kowalczyk", 0, 0.6));
    mentions.add(at("Marta Kowalczyk", 0, 0.99));
    mentions.add(at("Kowalczyk", TEXT.indexOf("Ms Kowalczyk"), 0.9));
    mentions.add(at("Piet van Dalen", 0, 0.97));
    mentions.add(at("Mr van Dalen", 0, 0.9));
    mentions.add(at("Kowalczyk's", 0, 0.8));
    mentions.add(at("van Dalen's", TEXT.indexOf("Later"), 0.7));
    mentions.add(at("Tomas Ruud", 0, 0.99));
    mentions.add(at("Ruud", TEXT.indexOf("Ruud lives"), 0.9));
    return mentions;
  }

  @Test
  void shortFormsAndTitledFormsResolveToTheFullName() {
    ResolvedPersons resolved = new PersonResolver().resolveScored(allMentions(), TEXT, List.of());

    List<String> names = resolved.persons().stream().map(Entity::name).toList();
    assertEquals(List.of("Marta Kowalczyk", "Piet van Dalen", "Tomas Ruud"), names);
    Entity kowalczyk = resolved.persons().get(0);
    assertEquals(4, kowalczyk.mentions());
    assertEquals(3, resolved.persons().get(1).mentions());
    for (Mention m : resolved.mentions()) {
      assertEquals(m.text(), TEXT.substring(m.start(), m.end()));
      assertFalse(m.text().startsWith("Mr "), m.text());
      assertFalse(m.text().endsWith("'s"), m.text());
    }
    assertTrue(
        resolved.mentions().stream()
            .anyMatch(m -> m.text().equals("van Dalen") && m.canonical().equals("Piet van Dalen")));
  }

  @Test
  void bylineAuthorAndTheirBioMentionsAreDropped() {
    ResolvedPersons resolved =
        new PersonResolver().resolveScored(allMentions(), TEXT, List.of("Tomas Ruud"));

    assertEquals(
        List.of("Marta Kowalczyk", "Piet van Dalen"),
        resolved.persons().stream().map(Entity::name).toList());
    assertTrue(resolved.mentions().stream().noneMatch(m -> m.text().contains("Ruud")));
  }

  @Test
  void loneSurnameIsKeptOnlyWhenTheModelIsConfident() {
    String text = "Engineers praised Halvorsen. The board thanked Brekke.";
    int h = text.indexOf("Halvorsen");
    int b = text.indexOf("Brekke");
    List<ScoredMention> mentions =
        List.of(
            new ScoredMention("Halvorsen", h, h + 9, 0.95),
            new ScoredMention("Brekke", b, b + 6, 0.4));

    ResolvedPersons resolved = new PersonResolver(0.8).resolveScored(mentions, text, List.of());

    assertEquals(List.of("Halvorsen"), resolved.persons().stream().map(Entity::name).toList());
  }

  @Test
  void aLoneNameAfterATitleIsKeptWhateverTheConfidence() {
    // Issue 11: wire and sports copy name people by title and surname ("President Halvorsen").
    String text = "Talks ended when President Halvorsen left. Engineers praised Brekke.";
    int h = text.indexOf("Halvorsen");
    int b = text.indexOf("Brekke");
    List<ScoredMention> mentions =
        List.of(
            new ScoredMention("Halvorsen", h, h + 9, 0.1),
            new ScoredMention("Brekke", b, b + 6, 0.1));

    ResolvedPersons resolved = new PersonResolver(0.8).resolveScored(mentions, text, List.of());

    assertEquals(List.of("Halvorsen"), resolved.persons().stream().map(Entity::name).toList());
  }

  @Test
  void aTitleInAHeadlineInCapitalsIsNoEvidence() {
    // Reuters: "P.A.M. TRANSPORTATION <PTSI> PRESIDENT RESIGNS" put "Resigns" among the people.
    String text = "NORLAND PRESIDENT RESIGNS\n\nThe board of Norland met on Monday.";
    int r = text.indexOf("RESIGNS");
    List<ScoredMention> mentions = List.of(new ScoredMention("RESIGNS", r, r + 7, 0.1));

    ResolvedPersons resolved = new PersonResolver(0.8).resolveScored(mentions, text, List.of());

    assertEquals(List.of(), resolved.persons());
  }

  @Test
  void aLoneNameTheModelTagsTwiceIsKeptWhateverTheConfidence() {
    // Sports copy names players by surname alone, again and again; one unsure mention stays out.
    String text = "Brekke scored early. Oyen replied. Brekke then scored again.";
    int first = text.indexOf("Brekke");
    int second = text.lastIndexOf("Brekke");
    int o = text.indexOf("Oyen");
    List<ScoredMention> mentions =
        List.of(
            new ScoredMention("Brekke", first, first + 6, 0.1),
            new ScoredMention("Oyen", o, o + 4, 0.1),
            new ScoredMention("Brekke", second, second + 6, 0.1));

    ResolvedPersons resolved = new PersonResolver(0.8).resolveScored(mentions, text, List.of());

    assertEquals(List.of("Brekke"), resolved.persons().stream().map(Entity::name).toList());
  }

  @Test
  void aKeptSurnameTakesTheFirstNameWrittenBeforeItElsewhere() {
    // The model missed "Ffionna Carrowby" but found "Ms Carrowby": the article names her in full.
    String text =
        "She finished ahead of Ffionna Carrowby, whose car led early. Ms Carrowby said she was"
            + " happy. Monday Carrowby trains.";
    int c = text.indexOf("Carrowby said");
    List<ScoredMention> mentions = List.of(new ScoredMention("Carrowby", c, c + 8, 0.9));

    ResolvedPersons resolved = new PersonResolver().resolveScored(mentions, text, List.of());

    assertEquals(
        List.of("Ffionna Carrowby"), resolved.persons().stream().map(Entity::name).toList());
    assertEquals(2, resolved.mentions().size(), "the full form and the surname, not the date");
  }

  @Test
  void titleMentionsMakeAPersonMoreSalient() {
    ResolvedPersons resolved = new PersonResolver().resolveScored(allMentions(), TEXT, List.of());

    Entity first = resolved.persons().get(0);
    Entity second = resolved.persons().get(1);
    assertTrue(first.salience() > second.salience());
    for (Entity e : resolved.persons()) {
      assertTrue(e.salience() > 0 && e.salience() <= 1);
    }
  }

  @Test
  void accentlessRepeatJoinsTheAccentedFullName() {
    String text = "François Lemaître spoke. Later Francois Lemaitre and Lemaître left.";
    List<Mention> mentions = new ArrayList<>();
    for (String s : List.of("François Lemaître", "Francois Lemaitre", "Lemaître")) {
      int start = text.indexOf(s);
      mentions.add(new Mention(EntityType.PERSON, s, start, start + s.length(), s));
    }

    ResolvedPersons resolved = new PersonResolver().resolve(mentions, text, List.of());

    assertEquals(1, resolved.persons().size());
    assertEquals("François Lemaître", resolved.persons().get(0).name());
    assertEquals(3, resolved.persons().get(0).mentions());
  }

  @Test
  void canonicalKeyIgnoresCase() {
    assertEquals(
        PersonResolver.canonicalKey("Marta Kowalczyk"),
        PersonResolver.canonicalKey("MARTA KOWALCZYK"));
  }

  @Test
  void lowConfidenceNamesInAListOfNamesAreKept() {
    String text =
        "Norland 2 ( Halvorsen 26th , Brekke 54th ) Vestby 1 ( Lunde 12th ).\n"
            + "Dahl , Vik and Moe are the founders. The board thanked Strand yesterday.";
    List<ScoredMention> mentions = new ArrayList<>();
    for (String name : List.of("Halvorsen", "Brekke", "Lunde", "Dahl", "Vik", "Moe", "Strand")) {
      int at = text.indexOf(name);
      mentions.add(new ScoredMention(name, at, at + name.length(), 0.1));
    }

    ResolvedPersons resolved = new PersonResolver(0.8).resolveScored(mentions, text, List.of());

    assertEquals(
        List.of("Brekke", "Dahl", "Halvorsen", "Moe", "Vik"),
        resolved.persons().stream().map(Entity::name).sorted().toList(),
        "Lunde stands alone in its brackets, Strand in a sentence");
  }

  @Test
  void royalTitlesAreNotPartOfTheName() {
    String text = "Queen Ingrid will visit Oslo with Prince Harald.";
    List<ScoredMention> mentions =
        List.of(
            new ScoredMention("Queen Ingrid", 0, 12, 0.9),
            new ScoredMention("Prince Harald", 34, 47, 0.9));

    ResolvedPersons resolved = new PersonResolver().resolveScored(mentions, text, List.of());

    assertEquals(
        List.of("Harald", "Ingrid"),
        resolved.persons().stream().map(Entity::name).sorted().toList());
  }
}
