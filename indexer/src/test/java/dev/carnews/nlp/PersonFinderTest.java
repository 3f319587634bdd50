package dev.carnews.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersonFinderTest {

  private static NlpModels models;

  @BeforeAll
  static void loadModels() {
    models = NlpModels.loadDefault();
  }

  private static List<String> names(String text) {
    List<ScoredMention> found = new PersonFinder(models).findScored(text);
    for (ScoredMention m : found) {
      assertEquals(m.text(), text.substring(m.start(), m.end()), "offsets point at the surface");
      assertEquals(m.text(), NameText.clean(m.text()), "the surface is a clean name");
    }
    return found.stream().map(ScoredMention::text).toList();
  }

  @Test
  void findsNameNextToJobTitleWithoutTheTitle() {
    assertEquals(
        List.of("Marta Kowalczyk"),
        names("Norland Motors chief executive Marta Kowalczyk said the plant would reopen."));
  }

  @Test
  void leavesHonorificsOutOfTheSpan() {
    List<String> found =
        names("Mr. Henrik Lindqvist, the company's chairman, said sales rose in March.");
    assertEquals(List.of("Henrik Lindqvist"), found);
  }

  @Test
  void leavesPossessiveOutOfTheSpan() {
    List<String> found =
        names(
            "The estate car was designed by Marta Lindqvist. "
                + "Marta Lindqvist's team spent three years on it.");
    assertEquals(List.of("Marta Lindqvist", "Marta Lindqvist"), found);
  }

  @Test
  void findsAccentedNamesAndParticles() {
    List<String> found =
        names(
            "The design was led by José Ibáñez, and production chief Hendrik van der Berg said"
                + " the first cars would be delivered in June.");
    assertTrue(found.contains("José Ibáñez"), found.toString());
    assertTrue(found.contains("Hendrik van der Berg"), found.toString());
  }

  @Test
  void findsNamesInAllCapsHeadline() {
    String text = "MARTA KOWALCZYK TO LEAD NEW VAN UNIT\n\nThe company named a new head on Monday.";
    assertEquals(List.of("MARTA KOWALCZYK"), names(text));
  }

  @Test
  void findsSentenceInitialName() {
    List<String> found = names("Olek Nowak will join the board in May, the carmaker said.");
    assertEquals(List.of("Olek Nowak"), found);
  }

  @Test
  void retokenizesApacheTokensTheWayConllDoes() {
    String text = "Jean-Claude Renault's don't";
    Span[] apache = {new Span(0, 4), new Span(4, 11), new Span(12, 21), new Span(22, 27)};

    Span[] conll = ConllTokens.of(apache, text);

    assertEquals(
        List.of("Jean-Claude", "Renault", "'s", "do", "n't"),
        List.of(Span.spansToStrings(conll, text)));
  }

  @Test
  void pluralAcronymsAreNotNames() {
    List<String> found =
        names("Dealers expect the Norvik EVs and Tallin SUVs to sell well, said Sofia Brandt.");
    assertTrue(
        found.stream().noneMatch(n -> n.contains("EVs") || n.contains("SUVs")), found.toString());
  }

  @Test
  void findsNameAfterSentenceInitialJobWord() {
    assertEquals(List.of("Sofia Brandt"), names("Engineer Sofia Brandt presented the estate car."));
  }

  @Test
  void hardWrappedLinesStayOneParagraph() {
    String text =
        "Title line\n\nShares rose, said Piotr Zielinski, an analyst with Norvik\n"
            + "and Co in Oslo. The company said.\nNew paragraph here.";
    int bodyStart = text.indexOf("Shares");
    assertEquals(bodyStart - 2, TextLayout.paragraphEnd(text, 0, false));
    assertEquals(text.indexOf("\nNew"), TextLayout.paragraphEnd(text, bodyStart, false));
  }

  @Test
  void longLinesJoinOnlyInHardWrappedText() {
    String wrapped =
        "Prices of the new estate car will rise next year, the company\n"
            + "Norvik Motors said on Monday in a statement to its dealers in\n"
            + "Oslo and Bergen, where most of its cars have been sold.\n";
    String lines =
        "Prices of the new estate car will rise next year, the company\n"
            + "Norvik Motors said.\n"
            + "Short line.\n";
    assertTrue(TextLayout.looksHardWrapped(wrapped));
    assertTrue(!TextLayout.looksHardWrapped(lines));
    assertEquals(wrapped.indexOf("sold.") + 5, TextLayout.paragraphEnd(wrapped, 0, true));
    assertEquals(lines.indexOf("\nNorvik"), TextLayout.paragraphEnd(lines, 0, false));
  }

  @Test
  void namesOfFirmsAreNotPersons() {
    List<String> found =
        names("Piotr Zielinski, an analyst at Hallberg Lund and Co, said prices would rise.");
    assertTrue(found.contains("Piotr Zielinski"), found.toString());
    assertTrue(found.stream().noneMatch(n -> n.contains("Lund")), found.toString());
  }

  @Test
  void keepsHyphenatedNamesAndFirstNameBeforeParticleWhole() {
    List<String> found =
        names(
            "Chief designer Anne-Marie Dubois-Laurent and engineer Ludwig von Rauch toured the"
                + " plant.");
    assertEquals(List.of("Anne-Marie Dubois-Laurent", "Ludwig von Rauch"), found);
  }

  @Test
  void gluesLoneHyphenAndInitialsDotBack() {
    String text = "Anne-Marie met J.R. Ross";
    Span[] apache = {
      new Span(0, 4),
      new Span(4, 5),
      new Span(5, 10),
      new Span(11, 14),
      new Span(15, 18),
      new Span(18, 19),
      new Span(20, 24)
    };

    assertEquals(
        List.of("Anne-Marie", "met", "J.R.", "Ross"),
        List.of(Span.spansToStrings(ConllTokens.of(apache, text), text)));
  }

  @Test
  void countsTokensItTagged() {
    PersonFinder finder = new PersonFinder(models);
    finder.findScored("Sales rose by a fifth.\n\nThe new model arrives next year.");
    assertTrue(finder.tokensProcessed() >= 12, "tokens: " + finder.tokensProcessed());
  }

  @Test
  void nameAfterHonorificIsFoundWithItsParticle() {
    List<ScoredMention> found =
        new PersonFinder(models)
            .findScored("Luca de Marchi left in May. Mr de Marchi said he was proud of the team.");
    assertEquals(
        List.of("Luca de Marchi", "de Marchi"), found.stream().map(ScoredMention::text).toList());
    for (ScoredMention s : found) {
      assertTrue(s.probability() > 0 && s.probability() <= 1);
    }
  }

  /** Issue 11: the mentions of a text whose names may span line breaks, as stored. */
  private static List<String> storedNames(String text) {
    List<ScoredMention> found = new PersonFinder(models).findScored(text);
    for (ScoredMention m : found) {
      assertEquals(m.text(), text.substring(m.start(), m.end()).replaceAll("\\s+", " "), "offsets");
    }
    return found.stream().map(ScoredMention::text).toList();
  }

  @Test
  void aNameWrappedOverTwoLinesIsOneSpaced() {
    String text =
        "The meeting in Washington was attended by Federal Reserve Board chairman Paul\n"
            + "Volcker and by several senior officials of the main industrial countries.\n"
            + "Officials said the talks went on late into the evening at the Treasury.";
    assertEquals(List.of("Paul Volcker"), storedNames(text));
  }

  @Test
  void middleInitialsStayInsideTheName() {
    List<String> found =
        storedNames("Ford Motor Co said its president, Robert L. Rewey, would retire in June.");
    assertEquals(List.of("Robert L. Rewey"), found);
  }

  @Test
  void initialsAtASentenceEndStillEndTheSentence() {
    String text = "Car sales rose in the U.S. Imports fell.";
    Span[] two = {new Span(0, 26), new Span(27, 40)};
    assertEquals(2, TextLayout.joinedAtInitials(two, text).length);
    String named = "They met George W. Bush there today.";
    Span[] cut = {new Span(0, 18), new Span(19, 36)};
    assertEquals(1, TextLayout.joinedAtInitials(cut, named).length);
  }

  @Test
  void anInitialOpeningASentenceStaysWithTheName() {
    String text = "Scores: 292-8 ( J. Aldersley 113 , K. Brannigan 52 ).";
    Span[] cut = {new Span(0, 18), new Span(19, text.length())};
    assertEquals(1, TextLayout.joinedAtInitials(cut, text).length);
    String opening = "M. Haldane c Vossberg b Orrell 56";
    Span[] split = {new Span(0, 2), new Span(3, opening.length())};
    assertEquals(1, TextLayout.joinedAtInitials(split, opening).length);
  }

  @Test
  void aBracketInsideASpanIsNoPartOfAName() {
    List<String> found =
        storedNames(
            "\"There is pressure on both sides. (General Motors chairman Roger) Smith is under"
                + " pressure,\" said analyst Maryann Keller.");
    assertTrue(found.contains("Maryann Keller"), found.toString());
    for (String name : found) {
      assertTrue(name.chars().noneMatch(c -> "()[]".indexOf(c) >= 0), name);
    }
  }

  @Test
  void reutersTickerMarkupMarksACompanyNotAPerson() {
    List<String> found =
        storedNames(
            "NORVIK HOLDEN<NVH> TO BUY PLANT\nShares of Tallis Brandt <TBR.L> rose, said analyst"
                + " Mara Lindqvist.");
    assertTrue(found.stream().noneMatch(n -> n.contains("<") || n.contains(">")), found.toString());
    assertTrue(!found.contains("Tallis Brandt"), found.toString());
    assertTrue(found.contains("Mara Lindqvist"), found.toString());
  }

  @Test
  void thePersonAFirmIsNamedAfterStaysAPerson() {
    List<String> found =
        storedNames(
            "The market is freer now, says Detroit analyst Arvo Jauhiainen of Arvo Jauhiainen and"
                + " Associates.");
    assertEquals(List.of("Arvo Jauhiainen"), found);
  }
}
