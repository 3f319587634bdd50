package dev.carnews.cli;

import dev.carnews.embed.EmbeddingTagger;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.embed.TextEmbedder;
import dev.carnews.entity.BrandDictionary;
import dev.carnews.entity.EntityTagger;
import dev.carnews.entity.NewsEntityTagger;
import dev.carnews.nlp.NlpModels;
import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrReindex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code collection-reindex}: rebuilds the SolrCloud collection behind an alias into a new
 * collection while the service keeps reading and writing through the alias, then switches the alias
 * ({@link SolrReindex}). The old collection is kept until the operator deletes it.
 */
@Command(
    name = "collection-reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuilds the SolrCloud collection behind an alias into a new collection (current"
            + " configset, articles tagged again with the current models, vectors, stories)"
            + " while the alias keeps serving, copies the writes made meanwhile, then switches the"
            + " alias; the old collection is kept. A run that stopped (killed, failed) is resumed"
            + " by the next one.")
public final class CollectionReindexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--solr",
      required = true,
      split = ",",
      paramLabel = "URL",
      description = "node base URLs, comma-separated (http://host:8983/solr)")
  List<String> solr;

  @Option(
      names = "--alias",
      required = true,
      paramLabel = "NAME",
      description = "the collection alias the service uses (--collection NAME of search-api)")
  String alias;

  @Option(
      names = "--from",
      paramLabel = "COLLECTION",
      description = "the collection to copy when the alias does not exist yet (it is created)")
  String from;

  @Option(
      names = "--no-vectors",
      description =
          "embed nothing (no embedding model): articles keep the vectors the collection stored,"
              + " if any, as reindex --no-vectors does on a local index")
  boolean noVectors;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "articles per page read and per update request (default ${DEFAULT-VALUE})")
  int batch = 200;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "tagging threads (default: the number of cores, ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--settle",
      paramLabel = "SECONDS",
      description =
          "how long clients may still write to the old collection after the switch; late writes"
              + " are copied after it (default ${DEFAULT-VALUE})")
  int settleSeconds = 15;

  @Option(
      names = "--person-model",
      paramLabel = "FILE",
      description = "an OpenNLP person-name model to use instead of the bundled one")
  Path personModel;

  @Override
  public Integer call() throws Exception {
    if (threads < 1 || batch < 1 || settleSeconds < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--threads and --batch must be at least 1, --settle at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    NlpModels models = personModel == null ? NlpModels.loadDefault() : NlpModels.load(personModel);
    BrandDictionary brands = BrandDictionary.loadDefault();
    TextEmbedder embedder = noVectors ? null : OnnxTextEmbedder.load();
    Supplier<EntityTagger> taggers =
        () -> {
          EntityTagger entities = new NewsEntityTagger(models, brands);
          return embedder == null ? entities : new EmbeddingTagger(entities, embedder);
        };
    SolrReindex.Result result;
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(solr)) {
      SolrReindex reindex =
          new SolrReindex(
              client,
              taggers,
              threads,
              batch,
              Duration.ofSeconds(settleSeconds),
              line -> {
                out.println(line);
                out.flush();
              });
      try {
        result = reindex.run(alias, from);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 2;
      }
    }
    double seconds = result.elapsed().toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "Reindexed %s into %s: %,d articles copied (%.1f/s), %,d written meanwhile copied again,"
            + " %,d deleted meanwhile; %,d articles; alias %s now points to %s, %s is kept, in"
            + " %.1f s%s%n",
        result.from(),
        result.to(),
        result.copied(),
        result.copied() / Math.max(result.copying().toNanos() / 1e9, 1e-9),
        result.caughtUp(),
        result.deleted(),
        result.articles(),
        result.alias(),
        result.to(),
        result.from(),
        seconds,
        result.resumed() ? " (resumed the reindex an earlier run left unfinished)" : "");
    return 0;
  }
}
