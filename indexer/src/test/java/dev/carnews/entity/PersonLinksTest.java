package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Links of short person values to full names across an archive; every name is invented. */
class PersonLinksTest {

  private static final PersonLinks LINKS =
      new PersonLinks(Duration.ofDays(90), Set.of("marisol", "tomasz")::contains);

  private final List<PersonLinks.ArticlePersons> archive = new ArrayList<>();
  private int next;

  private void article(String day, String... persons) {
    archive.add(
        new PersonLinks.ArticlePersons(
            "a" + next++, Instant.parse(day + "T12:00:00Z"), List.of(persons)));
  }

  private static PersonLinks.Decision link(PersonLinks.Result result, String value) {
    return result.links().stream().filter(d -> d.value().equals(value)).findFirst().orElse(null);
  }

  private static PersonLinks.Decision apart(PersonLinks.Result result, String value) {
    return result.apart().stream().filter(d -> d.value().equals(value)).findFirst().orElse(null);
  }

  @Test
  void aBareSurnameJoinsTheOneFullNameOfItsTime() {
    article("2031-03-01", "Odile Quillfeather");
    article("2031-03-02", "Quillfeather");
    article("2031-03-20", "Quillfeather", "Bram Ostrowe");
    article("2031-04-02", "QUILLFEATHER");

    PersonLinks.Result result = LINKS.link(archive);

    PersonLinks.Decision link = link(result, "Quillfeather");
    assertEquals("Odile Quillfeather", link.target());
    assertEquals(PersonLinks.Form.SURNAME, link.form());
    assertEquals(3, link.articles());
    assertEquals(3, link.linked());
    assertEquals(Instant.parse("2031-03-02T12:00:00Z"), link.firstSeen());
    assertEquals(Instant.parse("2031-04-02T12:00:00Z"), link.lastSeen());
    assertEquals(1, link.candidates().size());
    assertEquals(3, link.candidates().get(0).explained());
    assertEquals(3, result.valuesBefore(), "case forms are one value");
    assertEquals(2, result.valuesAfter());
    assertEquals(3, result.articlesReattributed());
  }

  private void articleWithText(String day, String text, String... persons) {
    archive.add(
        new PersonLinks.ArticlePersons(
            "a" + next++, Instant.parse(day + "T12:00:00Z"), List.of(persons), text));
  }

  @Test
  void monthsStatesPlacesAndFirmsTaggedAsPersonsLinkToNoOne() {
    // A month, a state, a place and a firm the tagger took for names, each with a "full name"
    // that ends or starts with it; and a real surname beside them, which still links.
    articleWithText("2031-06-01", "Late May/early June Quillfeather said.", "May/early June");
    articleWithText("2031-06-02", "Shipments resume in June.", "June");
    articleWithText("2031-06-03", "Ottawa and Ontario Hydro agreed.", "Ontario Hydro");
    articleWithText("2031-06-04", "Demand rose in Ontario.", "Ontario");
    articleWithText("2031-06-05", "Odile Brakwater said in Port Veshna.", "Odile Brakwater");
    articleWithText("2031-06-06", "Prices fell in Brakwater last week.", "Brakwater");
    articleWithText("2031-06-07", "Sales at the Brakwater, Ohio plant rose.", "Brakwater");
    articleWithText("2031-06-08", "Ivo Tenrick said.", "Ivo Tenrick");
    articleWithText(
        "2031-06-09", "Tenrick's Holdings Inc sold its stake, Tenrick's Holdings said.", "Tenrick");
    articleWithText("2031-06-10", "Odile Quillfeather said.", "Odile Quillfeather");
    articleWithText("2031-06-11", "Quillfeather said it in Paris.", "Quillfeather");

    PersonLinks.Result result = LINKS.link(archive);

    assertEquals(List.of("Quillfeather"), result.links().stream().map(d -> d.value()).toList());
    assertTrue(apart(result, "June").reason().contains("month"), apart(result, "June").reason());
    assertTrue(apart(result, "Ontario").reason().contains("province"));
    PersonLinks.Decision place = apart(result, "Brakwater");
    assertTrue(place.reason().startsWith("a place"), place.reason());
    assertEquals("Odile Brakwater", place.candidates().get(0).name());
    assertTrue(apart(result, "Tenrick").reason().contains("firm"));
  }

