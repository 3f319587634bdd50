package dev.carnews.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.curation.AutomaticLink;
import dev.carnews.entity.EntityType;
import dev.carnews.entity.PersonLinks;
import dev.carnews.index.ArticleIndex;
import dev.carnews.index.ArticleSchema;
import dev.carnews.nlp.WordClasses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
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

  /** The name gazetteer the person model's features are built from. */
  static final String GAZETTEER = "/dev/carnews/nlp/features/names.gazetteer";

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
        articles = read(reader);
      }
    }
    PersonLinks.Result result =
        new PersonLinks(Duration.ofDays(windowDays), nameClass("first"), nameClass("first", "both"))
            .link(articles);
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
    List<AutomaticLink> links = new ArrayList<>();
    for (PersonLinks.Decision link : result.links()) {
      links.add(
          new AutomaticLink(
              EntityType.PERSON,
              link.value(),
              link.target(),
              String.format(
                  Locale.ROOT,
                  "%d articles %s..%s, window %d days: %s",
                  link.articles(),
                  day(link.firstSeen()),
                  day(link.lastSeen()),
                  windowDays,
                  link.reason())));
    }
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

  /** Every live article's id, publication time and person values. */
  static List<PersonLinks.ArticlePersons> read(DirectoryReader reader) throws IOException {
    Set<String> fields =
        Set.of(
            ArticleSchema.ID,
            ArticleSchema.PUBLISHED,
            ArticleSchema.PERSON,
            ArticleSchema.TITLE,
            ArticleSchema.BODY);
    List<PersonLinks.ArticlePersons> articles = new ArrayList<>(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document document = stored.document(doc, fields);
        IndexableField published = document.getField(ArticleSchema.PUBLISHED);
        articles.add(
            new PersonLinks.ArticlePersons(
                document.get(ArticleSchema.ID),
                published == null
                    ? null
                    : Instant.ofEpochMilli(published.numericValue().longValue()),
                List.of(document.getValues(ArticleSchema.PERSON)),
                text(document.get(ArticleSchema.TITLE), document.get(ArticleSchema.BODY))));
      }
    }
    return articles;
  }

  private static String text(String title, String body) {
    return (title == null ? "" : title) + "\n\n" + (body == null ? "" : body);
  }

  /**
   * Words of the bundled name gazetteer in one of the given classes ({@code first}, {@code both}).
   */
  static Predicate<String> nameClass(String... wantedClasses) {
    Set<String> wanted = Set.of(wantedClasses);
    try (InputStream in = PersonLinksCommand.class.getResourceAsStream(GAZETTEER)) {
      if (in == null) {
        return word -> false;
      }
      WordClasses classes = new WordClasses(in);
      return word -> wanted.contains(String.valueOf(classes.classOf(word)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
