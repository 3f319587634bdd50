package dev.carnews.cli;

import dev.carnews.index.ArticleSchema;
import dev.carnews.index.CanonicalLabels;
import dev.carnews.index.IndexVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stats}: what an index holds: size, and the top values of each facet. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Shows the article count, size on disk, the schema and model versions and the top brands,"
            + " people, authors and months.")
public final class StatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "values shown per facet (default: ${DEFAULT-VALUE})")
  int top = 10;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path served = index.served();
    if (!DirectoryReader.indexExists(FSDirectory.open(served))) {
      index.reportMissing(spec.commandLine());
      return 2;
    }
    try (FSDirectory directory = FSDirectory.open(served);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      out.printf(
          Locale.ROOT,
          "%s: %,d articles, %,d segments, %.1f MB on disk%n",
          served,
          reader.numDocs(),
          reader.leaves().size(),
          sizeOnDisk(served) / 1e6);
      Map<String, String> recorded = reader.getIndexCommit().getUserData();
      out.printf(
          Locale.ROOT,
          "schema %d%s%n",
          IndexVersion.schemaOf(recorded),
          recorded.containsKey(IndexVersion.SCHEMA)
              ? ""
              : " (not recorded: written before versions)");
      IndexVersion.versions(recorded)
          .forEach(
              (key, value) -> {
                if (key.startsWith(IndexVersion.MODEL)) {
                  out.printf(
                      Locale.ROOT,
                      "model %s: %s%n",
                      key.substring(IndexVersion.MODEL.length()),
                      value);
                }
              });
      if (reader.numDocs() == 0) {
        return 0;
      }
      IndexSearcher searcher = new IndexSearcher(reader);
      FacetsCollector hits = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
      Facets facets =
          new SortedSetDocValuesFacetCounts(
              new DefaultSortedSetDocValuesReaderState(reader, ArticleSchema.facetsConfig()), hits);
      for (String dimension :
          List.of(
              ArticleSchema.BRAND_FACET,
              ArticleSchema.PERSON_FACET,
              ArticleSchema.AUTHOR_FACET,
              ArticleSchema.MONTH_FACET)) {
        FacetResult result = facets.getAllChildren(dimension);
        out.printf(
            Locale.ROOT, "%s (%s values):%n", dimension, result == null ? 0 : result.childCount);
        // One line per entity: the forms of one name (case, accents) are merged as in searches.
        for (LabelAndValue value : CanonicalLabels.top(result, top)) {
          out.printf(Locale.ROOT, "  %,8d  %s%n", value.value.longValue(), value.label);
        }
      }
    }
    return 0;
  }

  private static long sizeOnDisk(Path served) throws IOException {
    try (Stream<Path> files = Files.list(served)) {
      return files.filter(Files::isRegularFile).mapToLong(StatsCommand::size).sum();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
