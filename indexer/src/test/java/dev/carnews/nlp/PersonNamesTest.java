package dev.carnews.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

  @Test
  void compoundRanksAreTitlesButAFewOfTheirPartsAloneAreSurnames() {
    for (String title : List.of("Lieutenant-Colonel", "Vice-President", "Major-General", "Mr.")) {
      assertTrue(PersonNames.isTitle(title), title);
    }
    for (String name : List.of("Major", "Marshal", "Rangi-Walsh", "Okafor-Laine")) {
      assertFalse(PersonNames.isTitle(name), name);
    }
  }

  @Test
  void descriptiveCompoundsDescribeAName() {
    assertTrue(PersonNames.isDescriptor("Ontario-based"));
    assertTrue(PersonNames.isDescriptor("German-born"));
    assertFalse(PersonNames.isDescriptor("Rangi-Walsh"));
  }

  @Test
  void oneParticleListServesTheFinderAndTheBylineCleaner() {
    for (String particle :
        List.of("de", "van", "des", "ben", "al", "el", "binti", "bint", "y", "av")) {
      assertTrue(PersonNames.isParticle(particle), particle);
    }
    assertFalse(PersonNames.isParticle("De"), "particles are lower case");
  }
}
