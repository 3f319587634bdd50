package dev.carnews.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.BatchIndexer;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.ArticleSources;
import dev.carnews.ingest.ProgressListener;
import dev.carnews.ingest.ReadOptions;
import dev.carnews.nlp.NlpModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of the generated corpus: the real corpora tagged once with the full entity pipeline
 * through {@link BatchIndexer} (the product's ingest path, which is what the tagging figure
 * measures), kept in an index folder so later runs reuse it, and read back as tagged articles.
 */
final class BaseCorpus {

  private static final Logger LOG = LoggerFactory.getLogger(BaseCorpus.class);
  private static final String FIGURES = "tagging.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BaseCorpus() {}

  /**
   * The tagging figures of each corpus file; tags them into {@code folder} unless an earlier run
   * did (then its figures are returned, marked {@code cached}).
   */
  static List<Map<String, Object>> tagOnce(Path folder, List<Path> corpora, int threads)
      throws IOException, InterruptedException {
    Path figures = folder.resolve(FIGURES);
    if (Files.exists(figures)) {
      List<Map<String, Object>> cached =
          JSON.readValue(figures.toFile(), new TypeReference<List<Map<String, Object>>>() {});
      cached.forEach(row -> row.put("cached", true));
      return cached;
    }
    Files.createDirectories(folder);
    NlpModels models = NlpModels.loadDefault();
    BrandDictionary brands = BrandDictionary.loadDefault();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"))) {
      BatchIndexer indexer =
          new BatchIndexer(index, () -> new NewsEntityTagger(models, brands), threads);
      for (Path corpus : corpora) {
        long[] textBytes = textBytes(corpus);
        LOG.info("Tagging {} ({} articles) on {} threads", corpus, textBytes[0], threads);
        BatchIndexer.Summary summary =
            indexer.index(
                ArticleSources.standard(),
                List.of(corpus),
                ReadOptions.defaults(),
                ProgressListener.none());
        double seconds = summary.elapsed().toNanos() / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("corpus", corpus.getFileName().toString());
        row.put("threads", threads);
        row.put("articles", summary.created() + summary.updated());
        row.put("textMB", textBytes[1] / 1e6);
        row.put("avgChars", textBytes[1] / (double) Math.max(textBytes[0], 1));
        row.put("seconds", seconds);
        row.put("articlesPerSecond", summary.articlesPerSecond());
        row.put("mbPerSecond", textBytes[1] / 1e6 / seconds);
        row.put("load", Machine.load());
        row.put("cached", false);
        rows.add(row);
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(figures.toFile(), rows);
    return rows;
  }

  /** Every article tagged into {@code folder}, as the index stored it. */
  static List<TaggedArticle> read(Path folder) throws IOException {
    try (FSDirectory directory = FSDirectory.open(folder.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      List<TaggedArticle> result = new ArrayList<>(reader.maxDoc());
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        result.add(ArticleDocuments.fromStored(stored.document(doc)));
      }
      return result;
    }
  }

  /** Article count and UTF-8 bytes of title and body in a corpus file. */
  private static long[] textBytes(Path corpus) {
    long[] counts = new long[2];
    ArticleSources.standard()
        .read(
            List.of(corpus),
            ReadOptions.defaults(),
            new ArticleSink() {
              @Override
              public void accept(Article article) {
                counts[0]++;
                counts[1] += TaggedArticle.textOf(article).getBytes(StandardCharsets.UTF_8).length;
              }

              @Override
              public void skipped(String location, String reason) {
                LOG.warn("Skipped {}: {}", location, reason);
              }
            },
            ProgressListener.none());
    return counts;
  }
}
