package dev.carnews.nlp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Context aggregation (Ratinov and Roth 2009) for the descriptor XML: for a capitalised token, the
 * contexts of the same word elsewhere in the {@link SentenceWindow} (the article at run time).
 * Whether it is written in lower case there, the words right before and after it, whether those are
 * capitalised and, when they are, their class in the name gazetteer. A surname alone ({@code Fine})
 * thus inherits the evidence of {@code Larry Fine} or {@code Mr Fine} nearby, and a capitalised
 * common word the evidence of its lower-case uses. The features read only the text, never a
 * prediction, so one model trained in one pass uses them.
 *
 * <p>Parameter {@code gazetteer}: the name-gazetteer resource inside the model (optional).
 */
public final class ContextAggregationFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Occurrences read per token at most: a word used fifty times says no more than twenty. */
  static final int MAX_OCCURRENCES = 20;

  /** Public no-argument constructor, as OpenNLP instantiates factories by class name. */
  public ContextAggregationFeatureGeneratorFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    if (resourceManager == null) {
      return null;
    }
    String dict = getStr("gazetteer", "");
    WordClasses gazetteer = dict.isEmpty() ? null : WordClasses.from(resourceManager, dict);
    return new Generator(gazetteer);
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping()
      throws InvalidFormatException {
    String dict = getStr("gazetteer", "");
    return dict == null || dict.isEmpty() ? Map.of() : Map.of(dict, new WordClasses.Serializer());
  }

  /** The generator; stateless apart from the thread's window. */
  static final class Generator implements AdaptiveFeatureGenerator {

    private final WordClasses gazetteer;
    private String[] lastTokens;
    private SentenceWindow lastAlone;

    Generator(WordClasses gazetteer) {
      this.gazetteer = gazetteer;
    }

    @Override
    public void createFeatures(
        List<String> features, String[] tokens, int index, String[] previousOutcomes) {
      String word = tokens[index];
      if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
        return;
      }
      SentenceWindow window = SentenceWindow.current();
      int sentence = window == null ? -1 : window.indexOf(tokens);
      if (sentence < 0) {
        if (tokens != lastTokens) {
          lastTokens = tokens;
          lastAlone = SentenceWindow.of(tokens);
        }
        window = lastAlone;
        sentence = 0;
      }
      Set<String> found = new LinkedHashSet<>();
      int[] seen = {0};
      window.forEachOtherOccurrence(
          sentence,
          index,
          word,
          (other, at) -> {
            if (seen[0]++ < MAX_OCCURRENCES) {
              describe(other, at, found);
            }
          });
      if (seen[0] > 0) {
        features.add("ctx=seen");
        features.addAll(found);
      }
    }

    private void describe(String[] tokens, int at, Set<String> out) {
      String word = tokens[at];
      if (Character.isLowerCase(word.charAt(0))) {
        out.add("ctx=lower");
      } else if (at > 0) {
        out.add("ctx=capmid");
      }
      if (at == 0) {
        out.add("ctx:p=^");
      } else {
        neighbour("p", tokens[at - 1], out);
      }
      if (at + 1 < tokens.length) {
        neighbour("n", tokens[at + 1], out);
      } else {
        out.add("ctx:n=$");
      }
    }

    private void neighbour(String side, String word, Set<String> out) {
      String lower = word.toLowerCase(Locale.ROOT);
      out.add("ctx:" + side + "=" + lower);
      if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
        out.add("ctx:" + side + "cap");
        String nameClass = gazetteer == null ? null : gazetteer.classOf(lower);
        if (nameClass != null) {
          out.add("ctx:" + side + "g=" + nameClass);
        }
      }
    }
  }
}
