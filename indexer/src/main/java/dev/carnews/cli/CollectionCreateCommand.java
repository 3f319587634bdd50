package dev.carnews.cli;

import dev.carnews.solrcloud.JdkCloudSolrClient;
import dev.carnews.solrcloud.SolrCollections;
import dev.carnews.solrconfig.NewsSolrConfigset;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code collection-create}: uploads the news configset and creates a SolrCloud collection. */
@Command(
    name = "collection-create",
    mixinStandardHelpOptions = true,
    description =
        "Uploads the news configset (schema and analysis of this indexer) to SolrCloud and creates"
            + " a collection with it. The Solr nodes need the analyzers jar on their classpath.")
public final class CollectionCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--solr",
      required = true,
      split = ",",
      paramLabel = "URL",
      description = "Solr node base URLs, comma-separated (http://host:8983/solr)")
  List<String> solr;

  @Option(
      names = "--collection",
      required = true,
      paramLabel = "NAME",
      description = "collection to create")
  String collection;

  @Option(names = "--shards", paramLabel = "N", description = "shards (default ${DEFAULT-VALUE})")
  int shards = 1;

  @Option(
      names = "--replicas",
      paramLabel = "M",
      description = "replicas of each shard (default ${DEFAULT-VALUE})")
  int replicas = 1;

  @Override
  public Integer call() throws Exception {
    if (shards < 1 || replicas < 1) {
      throw new ParameterException(
          spec.commandLine(), "--shards and --replicas must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (JdkCloudSolrClient client = JdkCloudSolrClient.connect(solr)) {
      String name = NewsSolrConfigset.NAME;
      out.println(
          SolrCollections.uploadConfigset(client)
              ? "Uploaded configset " + name
              : "Configset " + name + " was uploaded by an administrator (trusted); using it");
      SolrCollections.create(client, collection, shards, replicas, Duration.ofMinutes(2));
    }
    out.printf(
        "Created collection %s: %d shard(s) x %d replica(s), all active%n",
        collection, shards, replicas);
    return 0;
  }
}
