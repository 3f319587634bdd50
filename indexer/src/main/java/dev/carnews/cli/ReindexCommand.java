package dev.carnews.cli;

import dev.carnews.curation.Curation;
import dev.carnews.embed.EmbeddingTagger;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.EntityModelVersion;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.IndexPointer;
import dev.carnews.index.Reindex;
import dev.carnews.nlp.NlpModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reindex}: builds a new index from the stored articles of an offline one, tagged again with
 * the current models. The source is only read, and locked meanwhile so nothing writes to it; a
 * running service reindexes its own index through {@code POST /api/admin/reindex} instead.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Builds a new index in --to from the stored articles of --index, each tagged again with the"
            + " current models (and embedded unless --no-vectors); the source stays as it was."
            + " A rerun after an interrupted one starts the build again.")
public final class ReindexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      required = true,
      paramLabel = "DIR",
      description = "the index to read (the folder its DIR.current pointer names, if any)")
  Path index;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "the new index: a new or empty folder, or an unfinished reindex")
  Path to;

  @Option(
      names = "--no-vectors",
      description = "embed nothing: articles keep the vectors they have, if any")
  boolean noVectors;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "tagging threads (default: the number of cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin MergeOption merge;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    merge.target(spec.commandLine());
    if (threads < 1) {
      err.println("--threads must be >= 1, was " + threads);
      return 2;
    }
    Path source = IndexPointer.resolve(index);
    if (source.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      err.println("--to must be another folder than the index it is built from");
      return 2;
    }
    try (FSDirectory directory = FSDirectory.open(source)) {
      if (!DirectoryReader.indexExists(directory)) {
        err.println("No index at " + source);
        return 2;
      }
      Lock lock;
      try {
        lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
      } catch (LockObtainFailedException e) {
        err.println(
            "Another process writes to "
                + source
                + ": reindex a running service's index with POST /api/admin/reindex");
        return 1;
      }
      try (lock;
          DirectoryReader reader = DirectoryReader.open(directory)) {
        return build(out, source, new IndexSearcher(reader), ArticleIndex.curationOf(reader));
      }
    }
  }

  private int build(PrintWriter out, Path source, IndexSearcher searcher, Curation curation)
      throws Exception {
    long start = System.nanoTime();
    try {
      Reindex.prepare(to);
    } catch (IOException e) {
      spec.commandLine().getErr().println("Refusing --to: " + e.getMessage());
      return 1;
    }
    NlpModels models = NlpModels.loadDefault();
    BrandDictionary brands = BrandDictionary.loadDefault();
    TextEmbedder embedder = noVectors ? null : OnnxTextEmbedder.load();
    Supplier<EntityTagger> taggers =
        () -> {
          EntityTagger entities = new NewsEntityTagger(models, brands);
          return embedder == null ? entities : new EmbeddingTagger(entities, embedder);
        };
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("entities", EntityModelVersion.bundled());
    if (embedder != null) {
      versions.put("embedding", embedder.name());
    }
    Reindex.Result result;
    try (ArticleIndex target = ArticleIndex.open(to)) {
      target.recordModels(versions);
      // The editors' decisions and automatic links go with the articles: the copy is curated alike.
      target.curate(none -> curation);
      ProgressLines lines = new ProgressLines(out);
      result = Reindex.copy(searcher, target, taggers, threads, lines::copied);
      target.commit();
      merge.apply(target, result.articles(), out, spec.commandLine());
    }
    Reindex.complete(to);
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "Reindexed %,d articles from %s into %s in %.1f s (%.0f articles/s)%s; serve it with"
            + " --index %s%n",
        result.articles(),
        source,
        to,
        seconds,
        result.articles() / Math.max(seconds, 1e-9),
        result.keptAsStored() == 0
            ? ""
            : String.format(Locale.ROOT, ", %,d kept as stored", result.keptAsStored()),
        to);
    return 0;
  }

  /** A progress line every tenth of the way, with the rate and the time left. */
  private static final class ProgressLines {
    private final PrintWriter out;

    /** When the first article was written: the rate leaves out loading the models. */
    private long first;

    private int nextTenth = 1;

    ProgressLines(PrintWriter out) {
      this.out = out;
    }

    void copied(int done, int total) {
      if (done == 1) {
        first = System.nanoTime();
      }
      if (total < 1000 || done * 10L < (long) nextTenth * total) {
        return;
      }
      nextTenth = (int) (done * 10L / total) + 1;
      double seconds = (System.nanoTime() - first) / 1e9;
      double rate = (done - 1) / Math.max(seconds, 1e-9);
      out.printf(
          Locale.ROOT,
          "  %,d/%,d articles (%.0f/s), about %.0f s left%n",
          done,
          total,
          rate,
          (total - done) / Math.max(rate, 1e-9));
    }
  }
}
