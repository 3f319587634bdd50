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
import dev.carnews.index.BatchIndexer;
import dev.carnews.index.IndexPointer;
import dev.carnews.ingest.ArticleSources;
import dev.carnews.ingest.CountingSink;
import dev.carnews.ingest.ProgressListener;
import dev.carnews.ingest.ReadOptions;
import dev.carnews.nlp.NlpModels;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrArticleStore;
import dev.carnews.solrcloud.SolrCurations;
import dev.carnews.solrcloud.SolrRetries;
import dev.carnews.solrcloud.SolrStories;
import dev.carnews.story.VersionRule;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code index}: reads articles from files and folders, tags them and writes them to the index. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Reads articles (.jsonl, .jsonl.gz, .html, .htm, .html.gz, .txt; folders recursively), finds"
            + " their people, brands and authors, and writes them to the index. Re-indexing an id"
            + " replaces the article. Bad inputs are reported and skipped; the batch goes on.")
public final class IndexCommand implements Callable<Integer> {

  private static final int SKIPS_SHOWN = 20;

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder, created when missing (or --solr and --collection)")
  Path index;

  @Option(
      names = "--solr",
      split = ",",
      paramLabel = "URL",
      description =
          "write to SolrCloud instead: node base URLs, comma-separated (http://host:8983/solr)")
  List<String> solr;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      description = "the SolrCloud collection to write to (with --solr)")
  String collection;

  @Option(
      names = "--no-vectors",
      description =
          "keyword search only: skip the embedding model, which otherwise gives every article a"
              + " vector for search by meaning (about half the tagging time)")
  boolean noVectors;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "articles per Solr update request (default ${DEFAULT-VALUE})")
  int batch = 200;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "publication date for pages that state none; without it such dates stay unknown")
  LocalDate date;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "tagging threads (default: the number of cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--person-model",
      paramLabel = "FILE",
      description = "an OpenNLP person-name model to use instead of the bundled one")
  Path personModel;

  @Option(
      names = "--no-stories",
      description =
          "write without story fingerprints (each article its own story; for measuring their cost)")
  boolean noStories;

  @Mixin MergeOption merge;

  @Option(
      names = {"-q", "--quiet"},
      description = "no progress lines")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders to read")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--threads must be at least 1, was " + threads);
    }
    boolean toSolr = solr != null && !solr.isEmpty();
    if (toSolr == (index != null) || toSolr != (collection != null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give either --index DIR or --solr URL[,URL...] --collection NAME");
    }
    merge.target(spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    ReadOptions options =
        new ReadOptions(date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant());
    NlpModels models = personModel == null ? NlpModels.loadDefault() : NlpModels.load(personModel);
    BrandDictionary brands = BrandDictionary.loadDefault();

    TextEmbedder embedder = noVectors ? null : OnnxTextEmbedder.load();
    Supplier<EntityTagger> taggers =
        () -> {
          EntityTagger entities = new NewsEntityTagger(models, brands);
          return embedder == null ? entities : new EmbeddingTagger(entities, embedder);
        };
    BatchIndexer.Summary summary;
    if (toSolr) {
      try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(solr)) {
        SolrRetries retries = new SolrRetries(Duration.ofMinutes(2));
        // The editors' decisions apply to the articles written, as the service's writes: read
        // again each second, so a decision made during a long run applies to what follows it.
        Supplier<Curation> curation =
            SolrCurations.polling(
                new SolrCurations(client, collection, retries), Duration.ofSeconds(1));
        SolrArticleStore store =
            new SolrArticleStore(
                client,
                collection,
                batch,
                retries,
                noStories ? null : new SolrStories(VersionRule.defaults(), curation),
                curation);
        summary =
            new BatchIndexer(store, taggers, threads)
                .index(ArticleSources.standard(), paths, options, progress(out));
        printSummary(out, summary, "collection " + collection + " at " + String.join(",", solr));
        merge.applySolr(
            client,
            collection,
            summary.created() + summary.updated(),
            retries,
            out,
            spec.commandLine());
      }
      return 0;
    }
    // After a reindex switched the service to another folder, new articles go there.
    index = IndexPointer.resolve(index);
    Files.createDirectories(index);
    try (ArticleIndex articles =
        ArticleIndex.open(index, noStories ? null : VersionRule.defaults())) {
      Map<String, String> versions = new LinkedHashMap<>();
      versions.put(
          "entities",
          personModel == null ? EntityModelVersion.bundled() : EntityModelVersion.of(personModel));
      if (embedder != null) {
        versions.put("embedding", embedder.name());
      }
      articles.recordModels(versions);
      BatchIndexer indexer = new BatchIndexer(articles, taggers, threads);
      summary = indexer.index(ArticleSources.standard(), paths, options, progress(out));
      printSummary(out, summary, index.toString());
      merge.apply(articles, summary.created() + summary.updated(), out, spec.commandLine());
    }
    return 0;
  }

  private ProgressListener progress(PrintWriter out) {
    if (quiet) {
      return ProgressListener.none();
    }
    long start = System.nanoTime();
    return new ProgressListener() {
      @Override
      public void fileDone(int filesDone, int filesTotal, long articlesRead) {
        if (filesTotal > 1) {
          line(filesDone, filesTotal, articlesRead);
        }
      }

      @Override
      public void reading(int filesDone, int filesTotal, long articlesRead) {
        line(filesDone, filesTotal, articlesRead);
      }

      private void line(int filesDone, int filesTotal, long articlesRead) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
            Locale.ROOT,
            "  %,d/%,d files, %,d articles read (%.0f/s)%n",
            filesDone,
            filesTotal,
            articlesRead,
            articlesRead / Math.max(seconds, 1e-3));
      }
    };
  }

  private void printSummary(PrintWriter out, BatchIndexer.Summary summary, String target) {
    out.printf(
        Locale.ROOT,
        "Indexed %,d new and %,d updated articles (%,d read), skipped %,d, in %.1f s (%.0f articles/s)"
            + " into %s%n",
        summary.created(),
        summary.updated(),
        summary.read(),
        summary.skips().size(),
        summary.elapsed().toMillis() / 1000.0,
        summary.articlesPerSecond(),
        target);
    if (summary.skips().isEmpty()) {
      return;
    }
    Map<String, Integer> byReason = new LinkedHashMap<>();
    for (CountingSink.Skip skip : summary.skips()) {
      byReason.merge(reasonKind(skip.reason()), 1, Integer::sum);
    }
    out.println("Skipped, by reason:");
    byReason.forEach((reason, count) -> out.printf(Locale.ROOT, "  %,6d  %s%n", count, reason));
    out.println(
        "Skipped inputs"
            + (summary.skips().size() > SKIPS_SHOWN ? " (first " + SKIPS_SHOWN + ")" : "")
            + ":");
    summary.skips().stream()
        .limit(SKIPS_SHOWN)
        .forEach(skip -> out.printf("  %s: %s%n", skip.location(), skip.reason()));
  }

  /** The reason without its specifics (quoted values, numbers), so like skips group together. */
  private static String reasonKind(String reason) {
    int colon = reason.indexOf(':');
    return colon > 0 ? reason.substring(0, colon) : reason;
  }
}
