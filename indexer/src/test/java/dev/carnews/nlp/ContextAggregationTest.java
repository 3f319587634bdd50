package dev.carnews.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextAggregationTest {

  private static final String[] INTRO = "Coach Maren Holt praised the team .".split(" ");
  private static final String[] SURNAME = "Holt said they would win .".split(" ");
  private static final String[] COMMON = "They hope to win .".split(" ");
  private static final String[] HEADLINE = "Hope fades for Norland .".split(" ");

  private final ContextAggregationFeatureGeneratorFactory.Generator generator =
      new ContextAggregationFeatureGeneratorFactory.Generator(gazetteer());

  @AfterEach
  void noWindowLeftBehind() {
    SentenceWindow.uninstall();
  }

  @Test
  void aSurnameAloneInheritsTheFirstNameWrittenBeforeItNearby() {
    SentenceWindow window = new SentenceWindow(List.of(INTRO, SURNAME), 5).install();
    window.at(1);

    List<String> features = features(SURNAME, 0);

    assertTrue(features.contains("ctx:pg=first"), features.toString());
    assertTrue(features.contains("ctx:p=maren") && features.contains("ctx=capmid"));
  }

  @Test
  void aCapitalisedWordWrittenInLowerCaseNearbyIsMarkedSo() {
    SentenceWindow window = new SentenceWindow(List.of(COMMON, HEADLINE), 5).install();
    window.at(1);

    assertTrue(features(HEADLINE, 0).contains("ctx=lower"));
  }

  @Test
  void sentencesBeyondTheRadiusAreNotContext() {
    List<String[]> far = new ArrayList<>();
    far.add(INTRO);
    for (int i = 0; i < 5; i++) {
      far.add("Nothing happened .".split(" "));
    }
    far.add(SURNAME);
    SentenceWindow window = new SentenceWindow(far, 3).install();
    window.at(far.size() - 1);

    assertTrue(features(SURNAME, 0).isEmpty());
  }

  @Test
  void withoutAWindowASentenceIsItsOwnContext() {
    String[] twice = "Holt met Maren Holt .".split(" ");

    assertTrue(features(twice, 0).contains("ctx:pg=first"));
    assertTrue(features(twice, 1).isEmpty(), "lower-case words get no context features");
  }

  @Test
  void aWindowForOtherTokensIsNotReadForThisSentence() {
    new SentenceWindow(List.of(INTRO, SURNAME), 5).install().at(0);

    List<String> features = features(SURNAME, 0);

    assertFalse(features.contains("ctx:p=maren"), features.toString());
  }

  private List<String> features(String[] tokens, int index) {
    List<String> features = new ArrayList<>();
    generator.createFeatures(features, tokens, index, new String[tokens.length]);
    return features;
  }

  private static WordClasses gazetteer() {
    try {
      return new WordClasses(
          new ByteArrayInputStream("maren first\nholt last\n".getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
