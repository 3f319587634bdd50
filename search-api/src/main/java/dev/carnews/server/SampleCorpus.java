package dev.carnews.server;

import dev.carnews.entity.EntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.ingest.Article;
import dev.carnews.ingest.ArticleReader;
import dev.carnews.ingest.ArticleSink;
import dev.carnews.ingest.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample corpus that ships in the jar ({@value #RESOURCE}, JSON Lines), read with an {@link
 * ArticleReader} and tagged with an {@link EntityTagger} into an empty index, so the first run
 * shows a working search.
 */
public final class SampleCorpus {

  /** Where the corpus lives on the classpath. */
  public static final String RESOURCE = "/sample/articles.jsonl";

  private static final Logger LOG = LoggerFactory.getLogger(SampleCorpus.class);

  private final ArticleReader reader;
  private final EntityTagger tagger;
  private final String resource;

  /** A loader of {@link #RESOURCE} with the given reader (for JSON Lines) and tagger. */
  public SampleCorpus(ArticleReader reader, EntityTagger tagger) {
    this(reader, tagger, RESOURCE);
  }

  /** A loader of another classpath resource (tests). */
  public SampleCorpus(ArticleReader reader, EntityTagger tagger, String resource) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /**
   * Fills the index from the corpus when the index is empty, and commits. Returns how many articles
   * were written: 0 when the index already had articles or the jar has no corpus.
   */
  public int fillIfEmpty(ArticleIndex index) throws IOException {
    if (index.count() > 0) {
      return 0;
    }
    Path folder = Files.createTempDirectory("carnews-sample");
    Path file = folder.resolve(Path.of(resource).getFileName().toString());
    try (InputStream in = SampleCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        LOG.warn("No sample corpus {} in the jar; starting with an empty index", resource);
        return 0;
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      int written = load(file, index);
      index.commit();
      LOG.info("Filled the empty index with {} sample articles", written);
      return written;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }

  private int load(Path file, ArticleIndex index) throws IOException {
    int[] written = {0};
    ArticleSink sink =
        new ArticleSink() {
          @Override
          public void accept(Article article) {
            try {
              index.write(tagger.tag(article));
              written[0]++;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void skipped(String location, String reason) {
            LOG.warn("Sample corpus: skipped {}: {}", location, reason);
          }
        };
    try {
      reader.read(file, ReadOptions.defaults(), sink);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return written[0];
  }
}
