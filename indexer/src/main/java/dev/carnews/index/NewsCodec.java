package dev.carnews.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

/**
 * The codec of the news index: Lucene 9.12's default codec with stored fields compressed by DEFLATE
 * (with a preset dictionary) in smaller blocks than Lucene's {@code BEST_COMPRESSION} mode.
 *
 * <p>Stored title and body are most of an archive. LZ4 (the default) keeps them at about 0.77 of
 * the raw text, too much for an index no bigger than its text; {@code BEST_COMPRESSION} halves
 * that, but inflates a 48 KB block and its dictionary for every hit shown (0.20 ms per document
 * measured at 100k articles, against 0.03 ms with LZ4). Blocks of 12 KB store 11% more (0.53 of the
 * text instead of 0.48) and read a document in 0.08 ms. Registered through {@code
 * META-INF/services}, so Lucene finds it by {@link #NAME} when it opens a segment.
 */
public final class NewsCodec extends FilterCodec {

  /** The name written into every segment. */
  public static final String NAME = "CarNews912";

  /** Ten sub-blocks of about 12 KB each, and a 2 KB dictionary shared by them. */
  private static final int CHUNK_BYTES = 10 * 12 * 1024;

  private static final int MAX_DOCS_PER_CHUNK = 1024;

  private static final int BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "CarNewsStoredFields",
          new DeflateWithPresetDictCompressionMode(),
          CHUNK_BYTES,
          MAX_DOCS_PER_CHUNK,
          BLOCK_SHIFT);

  /**
   * Vectors in an HNSW graph over int8 scalar-quantised copies (a quarter of the memory of floats;
   * the full vectors stay on disk to re-rank), Lucene's defaults of 16 links and a beam of 100.
   */
  private final KnnVectorsFormat vectors =
      new PerFieldKnnVectorsFormat() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
          return QUANTISED;
        }
      };

  private static final KnnVectorsFormat QUANTISED = new Lucene99HnswScalarQuantizedVectorsFormat();

  /** The codec; Lucene's SPI calls this constructor. */
  public NewsCodec() {
    super(NAME, new Lucene912Codec());
  }

  @Override
  public KnnVectorsFormat knnVectorsFormat() {
    return vectors;
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
