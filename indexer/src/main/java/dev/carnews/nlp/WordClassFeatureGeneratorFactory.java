package dev.carnews.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Feature generator for the descriptor XML: adds {@code <dict>=<class>} for a token found in a
 * {@link WordClasses} resource (word clusters, name gazetteer), looked up in lower case. Parameter
 * {@code dict}: the resource name inside the model.
 */
public final class WordClassFeatureGeneratorFactory
    extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

  /** Public no-argument constructor, as OpenNLP instantiates factories by class name. */
  public WordClassFeatureGeneratorFactory() {
    super();
  }

  @Override
  public AdaptiveFeatureGenerator create() throws InvalidFormatException {
    if (resourceManager == null) {
      return null;
    }
    String dict = getStr("dict");
    WordClasses classes = WordClasses.from(resourceManager, dict);
    String prefix = dict.substring(0, dict.indexOf('.') < 0 ? dict.length() : dict.indexOf('.'));
    return new AdaptiveFeatureGenerator() {
      @Override
      public void createFeatures(
          List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        String wordClass = classes.classOf(tokens[index].toLowerCase(Locale.ROOT));
        if (wordClass != null) {
          features.add(prefix + "=" + wordClass);
        }
      }
    };
  }

  @Override
  public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping()
      throws InvalidFormatException {
    return Map.of(getStr("dict"), new WordClasses.Serializer());
  }
}
