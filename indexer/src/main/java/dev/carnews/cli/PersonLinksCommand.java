package dev.carnews.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.curation.AutomaticLink;
import dev.carnews.entity.PersonLinks;
import dev.carnews.index.ArticleDocuments;
import dev.carnews.index.ArticleIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code person-links}: which bare surnames and first names of an index stand for one full name of
 * the archive ({@link PersonLinks}), read-only.
 */
@Command(
    name = "person-links",
    mixinStandardHelpOptions = true,
    description =
        "Links the bare surnames and first names among the person values of an index to the one"
            + " full name the archive uses for them around the same time; lists the links with"
            + " their evidence, the values kept apart with a reason, the first names alone that"
            + " are not facet values, and the figures. Reads the index only, unless --apply.")
public final class PersonLinksCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin IndexFolder index;

  @Option(
      names = "--window-days",
      paramLabel = "DAYS",
      description =
          "how far apart (either way) an article with the short name and one with the full name"
              + " may be (default: ${DEFAULT-VALUE})")
  int windowDays = (int) PersonLinks.DEFAULT_WINDOW.toDays();

  @Option(
      names = "--json",
      description =
          "JSON lines: {kind: merge|apart|not-entity, type: person, value, target, evidence},"
              + " then one {kind: summary} line")
  boolean json;

  @Option(
      names = "--apply",
      description =
          "record the links in the index as automatic curation decisions (source auto): every"
              + " answer shows the full name, an editor's decision on a value still wins, and an"
              + " editor's undo of a link holds when links are applied again; needs the index's"
              + " write lock (not while a service writes to it)")
  boolean apply;

  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (windowDays < 0) {
      spec.commandLine().getErr().println("--window-days must not be negative");
      return 2;
    }
    if (!index.exists(spec.commandLine())) {
      return 2;
    }
    List<PersonLinks.ArticlePersons> articles;
    try (FSDirectory directory = FSDirectory.open(index.served())) {
      if (!DirectoryReader.indexExists(directory)) {
        index.reportMissing(spec.commandLine());
        return 2;
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        articles = ArticleDocuments.taggedPersons(reader);
      }
    }
    PersonLinks.Result result =
        PersonLinks.withBundledGazetteer(Duration.ofDays(windowDays)).link(articles);
    if (apply) {
      int code = applyLinks(result);
      if (code != 0) {
        return code;
      }
    }
    if (json) {
      for (PersonLinks.Decision link : result.links()) {
        out.println(mapper.writeValueAsString(decision("merge", link)));
      }
      for (PersonLinks.Decision apart : result.apart()) {
        out.println(mapper.writeValueAsString(decision("apart", apart)));
      }
      for (PersonLinks.LoneFirstName lone : result.loneFirstNames()) {
        ObjectNode line = mapper.createObjectNode();
        line.put("kind", "not-entity");
        line.put("type", "person");
        line.put("value", lone.value());
        ObjectNode evidence = line.putObject("evidence");
        evidence.put("articles", lone.articles());
        evidence.put("reason", lone.reason());
        candidates(evidence.putArray("candidates"), lone.candidates());
        out.println(mapper.writeValueAsString(line));
      }
      ObjectNode summary = mapper.createObjectNode();
      summary.put("kind", "summary");
      summary.put("articles", articles.size());
      summary.put("windowDays", windowDays);
      summary.put("valuesBefore", result.valuesBefore());
      summary.put("valuesAfter", result.valuesAfter());
      summary.put("links", result.links().size());
      summary.put("apart", result.apart().size());
      summary.put("notEntities", result.loneFirstNames().size());
      summary.put("articlesReattributed", result.articlesReattributed());
      out.println(mapper.writeValueAsString(summary));
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%,d articles, %,d person values; window %d days%n",
        articles.size(),
        result.valuesBefore(),
        windowDays);
    out.printf(
        Locale.ROOT,
        "%,d links, %,d kept apart, %,d first names alone not facet values: %,d person values"
            + " after, %,d articles re-attributed%n",
        result.links().size(),
        result.apart().size(),
        result.loneFirstNames().size(),
        result.valuesAfter(),
        result.articlesReattributed());
    out.println("Links:");
    for (PersonLinks.Decision link : result.links()) {
      out.printf(
          Locale.ROOT,
          "  %s -> %s  (%d articles %s..%s; %s)%n",
          link.value(),
          link.target(),
          link.articles(),
          day(link.firstSeen()),
          day(link.lastSeen()),
          link.reason());
    }
    out.println("Kept apart:");
    for (PersonLinks.Decision apart : result.apart()) {
      out.printf(
          Locale.ROOT,
          "  %s  (%d articles): %s%n",
          apart.value(),
          apart.articles(),
          apart.reason());
    }
    out.println("First names alone, not facet values:");
    for (PersonLinks.LoneFirstName lone : result.loneFirstNames()) {
      out.printf(
          Locale.ROOT, "  %s  (%d articles): %s%n", lone.value(), lone.articles(), lone.reason());
    }
    return 0;
  }

  /** Records the links as the index's automatic curation; 0, or the exit code of a failure. */
  private int applyLinks(PersonLinks.Result result) throws IOException {
    List<AutomaticLink> links = AutomaticLink.of(result, Duration.ofDays(windowDays));
    try (ArticleIndex articles = ArticleIndex.open(index.served())) {
      ArticleIndex.Curated done =
          articles.curate(curation -> curation.applyAutomatic(links, Instant.now()));
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "Applied %,d automatic links; %,d articles rewritten%n",
              links.size(),
              done.rewritten());
      return 0;
    } catch (LockObtainFailedException e) {
      spec.commandLine()
          .getErr()
          .println(
              "Another process writes to "
                  + index.path
                  + ": stop the service first (its index is locked while it runs)");
      return 1;
    }
  }

  private ObjectNode decision(String kind, PersonLinks.Decision decision) {
    ObjectNode line = mapper.createObjectNode();
    line.put("kind", kind);
    line.put("type", "person");
    line.put("value", decision.value());
    if (decision.target() != null) {
      line.put("target", decision.target());
    }
    line.put("source", "auto");
    ObjectNode evidence = line.putObject("evidence");
    evidence.put("form", decision.form().label());
    evidence.put("articles", decision.articles());
    evidence.put("firstSeen", day(decision.firstSeen()));
    evidence.put("lastSeen", day(decision.lastSeen()));
    evidence.put("linked", decision.linked());
    evidence.put("dominant", decision.dominant());
    evidence.put("ambiguous", decision.ambiguous());
    evidence.put("outsideWindow", decision.outsideWindow());
    evidence.put("windowDays", windowDays);
    evidence.put("reason", decision.reason());
    candidates(evidence.putArray("candidates"), decision.candidates());
    return line;
  }

  private static void candidates(ArrayNode array, List<PersonLinks.Candidate> candidates) {
    for (PersonLinks.Candidate c : candidates) {
      ObjectNode node = array.addObject();
      node.put("name", c.name());
      node.put("articles", c.articles());
      node.put("firstSeen", day(c.firstSeen()));
      node.put("lastSeen", day(c.lastSeen()));
      node.put("explained", c.explained());
      node.put("cooccurring", c.cooccurring());
      if (!c.forms().isEmpty()) {
        ArrayNode forms = node.putArray("forms");
        c.forms().forEach(forms::add);
      }
    }
  }

  /** The day of an instant (UTC), or null. */
  private static String day(Instant when) {
    return when == null ? null : when.toString().substring(0, 10);
  }
}