  @Test
  void aSurnameWrittenAfterAnHonorificIsAPersonEvenInAPlaceSentence() {
    articleWithText("2031-07-01", "Odile Brakwater said.", "Odile Brakwater");
    articleWithText(
        "2031-07-02", "In Paris, Ms Brakwater spoke in Brakwater's stead.", "Brakwater");

    assertEquals("Odile Brakwater", link(LINKS.link(archive), "Brakwater").target());
  }

  @Test
  void twoFullNamesWithTheSurnameInTheWindowKeepItApart() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-03", "Piet Quillfeather");
    article("2031-05-04", "Quillfeather");

    PersonLinks.Result result = LINKS.link(archive);

    assertTrue(result.links().isEmpty());
    PersonLinks.Decision apart = apart(result, "Quillfeather");
    assertNull(apart.target());
    assertEquals(1, apart.ambiguous());
    assertTrue(apart.reason().startsWith("ambiguous"), apart.reason());
    assertTrue(apart.reason().contains("Odile Quillfeather"), apart.reason());
    assertTrue(apart.reason().contains("Piet Quillfeather"), apart.reason());
    assertEquals(0, result.articlesReattributed());
    assertEquals(result.valuesBefore(), result.valuesAfter());
  }

  @Test
  void theWindowDecidesWhichNamesCompete() {
    // Two people with one surname, years apart: each period's short form is its own person's.
    article("2031-01-10", "Odile Quillfeather");
    article("2031-01-12", "Quillfeather");
    article("2036-06-01", "Piet Quillfeather");

    PersonLinks.Result result = LINKS.link(archive);

    assertEquals("Odile Quillfeather", link(result, "Quillfeather").target());
    assertEquals(2, link(result, "Quillfeather").candidates().size());
    assertEquals(0, link(result, "Quillfeather").candidates().get(1).explained());
  }

  @Test
  void aShortFormFarFromEveryFullNameStaysApart() {
    article("2031-01-10", "Odile Quillfeather");
    article("2033-01-12", "Quillfeather");

    PersonLinks.Decision apart = apart(LINKS.link(archive), "Quillfeather");

    assertEquals(1, apart.outsideWindow());
    assertTrue(apart.reason().startsWith("no full name within 90 days"), apart.reason());
  }

  @Test
  void differentPeopleAtDifferentTimesStayApart() {
    article("2031-01-10", "Odile Quillfeather");
    article("2031-01-12", "Quillfeather");
    article("2034-06-01", "Piet Quillfeather");
    article("2034-06-02", "Quillfeather");

    PersonLinks.Decision apart = apart(LINKS.link(archive), "Quillfeather");

    assertEquals(2, apart.linked());
    assertTrue(apart.reason().contains("different people at different times"), apart.reason());
  }

  @Test
  void mostArticlesFarFromTheFullNameKeepItApart() {
    article("2031-01-10", "Odile Quillfeather");
    article("2031-01-12", "Quillfeather");
    article("2033-01-12", "Quillfeather");
    article("2033-05-12", "Quillfeather");

    PersonLinks.Decision apart = apart(LINKS.link(archive), "Quillfeather");

    assertEquals(1, apart.linked());
    assertEquals(2, apart.outsideWindow());
    assertTrue(apart.reason().startsWith("only 1 of its 3 articles"), apart.reason());
  }

  @Test
  void anArticleNamingBothFormsLinksThemWhateverTheWindow() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-03", "Piet Quillfeather");
    article("2031-05-04", "Quillfeather", "Odile Quillfeather");

    PersonLinks.Decision link = link(LINKS.link(archive), "Quillfeather");

    assertEquals("Odile Quillfeather", link.target());
    assertEquals(1, link.candidates().get(0).cooccurring());
  }

  @Test
  void aFirstNameAloneJoinsTheOnlyFullNameStartingWithIt() {
    article("2031-02-01", "Yoshiro Tanabeki");
    article("2031-02-02", "Yoshiro");

    PersonLinks.Decision link = link(LINKS.link(archive), "Yoshiro");

    assertEquals("Yoshiro Tanabeki", link.target());
    assertEquals(PersonLinks.Form.FIRST_NAME, link.form());
    assertEquals("first-name", link.form().label());
  }

  @Test
  void aSurnameMatchWinsOverAFirstNameMatch() {
    article("2031-02-01", "Grant Ellery");
    article("2031-02-01", "Ada Grant");
    article("2031-02-02", "Grant");

    assertEquals("Ada Grant", link(LINKS.link(archive), "Grant").target());
  }

  @Test
  void loneFirstNamesThatLinkToNoOneAreNotFacetValues() {
    article("2031-02-01", "Marisol");
    article("2031-02-02", "Tomasz Wrenfield");
    article("2031-02-03", "Tomasz Beldane");
    article("2031-02-04", "Tomasz");
    article("2031-02-05", "Ostrowe");

    PersonLinks.Result result = LINKS.link(archive);

    assertEquals(
        List.of("Marisol", "Tomasz"),
        result.loneFirstNames().stream().map(PersonLinks.LoneFirstName::value).sorted().toList());
    assertTrue(result.links().isEmpty());
    assertTrue(result.apart().isEmpty(), "a surname matching no full name is not reported");
    assertEquals(5, result.valuesBefore());
    assertEquals(3, result.valuesAfter());
  }

  @Test
  void aGivenNameThatIsSomeonesSurnameIsNotDroppedAsAFirstName() {
    article("2025-02-01", "Marisol");
    article("2031-02-01", "Ada Marisol");

    PersonLinks.Result result = LINKS.link(archive);

    assertTrue(result.loneFirstNames().isEmpty());
    assertTrue(apart(result, "Marisol").reason().startsWith("no full name"));
  }

  @Test
  void formsSharingFirstAndLastNameAreOnePerson() {
    article("2031-03-01", "Odile Quillfeather");
    article("2031-03-02", "Odile Quillfeather");
    article("2031-03-03", "Odile B. Quillfeather");
    article("2031-03-04", "Quillfeather");

    PersonLinks.Decision link = link(LINKS.link(archive), "Quillfeather");

    assertEquals("Odile Quillfeather", link.target());
    assertEquals(List.of("Odile B. Quillfeather"), link.candidates().get(0).forms());
    assertEquals(3, link.candidates().get(0).articles());
  }

  @Test
  void aSurnameWithAParticleJoinsItsFullName() {
    article("2031-03-01", "Luc de Varenne");
    article("2031-03-02", "de Varenne");

    assertEquals("Luc de Varenne", link(LINKS.link(archive), "de Varenne").target());
  }

  @Test
  void undatedArticlesSeeEveryCandidate() {
    article("2031-03-01", "Odile Quillfeather");
    archive.add(new PersonLinks.ArticlePersons("undated", null, List.of("Quillfeather")));

    assertEquals("Odile Quillfeather", link(LINKS.link(archive), "Quillfeather").target());
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfArticles() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-03", "Piet Quillfeather");
    article("2031-05-04", "Quillfeather");
    article("2031-06-04", "Yoshiro Tanabeki", "Bram Ostrowe");
    article("2031-06-05", "Yoshiro");
    article("2031-06-06", "Ostrowe");
    PersonLinks.Result expected = LINKS.link(archive);
    Collections.shuffle(archive, new Random(7));

    assertEquals(expected, LINKS.link(archive));
  }

  @Test
  void aFullNameNamedOftenDominatesOneOffsWithTheSameSurname() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-02", "Odile Quillfeather");
    article("2031-05-03", "Odile Quillfeather");
    article("2031-05-04", "Piet Quillfeather");
    article("2031-05-05", "Quillfeather");

    PersonLinks.Decision link = link(LINKS.link(archive), "Quillfeather");

    assertEquals("Odile Quillfeather", link.target());
    assertEquals(1, link.dominant());
    assertEquals(0, link.ambiguous());
  }

  @Test
  void twoFullNamesNamedOftenAreTwoPeopleNotALeaderAndASlip() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-02", "Odile Quillfeather");
    article("2031-05-03", "Odile Quillfeather");
    article("2031-05-04", "Piet Quillfeather");
    article("2031-05-05", "Piet Quillfeather");
    article("2031-05-06", "Quillfeather");

    PersonLinks.Decision apart = apart(LINKS.link(archive), "Quillfeather");

    assertEquals(1, apart.ambiguous());
  }

  @Test
  void aLongerNameEndingWithAFullNameIsThatPerson() {
    article("2031-05-01", "Odile Quillfeather");
    article("2031-05-02", "Minister Odile Quillfeather");
    article("2031-05-03", "Quillfeather");

    PersonLinks.Decision link = link(LINKS.link(archive), "Quillfeather");

    assertEquals("Odile Quillfeather", link.target());
    assertEquals(List.of("Minister Odile Quillfeather"), link.candidates().get(0).forms());
  }

  @Test
  void aWordMorePeopleCarryAsFirstNameIsReadAsAFirstName() {
    article("2031-02-01", "Grant Ellery");
    article("2031-02-01", "Grant Ostrowe");
    article("2031-02-01", "Ada Grant");
    article("2031-02-02", "Grant");

    PersonLinks.Result result = LINKS.link(archive);

    assertTrue(result.links().isEmpty());
    assertEquals("Grant", result.loneFirstNames().get(0).value());
    assertTrue(
        result.loneFirstNames().get(0).reason().contains("more often as a first name"),
        result.loneFirstNames().get(0).reason());
  }

  @Test
  void articlesWritingTheSurnameAfterAnotherFirstNameAreAboutSomeoneElse() {
    PersonLinks links =
        new PersonLinks(Duration.ofDays(90), w -> false, Set.of("odile", "piet")::contains);
    article("2031-03-01", "Odile Quillfeather");
    archive.add(
        new PersonLinks.ArticlePersons(
            "text1",
            Instant.parse("2031-03-02T00:00:00Z"),
            List.of("Quillfeather"),
            "Board changes\n\nThe chairman, Piet Quillfeather, said on Monday. Quillfeather added"));
    archive.add(
        new PersonLinks.ArticlePersons(
            "text2",
            Instant.parse("2031-03-03T00:00:00Z"),
            List.of("Quillfeather"),
            "Board changes\n\nSAYS QUILLFEATHER. Minister Quillfeather said. But Quillfeather"));

    PersonLinks.Decision apart = apart(links.link(archive), "Quillfeather");

    assertTrue(apart.reason().contains("Piet Quillfeather"), apart.reason());
    assertEquals(1, apart.linked(), "a title, a headline and a sentence start are no evidence");
  }

  @Test
  void initialsBeforeTheSurnameAreAnotherName() {
    PersonLinks links = new PersonLinks(Duration.ofDays(90), w -> false, w -> false);
    article("2031-03-01", "Odile Quillfeather");
    archive.add(
        new PersonLinks.ArticlePersons(
            "text1",
            Instant.parse("2031-03-02T00:00:00Z"),
            List.of("Quillfeather"),
            "Results\n\nsaid H. Brandt Quillfeather, and L.C. Quillfeather Jr."));

    assertTrue(
        apart(links.link(archive), "Quillfeather").reason().contains("H. Brandt Quillfeather"));
  }

  @Test
  void aFirstNameFollowedByAnotherWordIsAnotherName() {
    PersonLinks links = new PersonLinks(Duration.ofDays(90), w -> false, w -> false);
    article("2031-02-01", "Yoshiro Tanabeki");
    archive.add(
        new PersonLinks.ArticlePersons(
            "text1",
            Instant.parse("2031-02-02T00:00:00Z"),
            List.of("Yoshiro"),
            "Loans\n\nYoshiro Savings and Loan said it closed."));
    archive.add(
        new PersonLinks.ArticlePersons(
            "text2",
            Instant.parse("2031-02-03T00:00:00Z"),
            List.of("Yoshiro"),
            "Talks\n\nYoshiro Tanabeki arrived. Yoshiro said."));

    PersonLinks.Result result = links.link(archive);

    assertTrue(result.links().isEmpty());
    assertTrue(
        result.loneFirstNames().get(0).reason().contains("Yoshiro Savings"),
        result.loneFirstNames().get(0).reason());
  }

  @Test
  void aFullNameOnlyEverWrittenInCapitalsIsNoTarget() {
    article("2031-02-01", "VESTBY ROUTE");
    article("2031-02-02", "Vestby");
    article("2031-02-03", "Odile Quillfeather");
    article("2031-02-04", "ODILE QUILLFEATHER");
    article("2031-02-05", "QUILLFEATHER");

    PersonLinks.Result result = LINKS.link(archive);

    assertEquals(List.of("QUILLFEATHER"), result.links().stream().map(d -> d.value()).toList());
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new PersonLinks(Duration.ofDays(-1), w -> false));
  }
}
