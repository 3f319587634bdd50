package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.carnews.ingest.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: firms, publications and works named like people are decided from what the article says
 * about them (invented names throughout).
 */
class NotPersonEvidenceTest {

  private static NewsEntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = NewsEntityTagger.createDefault();
  }

  private static List<String> persons(String body) {
    return tagger
        .tag(new Article("n1", null, "Results", body, List.of(), null, null, List.of()))
        .personNames();
  }

  @Test
  void aFirmOrWorkNounBeforeTheFullNameMakesItNoPerson() {
    List<String> found =
        persons(
            "The faulty pump was supplied by parts maker Hanno Velderich, said Tomas Brasker, an"
                + " analyst with brokers Ivo Lundqvist. The studio is making the film Mara Olsson.");
    assertFalse(found.contains("Hanno Velderich"), found.toString());
    assertFalse(found.contains("Ivo Lundqvist"), found.toString());
    assertFalse(found.contains("Mara Olsson"), found.toString());
    assertTrue(found.contains("Tomas Brasker"), found.toString());
  }

  @Test
  void aNameUsedAsACarOrQuotedAsATitleIsNoPerson() {
    String text =
        "Brevik said the maker may build the \"Altamar\" in Ohio. A two-door Corvale joins the"
            + " Tarvo hatchback, said Lena Brevik.";
    List<Mention> mentions =
        List.of(
            mention(text, "Brevik"),
            mention(text, "Altamar"),
            mention(text, "Corvale"),
            mention(text, "Tarvo"),
            mention(text, "Lena Brevik"));

    java.util.Set<String> against = NotPersonEvidence.of(mentions, text);

    assertTrue(against.containsAll(List.of("Altamar", "Corvale", "Tarvo")), against.toString());
    assertFalse(against.contains("Lena Brevik") || against.contains("Brevik"), against.toString());
  }

  @Test
  void aWordWithACapitalInsideIsAProductUnlessItsPrefixIsANamesOwn() {
    assertTrue(NotPersonEvidence.isInterCaps("AppleSkin"));
    assertTrue(NotPersonEvidence.isInterCaps("DriveWise"));
    for (String person : List.of("McLaren", "DiCaprio", "MacKenzie", "JoAnn", "Halvorsen")) {
      assertFalse(NotPersonEvidence.isInterCaps(person), person);
    }
  }

  @Test
  void aLoneWordThatStartsAFirmsNameIsTheFirm() {
    String text =
        "Seatco agreed to be bought by Norvale Industries Inc. Norvale said it would pay cash.";
    assertTrue(NotPersonEvidence.startsAFirmName(text, "Norvale"));
    assertFalse(NotPersonEvidence.startsAFirmName(text, "Seatco"));
    assertFalse(NotPersonEvidence.startsAFirmName(text, "Norvale Industries"), "one word only");
  }

  private static Mention mention(String text, String name) {
    int start = text.indexOf(name);
    return new Mention(EntityType.PERSON, name, start, start + name.length(), name);
  }

  @Test
  void anHonorificElsewhereKeepsThePerson() {
    List<String> found =
        persons(
            "The bank hired Ivo Lundqvist last year. The move by brokers Ivo Lundqvist was"
                + " welcomed. Mr Lundqvist said the bank would grow.");
    assertTrue(found.contains("Ivo Lundqvist"), found.toString());
  }

  @Test
  void aDeterminerIsNoEvidence() {
    List<String> found =
        persons(
            "Tomas Brasker scored twice for the visitors. A Tomas Brasker header gave them"
                + " the lead before a furious Brasker was sent off.");
    assertTrue(found.contains("Tomas Brasker"), found.toString());
  }

  private static Set<String> against(String text, String... names) {
    List<Mention> mentions = new ArrayList<>();
    for (String name : names) {
      mentions.add(mention(text, name));
    }
    return NotPersonEvidence.of(mentions, text);
  }

  @Test
  void anAppositionHeadedByAnOrganisationNounMakesAOneWordNameNoPerson() {
    assertEquals(
        Set.of("Voltara"),
        against(
            "Voltara, the electric vehicle (EV) division of Norland, is to be folded back. It was"
                + " run by Halvorsen, the chief technology officer.",
            "Voltara",
            "Halvorsen"));
    assertEquals(
        Set.of("Voltara"), against("Norland said the Voltara division will close.", "Voltara"));
    assertEquals(
        Set.of(),
        against(
            "Brekke, the head of the division, left. Lunde, the company founder, stayed. Dahl,"
                + " a company veteran, and Vik, the division's boss, spoke.",
            "Brekke",
            "Lunde",
            "Dahl",
            "Vik"),
        "people heading, founding or serving an organisation stay people");
  }

  @Test
  void aNameWrittenWithAFirstNameIsNeverAnOrganisationByApposition() {
    assertEquals(
        Set.of(),
        against("Marta Kowalczyk, the head of the van division, spoke.", "Marta Kowalczyk"));
  }

  @Test
  void aNameOwnedByAThingIsNoPerson() {
    assertEquals(
        Set.of("Gran Corsa"),
        against("The maker showed its electric Gran Corsa in Paris.", "Gran Corsa"));
    assertEquals(
        Set.of(),
        against(
            "Norland and its chief Ivo Lundqvist agreed; its founder Tomas Brasker did not.",
            "Ivo Lundqvist",
            "Tomas Brasker"));
  }
}
