package dev.carnews.embed;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * The in-process embedding models this service can load (LangChain4j's int8-quantised ONNX
 * packagings of public sentence-embedding models, 384 dimensions each), with the markers each was
 * trained to see before a query and before a passage. Only the model the project ships is on the
 * service's classpath; the benchmarks compare the others.
 */
public enum VectorModel {
  /** BAAI bge-small-en-v1.5 (MIT): 512 tokens; queries carry an instruction, passages nothing. */
  BGE_SMALL_EN_V15(
      "bge-small-en-v1.5-q",
      PoolingMode.CLS,
      "Represent this sentence for searching relevant passages: ",
      ""),
  /** sentence-transformers all-MiniLM-L6-v2 (Apache 2.0): 256 tokens, no markers. */
  ALL_MINILM_L6_V2("all-minilm-l6-v2-q", PoolingMode.MEAN, "", ""),
  /** intfloat e5-small-v2 (MIT): 512 tokens; {@code query: } and {@code passage: } markers. */
  E5_SMALL_V2("e5-small-v2-q", PoolingMode.MEAN, "query: ", "passage: ");

  /** The model the service and the indexer use unless told otherwise. */
  public static final VectorModel DEFAULT = BGE_SMALL_EN_V15;

  /** The name of the model's files at the root of its jar: NAME.onnx and NAME-tokenizer.json. */
  final String resource;

  final PoolingMode pooling;
  final String queryPrefix;
  final String passagePrefix;

  VectorModel(String resource, PoolingMode pooling, String queryPrefix, String passagePrefix) {
    this.resource = resource;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
  }

  /**
   * The name options use: {@code bge-small-en-v15}, {@code all-minilm-l6-v2}, {@code e5-small-v2}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The model an option named, if any. */
  public static Optional<VectorModel> find(String label) {
    for (VectorModel model : values()) {
      if (model.label().equalsIgnoreCase(label.strip())) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }
}
