package dev.carnews.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The loaded OpenNLP models of the pipeline: the Apache English (UD EWT) sentence and token models
 * and the project's person-name model. Models are immutable and safe to share across threads; the
 * {@code *ME} tools built from them are not (see {@link PersonFinder}).
 */
public final class NlpModels {

  /** Classpath location of the Apache sentence model. */
  public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  /** Classpath location of the Apache token model. */
  public static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

  /** Classpath location of the bundled person-name model. */
  public static final String PERSON_MODEL = "/dev/carnews/nlp/en-ner-person.bin";

  /** The OpenNLP type of persons in the person model, as in its CoNLL-2003 training samples. */
  public static final String PERSON = "person";

  /**
   * The name of the gazetteer inside the person model: lower-cased first and last names with their
   * class, read by the feature generators and by {@link PersonFinder}.
   */
  public static final String GAZETTEER_FILE = "names.gazetteer";

  private static volatile NlpModels defaults;

  private final SentenceModel sentences;
  private final TokenizerModel tokens;
  private final TokenNameFinderModel persons;

  private NlpModels(SentenceModel sentences, TokenizerModel tokens, TokenNameFinderModel persons) {
    this.sentences = Objects.requireNonNull(sentences, "sentences");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.persons = Objects.requireNonNull(persons, "persons");
  }

  /**
   * The models shipped on the classpath, loaded once per JVM.
   *
   * @throws UncheckedIOException if a bundled model is missing or unreadable (a broken build)
   */
  public static NlpModels loadDefault() {
    NlpModels loaded = defaults;
    if (loaded == null) {
      synchronized (NlpModels.class) {
        loaded = defaults;
        if (loaded == null) {
          try (InputStream in = resource(PERSON_MODEL)) {
            loaded = withPersonModel(new TokenNameFinderModel(in));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled NLP models", e);
          }
          defaults = loaded;
        }
      }
    }
    return loaded;
  }

  /** The Apache sentence and token models with a person-name model read from a file. */
  public static NlpModels load(Path personModel) throws IOException {
    try (InputStream in = Files.newInputStream(personModel)) {
      return withPersonModel(new TokenNameFinderModel(in));
    }
  }

  /** The Apache sentence and token models with a person-name model already in memory. */
  public static NlpModels withPersonModel(TokenNameFinderModel personModel) throws IOException {
    try (InputStream sentenceIn = resource(SENTENCE_MODEL);
        InputStream tokenIn = resource(TOKEN_MODEL)) {
      return new NlpModels(new SentenceModel(sentenceIn), new TokenizerModel(tokenIn), personModel);
    }
  }

  /** The sentence model. */
  public SentenceModel sentenceModel() {
    return sentences;
  }

  /** The token model. */
  public TokenizerModel tokenModel() {
    return tokens;
  }

  /** The person-name model. */
  public TokenNameFinderModel personModel() {
    return persons;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = NlpModels.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing classpath resource " + name);
    }
    return in;
  }
}
