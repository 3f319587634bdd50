package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorNamesTest {

  @Test
  void dropsByAndJobTitleAndTitleCasesCapitals() {
    assertEquals(
        List.of("Dana Whitcombe"), AuthorNames.clean(List.of("By DANA WHITCOMBE, AP Auto Writer")));
  }

  @Test
  void splitsSeveralAuthors() {
    assertEquals(
        List.of("Jane Doe", "John Roe"), AuthorNames.clean(List.of("By Jane Doe and John Roe")));
    assertEquals(
        List.of("Ines Halvorsen", "Pim Okafor"),
        AuthorNames.clean(List.of("Ines Halvorsen & Pim Okafor")));
  }

  @Test
  void agencyAfterAPersonIsDropped() {
    assertEquals(List.of("Jane Doe"), AuthorNames.clean(List.of("Jane Doe | Reuters")));
    assertEquals(List.of("Jane Doe"), AuthorNames.clean(List.of("Jane Doe", "Reuters")));
  }

  @Test
  void agencyAloneIsKeptWithItsUsualName() {
    assertEquals(List.of("Reuters"), AuthorNames.clean(List.of("REUTERS")));
    assertEquals(List.of("Associated Press"), AuthorNames.clean(List.of("By AP")));
    assertEquals(List.of("AFP"), AuthorNames.clean(List.of("Agence France-Presse")));
  }

  @Test
  void jobTitleAloneIsNotAnAuthor() {
    assertEquals(List.of(), AuthorNames.clean(List.of("Staff Reporter")));
    assertEquals(List.of(), AuthorNames.clean(List.of("Motoring Editor")));
  }

  @Test
  void dropsEmailsHandlesDatesAndUpdates() {
    assertEquals(
        List.of("Marta Quinlan"),
        AuthorNames.clean(
            List.of("By Marta Quinlan marta.quinlan@example.com Twitter: @mquinlan")));
    assertEquals(
        List.of("Marta Quinlan"),
        AuthorNames.clean(List.of("Marta Quinlan | March 4, 2025 Updated 10:32 am ET")));
    assertEquals(List.of("Olu Brandt"), AuthorNames.clean(List.of("Olu Brandt, 2024-05-02")));
  }

  @Test
  void editorsAndPhotographersAreNotAuthors() {
    assertEquals(
        List.of("Teo Varga"),
        AuthorNames.clean(List.of("Reporting by Teo Varga; Editing by Lena Fisk and Ari Moss")));
  }

  @Test
  void titleCasesParticlesAndPrefixes() {
    assertEquals(Optional.of("Rosa de la Cruz"), AuthorNames.cleanOne("ROSA DE LA CRUZ"));
    assertEquals(Optional.of("Sean O'Neil"), AuthorNames.cleanOne("SEAN O'NEIL"));
    assertEquals(Optional.of("Ewan McDonald"), AuthorNames.cleanOne("EWAN MCDONALD"));
    assertEquals(Optional.of("Iona MacLeod"), AuthorNames.cleanOne("IONA MACLEOD"));
    assertEquals(Optional.of("Rui Machado"), AuthorNames.cleanOne("RUI MACHADO"));
    assertEquals(Optional.of("Anne-Sophie Valois"), AuthorNames.cleanOne("ANNE-SOPHIE VALOIS"));
    assertEquals(Optional.of("Pieter van Dijk"), AuthorNames.cleanOne("pieter van dijk"));
    assertEquals(Optional.of("Remy D'Aubrac"), AuthorNames.cleanOne("REMY d'AUBRAC"));
    assertEquals(Optional.of("Hugo van der Berg"), AuthorNames.cleanOne("HUGO van der BERG"));
  }

  @Test
  void keepsMixedCaseAsWritten() {
    assertEquals(Optional.of("Lucia de Marchi"), AuthorNames.cleanOne("By Lucia de Marchi"));
    assertEquals(Optional.of("Kerry DeVries"), AuthorNames.cleanOne("Kerry DeVries"));
  }

  @Test
  void titleBeforeTheNameIsRemoved() {
    assertEquals(Optional.of("Jane Doe"), AuthorNames.cleanOne("Senior Reporter Jane Doe"));
  }

  @Test
  void singleWordsAndSentencesAreNotNames() {
    assertEquals(Optional.empty(), AuthorNames.cleanOne("Staff"));
    assertEquals(Optional.empty(), AuthorNames.cleanOne("Read more about this story"));
    assertEquals(Optional.empty(), AuthorNames.cleanOne(null));
  }

  @Test
  void deduplicatesIgnoringCaseAndKeepsOrder() {
    assertEquals(
        List.of("Nils Ekdahl", "Jane Doe"),
        AuthorNames.clean(List.of("NILS EKDAHL", "Jane Doe", "Nils Ekdahl", "By jane doe")));
  }

  @Test
  void namesThatBeginLikeDaysOrMonthsAreKept() {
    assertEquals(List.of("Sunniva Lindqvist"), AuthorNames.clean(List.of("Sunniva Lindqvist")));
    assertEquals(List.of("Monica Vale"), AuthorNames.clean(List.of("By Monica Vale")));
    assertEquals(List.of("Marnie Calloway"), AuthorNames.clean(List.of("Marnie Calloway")));
    assertEquals(List.of("Sun Yaping"), AuthorNames.clean(List.of("SUN YAPING")));
    assertEquals(
        List.of("Ada Park"), AuthorNames.clean(List.of("Ada Park | Sun., March 2, 2025 10:30 am")));
  }
}
