package dev.carnews.nlp;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.FeatureGeneratorResourceProvider;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * A word → class table (word clusters, name gazetteer) stored inside a name model. Lines are {@code
 * word class}, UTF-8; words are lower case. Unlike OpenNLP's {@code WordClusterDictionary} it
 * writes UTF-8 whatever the platform charset and leaves the model's zip stream open.
 */
public final class WordClasses implements SerializableArtifact {

  private final Map<String, String> classes;

  /** Reads {@code word class} lines. */
  public WordClasses(InputStream in) throws IOException {
    Map<String, String> read = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      int space = line.indexOf(' ');
      if (space > 0 && space < line.length() - 1) {
        read.put(line.substring(0, space), line.substring(space + 1).strip().intern());
      }
    }
    this.classes = read;
  }

  /**
   * The table a model stores under {@code name}, for feature-generator factories.
   *
   * @throws InvalidFormatException when the model holds something else under that name
   */
  static WordClasses from(FeatureGeneratorResourceProvider resources, String name)
      throws InvalidFormatException {
    if (!(resources.getResource(name) instanceof WordClasses classes)) {
      throw new InvalidFormatException("not a word-class table: " + name);
    }
    return classes;
  }

  /** The class of a lower-case word, or null when the word is not in the table. */
  public String classOf(String word) {
    return classes.get(word);
  }

  /** How many words the table has. */
  public int size() {
    return classes.size();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /**
   * Reads and writes the table inside a model; public with a no-argument constructor for OpenNLP.
   */
  public static final class Serializer implements ArtifactSerializer<WordClasses> {

    @Override
    public WordClasses create(InputStream in) throws IOException {
      // The model's zip stream must not be closed by the reader: copy first.
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      in.transferTo(copy);
      return new WordClasses(new java.io.ByteArrayInputStream(copy.toByteArray()));
    }

    @Override
    public void serialize(WordClasses artifact, OutputStream out) throws IOException {
      StringBuilder text = new StringBuilder();
      for (Map.Entry<String, String> e : new TreeMap<>(artifact.classes).entrySet()) {
        text.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
      }
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
