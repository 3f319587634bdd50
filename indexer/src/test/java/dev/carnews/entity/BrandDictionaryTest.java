package dev.carnews.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandDictionaryTest {

  private final BrandDictionary dictionary = BrandDictionary.loadDefault();

  @Test
  void bundledDictionaryListsMoreThan120Marques() {
    assertTrue(dictionary.brands().size() >= 120, "only " + dictionary.brands().size());
    assertTrue(dictionary.brands().contains("Mercedes-Benz"));
    assertTrue(dictionary.brands().contains("Citroën"));
    assertTrue(dictionary.brands().contains("Škoda"));
    assertTrue(dictionary.brands().contains("Land Rover"));
    assertTrue(dictionary.brands().contains("Alfa Romeo"));
  }

  @Test
  void loadDefaultIsLoadedOnce() {
    assertSame(dictionary, BrandDictionary.loadDefault());
  }

  @Test
  void aliasesResolveToTheCanonicalMarqueIgnoringCaseAndAccents() {
    assertEquals(Optional.of("Volkswagen"), dictionary.canonical("VW"));
    assertEquals(Optional.of("Volkswagen"), dictionary.canonical("vw"));
    assertEquals(Optional.of("Mercedes-Benz"), dictionary.canonical("Merc"));
    assertEquals(Optional.of("Mercedes-Benz"), dictionary.canonical("mercedes benz"));
    assertEquals(Optional.of("Chevrolet"), dictionary.canonical("Chevy"));
    assertEquals(Optional.of("Land Rover"), dictionary.canonical("Range Rover"));
    assertEquals(Optional.of("Citroën"), dictionary.canonical("citroen"));
    assertEquals(Optional.of("Škoda"), dictionary.canonical("SKODA"));
    assertEquals(Optional.of("Renault"), dictionary.canonical("renault"));
    assertEquals(Optional.of("Lamborghini"), dictionary.canonical("Lambo"));
  }

  @Test
  void carMakingGroupsAreBrandsWithTheirAliases() {
    // Issue 11: the groups business news is about are brand values; GM and AMC are aliases.
    assertEquals(Optional.of("Stellantis"), dictionary.canonical("Stellantis"));
    assertEquals(Optional.of("General Motors"), dictionary.canonical("GM"));
    assertEquals(Optional.of("General Motors"), dictionary.canonical("General Motors Corp"));
    assertEquals(Optional.of("American Motors"), dictionary.canonical("AMC"));
    assertEquals(Optional.of("Daimler-Benz"), dictionary.canonical("Daimler-Benz AG"));
    assertEquals(Optional.of("PSA Peugeot Citroën"), dictionary.canonical("PSA Peugeot Citroen"));
    assertEquals(Optional.of("Stellantis"), dictionary.group("Peugeot"));
    assertTrue(dictionary.groups().contains("Stellantis"));
    assertEquals(Optional.empty(), dictionary.canonical("Volkswagen Group of Europe"));
    assertEquals(Optional.empty(), dictionary.canonical("Corolla"), "models are not brand names");
    assertEquals(Optional.empty(), dictionary.canonical(" "));
  }

  @Test
  void negativeNamesResolveToNothing() {
    assertEquals(Optional.empty(), dictionary.canonical("Tata Steel"));
  }

  @Test
  void readsAnEditorsFileFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("brands.txt");
    Files.writeString(
        file,
        "# a comment\n\nZorvia | Imaginary Motors | Zorv, =ZRV | Quellon, =Tarn+\n",
        StandardCharsets.UTF_8);
    BrandDictionary custom = BrandDictionary.load(file);
    assertEquals(java.util.List.of("Zorvia"), custom.brands());
    assertEquals(Optional.of("Zorvia"), custom.canonical("zorv"));
    assertEquals(Optional.of("Imaginary Motors"), custom.group("Zorvia"));
  }

  @Test
  void malformedLinesNameTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BrandDictionary.load(new StringReader("# header\nZorvia | - | Zorv\n")));
    assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
  }

  @Test
  void aNameGivenToTwoMarquesIsRejected() {
    String text = "Zorvia | - | ZX | -\nQuellon | - | zx | -\n";
    assertThrows(
        IllegalArgumentException.class, () -> BrandDictionary.load(new StringReader(text)));
  }

  @Test
  void plusMarksOnlyModels() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BrandDictionary.load(new StringReader("Zorvia | - | Zorv+ | -\n")));
  }
}
