package dev.carnews.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.entity.TaggedArticle;
import dev.carnews.ingest.Article;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: writes the suite's generated articles as the JSON Lines a CMS sends, untagged,
 * so that the product's own indexer ({@code index --index} and {@code index --solr}) can be
 * measured on them: the same articles, in the same order, for both backends.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Writes N generated articles (the suite's corpus, untagged) as JSON Lines for indexer.jar.")
final class GenerateCorpus implements Callable<Integer> {

  @Option(names = "--articles", required = true, description = "how many articles")
  long articles;

  @Option(
      names = "--work",
      required = true,
      description = "work folder: base/ holds the tagged corpora the suite tags once (reused)")
  Path work;

  @Option(names = "--out", required = true, description = "the JSON Lines file to write")
  Path out;

  @Option(
      names = "--generator-seed",
      description = "seed of the corpus (default: ${DEFAULT-VALUE})")
  long generatorSeed = 7;

  @Override
  public Integer call() throws Exception {
    if (articles < 1) {
      throw new IllegalArgumentException("--articles must be >= 1");
    }
    CorpusGenerator generator = BenchCli.generator(work, generatorSeed);
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < articles; i++) {
        writer.write(json.writeValueAsString(line(generator.article(i))));
        writer.newLine();
      }
    }
    System.out.printf("%,d articles written to %s%n", articles, out);
    return 0;
  }

  /** One article as a CMS line: the fields {@code JsonLinesArticleReader} reads. */
  private static Map<String, Object> line(TaggedArticle tagged) {
    Article article = tagged.article();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", article.id());
    line.put("url", article.url());
    line.put("title", article.title());
    line.put("body", article.body());
    line.put("authors", article.authors());
    line.put("published", article.published() == null ? null : article.published().toString());
    line.put("section", article.section());
    line.put("tags", List.copyOf(article.tags()));
    return line;
  }
}
