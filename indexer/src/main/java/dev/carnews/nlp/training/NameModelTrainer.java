package dev.carnews.nlp.training;

import dev.carnews.nlp.NlpModels;
import dev.carnews.nlp.PersonFinder;
import dev.carnews.nlp.SentenceWindow;
import dev.carnews.nlp.WordClasses;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.MarkableFileInputStreamFactory;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the project's person-name model on CoNLL-2003 English data with the feature generation in
 * {@code features/person-features.xml}, plus word-cluster and name-gazetteer features whose files
 * are stored inside the model.
 */
public final class NameModelTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(NameModelTrainer.class);

  /** Where the feature descriptor and its resource files live on the classpath. */
  static final String FEATURES = "/dev/carnews/nlp/features/";

  /** The word-cluster files, coarse to fine, each used in a window of one token either side. */
  static final List<String> CLUSTER_FILES =
      List.of("clusters32.clusters", "clusters256.clusters", "clusters2048.clusters");

  /** How many tokens either side of the current one contribute their cluster (2 did worse). */
  static final int CLUSTER_WINDOW = 1;

  /**
   * Hypotheses the name finder keeps per token. Greedy decoding (1) scored the same strict PER F1
   * on eng.testa as OpenNLP's default of 3 (0.9581 both) and tags 1.4 times faster: most of the
   * pipeline's time is the name model's evaluation, once per hypothesis.
   */
  static final int BEAM_SIZE = 1;

  /**
   * Training choices.
   *
   * @param algorithm {@code MAXENT} or {@code PERCEPTRON}
   * @param iterations training iterations
   * @param cutoff minimum feature count
   * @param allTypes train persons, organisations, locations and misc (true) or persons only
   * @param clusters add word-cluster features
   * @param gazetteer add name-gazetteer features
   * @param bilou use the BILOU codec instead of BIO
   * @param context add context-aggregation features over the {@link SentenceWindow}
   */
  public record Options(
      String algorithm,
      int iterations,
      int cutoff,
      boolean allTypes,
      boolean clusters,
      boolean gazetteer,
      boolean bilou,
      boolean context) {

    /** Validates the options. */
    public Options {
      algorithm = Objects.requireNonNull(algorithm, "algorithm").toUpperCase(Locale.ROOT);
      if (!algorithm.equals("MAXENT") && !algorithm.equals("PERCEPTRON")) {
        throw new IllegalArgumentException("algorithm must be MAXENT or PERCEPTRON: " + algorithm);
      }
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be >= 1");
      }
      if (cutoff < 0) {
        throw new IllegalArgumentException("cutoff must be >= 0");
      }
    }

    /** The configuration the bundled model was built with. */
    public static Options defaults() {
      return new Options("PERCEPTRON", 300, 0, true, true, true, false, true);
    }
  }

  private NameModelTrainer() {}

  /** Trains a model on a CoNLL-2003 English file. */
  public static TokenNameFinderModel train(Path conllTrain, Options options) throws IOException {
    return train(List.of(conllTrain), options);
  }

  /**
   * Trains a model on CoNLL-2003 English files, in order; each file starts a new document for the
   * document-level features.
   */
  public static TokenNameFinderModel train(List<Path> conllTrain, Options options)
      throws IOException {
    TokenNameFinderFactory factory =
        new TokenNameFinderFactory(
            featureDescriptor(options).getBytes(StandardCharsets.UTF_8),
            resources(options),
            codec(options));
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm());
    params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
    params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    params.put(BeamSearch.BEAM_SIZE_PARAMETER, BEAM_SIZE);
    LOG.info("training {} on {}", options, conllTrain);
    try (ObjectStream<NameSample> samples = conllSamples(conllTrain, options.allTypes())) {
      return NameFinderME.train("en", null, samples, params, factory);
    }
  }

  /** Writes a model to a file. */
  public static void write(TokenNameFinderModel model, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      model.serialize(os);
    }
  }

  /** A CoNLL-2003 English sample stream with persons only or all four entity types. */
  public static ObjectStream<NameSample> conllSamples(Path file, boolean allTypes)
      throws IOException {
    return conllSamples(List.of(file), allTypes);
  }

  /** The samples of several CoNLL-2003 English files, each file starting a new document. */
  public static ObjectStream<NameSample> conllSamples(List<Path> files, boolean allTypes)
      throws IOException {
    List<NameSample> normalized = new ArrayList<>();
    for (Path file : files) {
      readNormalized(file, allTypes, normalized);
    }
    return new WindowedSamples(normalized);
  }

  private static void readNormalized(Path file, boolean allTypes, List<NameSample> into)
      throws IOException {
    int types = Conll02NameSampleStream.GENERATE_PERSON_ENTITIES;
    if (allTypes) {
      types |=
          Conll02NameSampleStream.GENERATE_ORGANIZATION_ENTITIES
              | Conll02NameSampleStream.GENERATE_LOCATION_ENTITIES
              | Conll02NameSampleStream.GENERATE_MISC_ENTITIES;
    }
    ObjectStream<NameSample> raw =
        new Conll03NameSampleStream(
            Conll03NameSampleStream.LANGUAGE.EN,
            new MarkableFileInputStreamFactory(file.toFile()),
            types);
    boolean first = true;
    try (raw) {
      NameSample sample;
      while ((sample = raw.read()) != null) {
        into.add(
            new NameSample(
                PersonFinder.caseNormalized(sample.getSentence()),
                sample.getNames(),
                sample.isClearAdaptiveDataSet() || first));
        first = false;
      }
    }
  }

  /**
   * Samples in file order that install, as each is read, the {@link SentenceWindow} of its document
   * (the stretch between {@code -DOCSTART-} lines; the whole file when it has none) on the reading
   * thread: the trainer and the evaluator compute features right after reading a sample.
   */
  static final class WindowedSamples implements ObjectStream<NameSample> {

    private final List<NameSample> samples;
    private final List<SentenceWindow> windows = new ArrayList<>();
    private final int[] windowOf;
    private final int[] indexInWindow;
    private int next;

    WindowedSamples(List<NameSample> samples) {
      this.samples = List.copyOf(samples);
      this.windowOf = new int[samples.size()];
      this.indexInWindow = new int[samples.size()];
      List<String[]> document = new ArrayList<>();
      for (int i = 0; i < samples.size(); i++) {
        if (samples.get(i).isClearAdaptiveDataSet() && !document.isEmpty()) {
          windows.add(new SentenceWindow(document, SentenceWindow.RADIUS));
          document = new ArrayList<>();
        }
        windowOf[i] = windows.size();
        indexInWindow[i] = document.size();
        document.add(samples.get(i).getSentence());
      }
      windows.add(new SentenceWindow(document, SentenceWindow.RADIUS));
    }

    @Override
    public NameSample read() {
      if (next >= samples.size()) {
        return null;
      }
      SentenceWindow window = windows.get(windowOf[next]);
      window.install().at(indexInWindow[next]);
      return samples.get(next++);
    }

    @Override
    public void reset() {
      next = 0;
    }

    @Override
    public void close() {
      SentenceWindow.uninstall();
    }
  }

  private static SequenceCodec<String> codec(Options options) {
    return options.bilou() ? new BilouCodec() : new BioCodec();
  }

  static String featureDescriptor(Options options) throws IOException {
    String xml = classpathText(FEATURES + "person-features.xml");
    StringBuilder clusters = new StringBuilder();
    if (options.clusters()) {
      for (String file : CLUSTER_FILES) {
        clusters.append(windowed(wordClassGenerator(file), CLUSTER_WINDOW));
      }
    }
    String gazetteer =
        options.gazetteer() ? windowed(wordClassGenerator(NlpModels.GAZETTEER_FILE), 1) : "";
    if (options.context()) {
      gazetteer +=
          "<generator class=\"dev.carnews.nlp.ContextAggregationFeatureGeneratorFactory\">"
              + (options.gazetteer()
                  ? "<str name=\"gazetteer\">" + NlpModels.GAZETTEER_FILE + "</str>"
                  : "")
              + "</generator>\n";
    }
    return xml.replace("<!--CLUSTERS-->", clusters.toString())
        .replace("<!--GAZETTEER-->", gazetteer);
  }

  private static String wordClassGenerator(String dict) {
    return "<generator class=\"dev.carnews.nlp.WordClassFeatureGeneratorFactory\">"
        + "<str name=\"dict\">"
        + dict
        + "</str></generator>";
  }

  private static String windowed(String generator, int width) {
    return "<generator class=\"opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory\">"
        + "<int name=\"prevLength\">"
        + width
        + "</int><int name=\"nextLength\">"
        + width
        + "</int>"
        + generator
        + "</generator>\n";
  }

  private static Map<String, Object> resources(Options options) throws IOException {
    Map<String, Object> resources = new LinkedHashMap<>();
    if (options.clusters()) {
      for (String file : CLUSTER_FILES) {
        resources.put(file, wordClasses(file));
      }
    }
    if (options.gazetteer()) {
      resources.put(NlpModels.GAZETTEER_FILE, wordClasses(NlpModels.GAZETTEER_FILE));
    }
    return resources;
  }

  private static WordClasses wordClasses(String file) throws IOException {
    try (InputStream in = classpathStream(FEATURES + file)) {
      return new WordClasses(in);
    }
  }

  private static String classpathText(String resource) throws IOException {
    try (InputStream in = classpathStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream classpathStream(String resource) throws IOException {
    InputStream in = NameModelTrainer.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing classpath resource " + resource);
    }
    return in;
  }
}
