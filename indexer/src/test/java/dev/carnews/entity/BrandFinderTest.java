package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BrandFinderTest {

  private static final BrandFinder FINDER = new BrandFinder(BrandDictionary.loadDefault());

  private static List<String> brands(String text) {
    return brands(text, List.of());
  }

  private static List<String> brands(String text, List<Mention> persons) {
    List<Mention> mentions = FINDER.find(text, persons);
    for (Mention m : mentions) {
      assertEquals(EntityType.BRAND, m.type());
      assertEquals(m.text(), text.substring(m.start(), m.end()), "offsets of " + m);
    }
    return mentions.stream().map(Mention::canonical).toList();
  }

  private static List<String> surfaces(String text) {
    return FINDER.find(text).stream().map(Mention::text).toList();
  }

  @Test
  void possessivesCapitalsAndModelsCountAsTheMarque() {
    String text = "Renault's new hatchback, the Renault 5 E-Tech, went on sale. RENAULT said so.";
    List<Mention> mentions = FINDER.find(text);
    assertEquals(List.of("Renault", "Renault", "Renault"), brands(text));
    assertEquals("Renault", mentions.get(0).text());
    assertEquals(0, mentions.get(0).start());
    assertEquals("Renault 5 E-Tech", mentions.get(1).text());
    assertEquals(text.indexOf("Renault 5"), mentions.get(1).start());
    assertEquals("RENAULT", mentions.get(2).text());
  }

  @Test
  void matchesWholeWordsOnly() {
    assertEquals(List.of(), brands("Nokia and Skiathos tourism rose; the audience cheered."));
    assertEquals(List.of("Kia"), brands("Kia sold more cars."));
  }

  @Test
  void multiWordAndHyphenatedMarques() {
    assertEquals(
        List.of("Mercedes-Benz", "Mercedes-Benz", "Rolls-Royce", "Land Rover", "Land Rover"),
        brands(
            "A Mercedes-Benz and a Mercedes-AMG coupe passed a Rolls-Royce, a Land Rover and a"
                + " Range Rover."));
    assertEquals(List.of("Mercedes-AMG"), surfaces("The Mercedes-AMG team tested it."));
    assertEquals(List.of("Alfa Romeo", "Aston Martin"), brands("Alfa Romeo and Aston Martin."));
  }

  @Test
  void aliasesResolveToTheCanonicalName() {
    assertEquals(
        List.of("Volkswagen", "Mercedes-Benz", "Chevrolet", "Lamborghini", "Citroën", "Škoda"),
        brands(
            "VW's plan, a Merc estate, a Chevy pickup, a Lambo, a Citroen van and a Skoda car."));
  }

  @Test
  void lowerCaseCommonWordsAreNotBrands() {
    assertEquals(
        List.of(),
        brands(
            "The mini bus had a smart seat; a jaguar crossed the ford where drivers dodge a ram"
                + " near the genesis of the road, by fiat."));
  }

  @Test
  void personsWinOverBrands() {
    String text = "Harrison Ford drove a Ford to the premiere.";
    Mention person = new Mention(EntityType.PERSON, "Harrison Ford", 0, 13, "Harrison Ford");
    List<Mention> mentions = FINDER.find(text, List.of(person));
    assertEquals(1, mentions.size());
    assertEquals(text.indexOf("a Ford") + 2, mentions.get(0).start());
    assertEquals("Ford", mentions.get(0).canonical());
  }

  @Test
  void wellKnownNamesAreNotBrandsEvenWithoutPersons() {
    assertEquals(
        List.of("Ford"), brands("Harrison Ford bought a Ford pickup from a local dealer."));
    assertEquals(List.of(), brands("Abraham Lincoln spoke, and the Lincoln Memorial was full."));
  }

  @Test
  void ambiguousMarqueNeedsCarContext() {
    assertEquals(List.of(), brands("The school trip visited Lincoln, Nebraska, and the museum."));
    assertEquals(List.of(), brands("Mercury is the planet closest to the sun, astronomers say."));
    assertEquals(List.of("Lincoln"), brands("Sales of the Lincoln Navigator rose in the spring."));
    assertEquals(
        List.of("Lincoln"), brands("Buyers said the new Lincoln was the quietest car they drove."));
    assertEquals(
        List.of("Lincoln", "Lincoln"),
        brands("The Lincoln Aviator is new. Lincoln will also refresh its range."));
  }

  @Test
  void ambiguousWordAtSentenceStartNeedsStrongerProof() {
    assertEquals(List.of(), brands("Seat belts save lives in every car, police said."));
    assertEquals(List.of(), brands("Smart phones now unlock cars. Smart cards did too."));
  }

  @Test
  void capitalsInsideMixedCaseTextIdentifySeatAndMini() {
    assertEquals(List.of("Seat", "Mini"), brands("Sales at SEAT rose while MINI held steady."));
  }

  @Test
  void capitalsHeadlineNeedsMoreThanTheWord() {
    assertEquals(List.of(), brands("SEAT BELT RULES TIGHTEN\n\nThe rules change in May."));
    assertEquals(List.of("Ford"), brands("FORD RECALLS PICKUPS\n\nThe recall covers 2,000."));
  }

  @Test
  void uniqueModelsIdentifyTheirMarque() {
    assertEquals(
        List.of("Toyota", "Ford", "Tesla", "Hyundai"),
        brands("A Corolla, an F-150, a Model Y and an Ioniq were parked outside."));
  }

  @Test
  void modelsThatAreWordsOnlyCountAfterTheMarque() {
    assertEquals(
        List.of(), brands("The focus of the meeting was a transit plan for the explorer."));
    assertEquals(List.of("Ford Focus"), surfaces("She bought a Ford Focus last week."));
    assertEquals(List.of("Peugeot 208"), surfaces("The Peugeot 208 leads the chart."));
  }

  @Test
  void golfTheSportIsNotAVolkswagen() {
    assertEquals(List.of(), brands("Golf fans watched the final round at the club."));
    assertEquals(
        List.of("Volkswagen"), brands("The latest Golf is the best-selling car in the range."));
  }

  @Test
  void possessiveSNeverStartsAModelName() {
    assertEquals(List.of(), brands("The winger's cross found the striker at the far post."));
  }

  @Test
  void carMakingGroupsAreBrandsAndSubsidiariesCountAsTheirParent() {
    // Issue 11: the gold rules count the groups business news is about.
    assertEquals(
        List.of("Stellantis", "General Motors"),
        brands("Stellantis and General Motors reported results."));
    assertEquals(List.of("Stellantis", "Peugeot"), brands("Stellantis said Peugeot sales rose."));
    assertEquals(
        List.of("General Motors", "Toyota"),
        brands("GM Canada and Toyota Australia cut car prices."));
  }

  @Test
  void financeArmsTradingHousesAndTickersAreNotBrands() {
    assertEquals(
        List.of(), brands("General Motors Acceptance Corp and Mitsubishi Corp sold bonds."));
    assertEquals(List.of(), brands("GMAC raised its car loan rates."));
    assertEquals(
        List.of("General Motors"),
        brands("General Motors Corp <GM> said car sales rose; <GM> shares fell."));
    assertEquals(1, FINDER.find("General Motors Corp <GM> said car sales rose.").size());
  }

  @Test
  void pluralsOfUnambiguousNamesCount() {
    assertEquals(List.of("Jeep", "Land Rover"), brands("Sales of Jeeps and Land Rovers rose."));
    assertEquals(List.of(), brands("The jeeps of the army were old."));
  }

  @Test
  void brandMentionsAcrossALineBreakAreOneSpaced() {
    List<Mention> found = FINDER.find("Shares of General\nMotors Corp rose.");
    assertEquals("General Motors Corp", found.get(0).text());
  }

  @Test
  void negativeNamesHideTheMarqueInside() {
    assertEquals(List.of(), brands("Tata Steel raised prices for car makers."));
    assertEquals(List.of("Tata Motors"), brands("Tata Motors launched a new SUV."));
  }

  @Test
  void sharedFinderGivesTheSameAnswerOnManyThreads() {
    String text = "VW and Toyota sold more cars; the Lincoln Navigator and a SEAT Ibiza too.";
    List<Mention> expected = FINDER.find(text);
    assertEquals(4, expected.size());
    assertTrue(
        IntStream.range(0, 200)
            .parallel()
            .mapToObj(i -> FINDER.find(text))
            .allMatch(expected::equals));
  }

  @Test
  void animalsAndPlacesWithMarqueNamesAreNotBrands() {
    assertEquals(List.of(), brands("Rangers said the Jaguar was seen near the river at dawn."));
    assertEquals(List.of(), brands("Kia ora, said the host, welcoming the guests."));
    assertEquals(List.of(), brands("The museum in Dodge City opened a new wing."));
    assertEquals(
        List.of("Jaguar"), brands("The new Jaguar saloon is the quickest car the firm has made."));
  }

  @Test
  void strictNameNeedsAModelOrTheMarqueElsewhere() {
    assertEquals(List.of(), brands("RAM prices rose, and Ram sales of the memory chips fell."));
    assertEquals(List.of("Ram 1500"), surfaces("The Ram 1500 pickup was updated."));
    assertEquals(
        List.of("Ram Trucks", "Ram"),
        surfaces("Ram Trucks showed a concept. Ram said more follow."));
  }

  @Test
  void genesisNeedsCarContext() {
    assertEquals(List.of(), brands("In Genesis, the first book, the world is made in six days."));
    assertEquals(
        List.of("Hyundai", "Genesis", "Genesis"),
        brands("Hyundai's Genesis brand launched the GV60 in Europe."));
  }

  @Test
  void capitalsRunIsNotTheMarquesOwnSpelling() {
    assertEquals(List.of(), brands("The phone company cut its SMART-WATS rate for callers."));
  }
}
