package dev.carnews.cli;

import dev.carnews.index.ArticleIndex;
import dev.carnews.solrcloud.SolrCollections;
import dev.carnews.solrcloud.SolrRetries;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --merge-to} option of the verbs that write many articles into an index (or, for {@code
 * index}, a SolrCloud collection). Lucene searches each segment on its own (its terms, its
 * nearest-neighbour graph), so an archive loaded in bulk and left in a dozen segments pays for each
 * of them on every search. By default a run that wrote at least half of the index's articles (a
 * bulk load, a rebuild) merges it into one segment: the merge costs about what the run cost to
 * write, far less than the tagging; a run that added a few articles to a large index leaves the
 * segments to Lucene's merge policy, since merging would rewrite the whole index for them.
 */
final class MergeOption {

  static final String AUTO = "auto";
  static final String NONE = "none";

  @Option(
      names = "--merge-to",
      paramLabel = "N|auto|none",
      description =
          "after writing, merge the index into at most N segments; auto (the default) merges into"
              + " one when this run wrote at least half of the index's articles; none leaves the"
              + " segments as they are")
  String mergeTo = AUTO;

  /** The segments to merge into; empty for auto. Checked before any work starts. */
  OptionalInt target(CommandLine command) {
    String value = mergeTo.strip().toLowerCase(Locale.ROOT);
    if (value.equals(AUTO)) {
      return OptionalInt.empty();
    }
    if (value.equals(NONE)) {
      return OptionalInt.of(0);
    }
    try {
      int segments = Integer.parseInt(value);
      if (segments >= 1) {
        return OptionalInt.of(segments);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(
        command, "--merge-to must be a number of segments (1 or more), auto or none: " + mergeTo);
  }

  /**
   * What {@code auto} does after a run that wrote {@code written} of the index's {@code articles}:
   * 1 (merge into one segment) for a bulk run, 0 (leave the segments) otherwise.
   */
  static int automatic(long written, long articles) {
    return written > 0 && written * 2 >= articles ? 1 : 0;
  }

  /**
   * Merges {@code index} as the option says after a run that wrote {@code written} articles, and
   * prints what it did.
   */
  void apply(ArticleIndex index, long written, PrintWriter out, CommandLine command)
      throws IOException {
    OptionalInt target = target(command);
    index.refresh();
    int segments;
    if (target.isPresent()) {
      segments = target.getAsInt();
      if (segments == 0) {
        return;
      }
    } else {
      int articles = index.count();
      segments = automatic(written, articles);
      if (segments == 0) {
        int now = index.segments();
        if (now > 1) {
          out.printf(
              Locale.ROOT,
              "Kept %d segments (this run wrote %,d of %,d articles); --merge-to 1 merges them%n",
              now,
              written,
              articles);
        }
        return;
      }
    }
    ArticleIndex.Merged merged = index.merge(segments);
    if (merged.before() == merged.after()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "Merged %d segments into %d in %.1f s%n",
        merged.before(),
        merged.after(),
        merged.took().toMillis() / 1000.0);
  }

  /**
   * The same on a SolrCloud collection: Solr's {@code optimize} with {@code maxSegments}, which
   * each shard's replicas run; the decision of {@code auto} counts the collection's articles.
   */
  void applySolr(
      SolrClient client,
      String collection,
      long written,
      SolrRetries retries,
      PrintWriter out,
      CommandLine command)
      throws IOException {
    OptionalInt target = target(command);
    int segments;
    if (target.isPresent()) {
      segments = target.getAsInt();
    } else {
      SolrQuery all = new SolrQuery("*:*");
      all.setRows(0);
      long articles =
          retries
              .run("count of " + collection, () -> client.query(collection, all))
              .getResults()
              .getNumFound();
      segments = automatic(written, articles);
    }
    if (segments == 0) {
      return;
    }
    Duration took = SolrCollections.merge(client, collection, segments);
    out.printf(
        Locale.ROOT,
        "Merged collection %s into at most %d segment%s per shard in %.1f s%n",
        collection,
        segments,
        segments == 1 ? "" : "s",
        took.toMillis() / 1000.0);
  }
}
