package dev.carnews.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A {@link TextEmbedder} on one of the {@link VectorModel}s, run in this JVM by ONNX Runtime from
 * the model file inside the jar: nothing is downloaded, before or while it runs. The tokenizer
 * library (DJL) is told to stay offline and send no telemetry, and to unpack its native library
 * into a folder of the temp directory rather than the user's home.
 */
public final class OnnxTextEmbedder implements TextEmbedder {

  static {
    keepTokenizerOffline();
  }

  /**
   * The longest input the model reads at once ([CLS], 510 tokens, [SEP]); a longer query goes the
   * passages' way, cut into parts whose vectors are averaged.
   */
  private static final int MAX_TOKENS = 512;

  private final VectorModel model;
  private final EmbeddingModel onnx;
  private final QueryEncoder queries;
  private final int dimensions;

  private OnnxTextEmbedder(VectorModel model, EmbeddingModel onnx, QueryEncoder queries) {
    this.model = model;
    this.onnx = onnx;
    this.queries = queries;
    this.dimensions = onnx.dimension();
  }

  /**
   * The default model, loaded by the first {@code get()} and shared by every caller after it: a
   * service that never embeds does not pay for loading it.
   */
  public static Supplier<TextEmbedder> lazyDefault() {
    return new Once<>(OnnxTextEmbedder::load);
  }

  /** The name the default model records in the index, known without loading it. */
  public static String defaultName() {
    return nameOf(VectorModel.DEFAULT);
  }

  private static String nameOf(VectorModel model) {
    return model.label() + "-q";
  }

  /** Loads the default model (a second or two, once per process). */
  public static OnnxTextEmbedder load() {
    return load(VectorModel.DEFAULT);
  }

  /**
   * Loads a model from the classpath.
   *
   * @throws IllegalStateException when the model's jar is not on the classpath
   */
  public static OnnxTextEmbedder load(VectorModel model) {
    try (InputStream weights = resource(model.resource + ".onnx");
        InputStream tokenizerJson = resource(model.resource + "-tokenizer.json")) {
      byte[] tokenizer = tokenizerJson.readAllBytes();
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      // One thread per call: the callers (tagging threads, request threads) are the parallelism;
      // ONNX Runtime's own pool per call would only oversubscribe the cores.
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(weights.readAllBytes(), options);
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(
              environment, session, new ByteArrayInputStream(tokenizer), model.pooling);
      Executor callerRuns = Runnable::run;
      EmbeddingModel onnx =
          new AbstractInProcessEmbeddingModel(callerRuns) {
            @Override
            protected OnnxBertBiEncoder model() {
              return encoder;
            }

            @Override
            protected Integer knownDimension() {
              return DIMENSIONS;
            }
          };
      QueryEncoder queries =
          new QueryEncoder(
              environment,
              session,
              HuggingFaceTokenizer.newInstance(
                  new ByteArrayInputStream(tokenizer), Map.of("padding", "false")),
              model.pooling,
              session.getInputNames().contains("token_type_ids"));
      return new OnnxTextEmbedder(model, onnx, queries);
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("embedding model " + model.label() + " did not load", e);
    }
  }

  /** Every model this service can load gives vectors of this many numbers. */
  public static final int DIMENSIONS = 384;

  private static InputStream resource(String name) {
    InputStream in = OnnxTextEmbedder.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath");
    }
    return in;
  }

  @Override
  public float[] passage(String text) {
    return unit(onnx.embed(model.passagePrefix + text).content().vector());
  }

  @Override
  public List<float[]> passages(List<String> texts) {
    List<TextSegment> segments =
        texts.stream().map(text -> TextSegment.from(model.passagePrefix + text)).toList();
    return onnx.embedAll(segments).content().stream().map(e -> unit(e.vector())).toList();
  }

  @Override
  public float[] query(String text) {
    String marked = model.queryPrefix + text;
    float[] vector = queries.encode(marked);
    return vector != null ? unit(vector) : unit(onnx.embed(marked).content().vector());
  }

  /**
   * A query's vector in one pass: tokenized once and run once. LangChain4j's encoder, which the
   * passages keep, tokenizes a text three times to split it into parts of the model's length and
   * copies every token's output to the heap; for a query of a few words that was a tenth of the
   * embedding's time. Both give the same vector (the test holds them to 1e-6) for any text that
   * fits the model in one part. {@code typed}: whether the model takes token type ids.
   */
  private record QueryEncoder(
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      PoolingMode pooling,
      boolean typed) {

    /** The pooled, not yet unit, vector of {@code text}; null when it is longer than one part. */
    float[] encode(String text) {
      Encoding encoding = tokenizer.encode(text, true, false);
      long[] ids = encoding.getIds();
      if (ids.length >= MAX_TOKENS) {
        return null;
      }
      long[] shape = {1, ids.length};
      try (OnnxTensor tokens = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
          OnnxTensor mask =
              OnnxTensor.createTensor(
                  environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
          OnnxTensor types =
              OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
          OrtSession.Result result =
              session.run(
                  typed
                      ? Map.of("input_ids", tokens, "attention_mask", mask, "token_type_ids", types)
                      : Map.of("input_ids", tokens, "attention_mask", mask))) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return pooled(hidden, ids.length);
      } catch (OrtException e) {
        throw new IllegalStateException("the query could not be embedded", e);
      }
    }

    /** The first token's vector (CLS) or the mean of every token's, as the model was trained. */
    private float[] pooled(FloatBuffer hidden, int tokens) {
      float[] vector = new float[DIMENSIONS];
      if (pooling == PoolingMode.CLS) {
        hidden.get(0, vector);
        return vector;
      }
      for (int token = 0; token < tokens; token++) {
        int at = token * DIMENSIONS;
        for (int i = 0; i < DIMENSIONS; i++) {
          vector[i] += hidden.get(at + i);
        }
      }
      for (int i = 0; i < DIMENSIONS; i++) {
        vector[i] /= tokens;
      }
      return vector;
    }
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public String name() {
    return nameOf(model);
  }

  /** The vector scaled to length 1, so the dot product of two is their cosine. */
  static float[] unit(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    float norm = (float) Math.sqrt(sum);
    if (norm == 0f) {
      return vector;
    }
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = vector[i] / norm;
    }
    return unit;
  }

  /**
   * DJL reads these as system properties or environment variables: no telemetry, no network, and
   * its native tokenizer library unpacked under the temp directory. Settings a user made win.
   */
  private static void keepTokenizerOffline() {
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("DJL_OFFLINE", "true");
    setIfAbsent("offline", "true");
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      try {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "carnews-djl");
        Files.createDirectories(cache);
        System.setProperty("DJL_CACHE_DIR", cache.toString());
        System.setProperty("ENGINE_CACHE_DIR", cache.toString());
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the tokenizer's cache folder", e);
      }
    }
  }

  private static void setIfAbsent(String name, String value) {
    if (System.getProperty(name) == null && System.getenv(name) == null) {
      System.setProperty(name, value);
    }
  }
}
