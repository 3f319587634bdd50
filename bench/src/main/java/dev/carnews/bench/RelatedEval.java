package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.embed.OnnxTextEmbedder;
import dev.carnews.index.ArticleIndex;
import dev.carnews.search.RelatedHit;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How often a related article shares a topic with the article it is related to, on a labelled
 * corpus (Reuters-21578's topics): the related list by words and shared entities against the same
 * list blended with the article's nearest neighbours.
 */
@Command(
    name = "related-topics",
    mixinStandardHelpOptions = true,
    description =
        "Share of related articles that share a topic label with their source, by words and"
            + " entities alone and blended with meaning.")
final class RelatedEval implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "the index")
  Path index;

  @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "JSON Lines")
  Path corpus;

  @Option(names = "--articles", description = "labelled articles sampled (default: 500)")
  int articles = 500;

  @Option(names = "--size", description = "related articles per article (default: 10)")
  int size = 10;

  @Option(names = "--seed", description = "sampling seed (default: 7)")
  long seed = 7;

  @Override
  public Integer call() throws Exception {
    Map<String, Set<String>> topics = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode article = json.readTree(line);
        Set<String> labels = new HashSet<>();
        article.path("category").forEach(c -> labels.add(c.asText()));
        if (!labels.isEmpty()) {
          topics.put(article.path("id").asText(), labels);
        }
      }
    }
    List<String> sample = new ArrayList<>(topics.keySet());
    sample.sort(String::compareTo);
    java.util.Collections.shuffle(sample, new Random(seed));
    sample = sample.subList(0, Math.min(articles, sample.size()));
    try (ArticleIndex opened = ArticleIndex.open(index)) {
      LuceneNewsArchive words = new LuceneNewsArchive(opened);
      LuceneNewsArchive meaning =
          new LuceneNewsArchive(opened).searchingByMeaning(OnnxTextEmbedder.lazyDefault());
      for (var entry :
          Map.of("words and entities", words, "blended with meaning", meaning).entrySet()) {
        long shared = 0;
        long listed = 0;
        for (String id : sample) {
          var related = entry.getValue().related(id, size);
          if (related.isEmpty()) {
            continue;
          }
          for (RelatedHit hit : related.get().hits()) {
            listed++;
            Set<String> theirs = topics.getOrDefault(hit.id(), Set.of());
            if (theirs.stream().anyMatch(topics.get(id)::contains)) {
              shared++;
            }
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-22s %d articles, %d related listed, %.3f share a topic%n",
            entry.getKey(),
            sample.size(),
            listed,
            (double) shared / Math.max(1, listed));
      }
    }
    return 0;
  }
}
