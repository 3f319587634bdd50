package dev.carnews.search.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carnews.cli.IndexerCli;
import dev.carnews.http.ApiKeys;
import dev.carnews.http.AppOptions;
import dev.carnews.http.SearchApp;
import dev.carnews.search.Ranking;
import dev.carnews.search.TagsEntityTagger;
import dev.carnews.server.SolrCloudBackups;
import dev.carnews.server.SolrCloudReindex;
import dev.carnews.solrcloud.SolrReindex;
import dev.carnews.write.ArticleWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue 26, operating a SolrCloud archive: the service serves a collection alias; a backup through
 * the admin API while articles are being written holds every article acknowledged before it, and
 * restored into a new collection they are all there; retention keeps the newest points; a reindex
 * into a new collection behind the alias, while a client reads and writes through the service,
 * fails no read, loses no write, and switches the alias; a reindex killed while it copies or
 * switches is resumed by the next run. The articles are invented.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrOpsIT {

  private static final String UPDATED_AFTER_SWITCH = "A report updated after the alias switch";

  // Its own base port (-Dcarnews.solr.ops.it.port=…), apart from the other cluster tests.
  private static final int SOLR_PORT = Integer.getInteger("carnews.solr.ops.it.port", 8970);
  private static final String ALIAS = "ops";
  private static final String FIRST = "ops_v1";
  private static final String KEY = "solr-ops-it-key-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String[] MAKERS = {"Corvane", "Hallam", "Marlow Motors", "Ostra"};
  private static final String[] THINGS = {
    "a delivery van", "a small saloon", "an electric bus", "a pickup truck", "a city scooter"
  };
  private static final String[] TOWNS = {"Keswick", "Dunmore", "Halden", "Bricklow", "Fennick"};

  @TempDir static Path backups;

  private static SolrDevProcess cluster;
  private static CloudConnection connection;
  private static SearchApp app;
  private static String urls;

  /** Every article whose write the service acknowledged. */
  private static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  private static final AtomicInteger next = new AtomicInteger();

  @BeforeAll
  static void startTheServiceOnAnAlias() throws Exception {
    cluster = SolrDevProcess.start(2, SOLR_PORT, FIRST, backups);
    urls = String.join(",", cluster.urls);
    connection = new CloudConnection(cluster.urls);
    CollectionAdminRequest.createAlias(ALIAS, FIRST).process(connection.client());
    SolrNewsArchive archive = new SolrNewsArchive(connection, ALIAS, Ranking.defaults());
    app =
        SearchApp.create(
                archive,
                AppOptions.defaults()
                    .withWrites(
                        new ArticleWriter(
                            new CloudArticleStore(connection, ALIAS, archive::changed),
                            TagsEntityTagger::new),
                        ApiKeys.fromCommaSeparated(KEY))
                    .withBackups(new SolrCloudBackups(connection, ALIAS, backups.toString(), 3))
                    .withReindex(
                        new SolrCloudReindex(
                            connection,
                            ALIAS,
                            TagsEntityTagger::new,
                            1,
                            Duration.ofSeconds(8),
                            archive::changed)))
            .start("localhost", 0);
    // Names no tag gives it: only the indexer's own taggers find the brand (see the reindex).
    assertEquals(201, put("toyota-1", "Toyota opens a plant", toyota(), "").statusCode());
    acknowledged.add("toyota-1");
    for (int i = 0; i < 30; i++) {
      writeOne();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.stop();
    }
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void aBackupWhileWritingHoldsEveryAcknowledgedArticleAndRestoresIntoANewCollection()
      throws Exception {
    Set<String> beforeBackup;
    JsonNode backup;
    try (Load load = new Load(true, false)) {
      load.awaitWrites(5);
      beforeBackup = Set.copyOf(acknowledged);
      HttpResponse<String> created = send("POST", "/api/admin/backups", "");
      assertEquals(201, created.statusCode(), created.body());
      backup = JSON.readTree(created.body());
      load.awaitWrites(5);
    }
    assertEquals(ALIAS + "/0", backup.get("name").asText(), backup.toString());
    assertTrue(backup.get("articles").asLong() >= beforeBackup.size(), backup.toString());
    assertTrue(backup.get("bytes").asLong() > 0, backup.toString());
    assertEquals(FIRST, backup.get("versions").path("collection").asText(), backup.toString());

    String restored =
        cli(
            "restore",
            "--solr",
            urls,
            "--collection",
            "ops_restored",
            "--from",
            backups.toString(),
            "--backup",
            ALIAS);
    assertTrue(restored.contains("Restored point 0 of backup ops into collection"), restored);
    Set<String> found = present("ops_restored", beforeBackup);
    assertEquals(beforeBackup, found, "every article acknowledged before the backup");
    long count = count("ops_restored");
    assertTrue(count >= beforeBackup.size() && count <= acknowledged.size(), restored);
    assertTrue(restored.contains(String.format("%,d articles", count)), restored);

    String listed =
        cli("backups", "--solr", urls, "--collection", ALIAS, "--in", backups.toString());
    assertTrue(listed.contains(FIRST), listed);
  }

  @Test
  @Order(2)
  void retentionKeepsTheNewestBackupPoints() throws Exception {
    for (int i = 0; i < 3; i++) {
      writeOne();
      String out =
          cli(
              "backup",
              "--solr",
              urls,
              "--collection",
              ALIAS,
              "--to",
              backups.toString(),
              "--keep",
              "2");
      assertTrue(out.contains("as point " + (i + 1) + " of backup ops"), out);
    }
    HttpResponse<String> list = send("GET", "/api/admin/backups", "");
    assertEquals(200, list.statusCode(), list.body());
    List<String> names = new ArrayList<>();
    JSON.readTree(list.body()).get("backups").forEach(b -> names.add(b.get("name").asText()));
    assertEquals(List.of("ops/2", "ops/3"), names);
    // The newest point restores every article acknowledged before it.
    Set<String> before = Set.copyOf(acknowledged);
    cli(
        "restore",
        "--solr",
        urls,
        "--collection",
        "ops_restored3",
        "--from",
        backups.toString(),
        "--backup",
        ALIAS,
        "--point",
        "3");
    assertEquals(before, present("ops_restored3", before));
    // Solr would restore over an existing collection: the indexer refuses, whatever it serves.
    String refused =
        cliFailing(
            "restore",
            "--solr",
            urls,
            "--collection",
            ALIAS,
            "--from",
            backups.toString(),
            "--backup",
            ALIAS);
    assertTrue(refused.contains("restore into a new collection"), refused);
    assertEquals(Set.copyOf(acknowledged), present(ALIAS, acknowledged));
  }

  @Test
  @Order(3)
  void aReindexBehindTheAliasFailsNoReadLosesNoWriteAndSwitches() throws Exception {
    // The service's tagger gives no brand to the article that names one in its text.
    assertEquals(0, json("/api/search?brand=toyota").get("total").asInt());
    String out;
    Load load = new Load(true, true);
    try (load) {
      out =
          cli(
              "collection-reindex",
              "--solr",
              urls,
              "--alias",
              ALIAS,
              "--no-vectors",
              "--threads",
              "1",
              "--batch",
              "10",
              "--settle",
              "8");
      load.awaitWrites(3);
    }
    assertEquals(0, load.failedReads.get(), "failed reads: " + load.failures);
    assertEquals(0, load.failedWrites.get(), "failed writes: " + load.failures);
    assertTrue(load.reads.get() > 0 && load.writes.get() > 0, out);
    assertTrue(out.contains("about"), "progress with the time left: " + out);
    String target = connection.client().getClusterStateProvider().resolveSimpleAlias(ALIAS);
    assertNotEquals(FIRST, target, out);
    assertTrue(out.contains("alias ops now points to " + target), out);
    assertEquals(Set.copyOf(acknowledged), present(ALIAS, acknowledged), "no write lost");
    assertEquals(acknowledged.size(), count(ALIAS), "no article twice, none resurrected");
    // The old collection is kept as it was.
    assertTrue(count(FIRST) > 0);
    // Answers come from the new collection: tagged again by the indexer's own taggers.
    assertEquals(1, json("/api/search?brand=toyota").get("total").asInt(), out);
    JsonNode health = json("/health");
    assertTrue(health.get("detail").asText().contains(ALIAS + " -> " + target), health.toString());
  }

  /**
   * Issue 26's faults on SolrCloud: {@code collection-reindex} in a JVM of its own is killed with
   * SIGKILL while it copies, just before and just after the alias switch (held there by {@value
   * SolrReindex#HOLD}), while a client writes and reads through the service. The alias names
   * exactly one collection with every acknowledged write; before the switch it is the live one,
   * which the reindex only read. A rerun resumes the half-built collection (or, switched already,
   * copies the late writes) and ends with the alias on it, every acknowledged write there, and no
   * checkpoint left on the alias.
   */
  @ParameterizedTest(name = "killed at {0}")
  @ValueSource(strings = {"copying", "switching", "switched"})
  @Order(4)
  void aReindexKilledAnywhereLeavesTheAliasOnOneCompleteCollectionAndARerunResumesIt(String step)
      throws Exception {
    String live = served();
    String built;
    String rerun;
    String updatedId = "toyota-1";
    Load load = new Load(true, true);
    try (load) {
      List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
      Process child = reindexInAChildJvm(step, output);
      try {
        awaitLine(child, output, "Reindex held at " + step);
        built = built(output);
        child.destroyForcibly();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the killed reindex exits");
      } finally {
        if (child.isAlive()) {
          child.destroyForcibly();
        }
        System.out.println("$ indexer collection-reindex, killed at " + step + "\n" + output);
      }
      // Writes go on after the kill: the service keeps serving the alias.
      load.awaitWrites(3);
      boolean switched = step.equals("switched");
      assertEquals(switched ? built : live, served(), "the alias names exactly one collection");
      if (!switched) {
        Set<String> acknowledgedNow = Set.copyOf(acknowledged);
        assertEquals(acknowledgedNow, present(ALIAS, acknowledgedNow), "the live one has them");
      }
      if (step.equals("copying")) {
        assertTrue(count(built) < count(live), "killed halfway through its first pass");
      }
      if (switched) {
        // A client that still resolves the alias to the old collection updates an article the
        // reindex copied within the clock margin before the switch (found by its version in the
        // new collection): the late writes must carry the update over.
        long switching =
            Long.parseLong(
                new CollectionAdminRequest.ListAliases()
                    .process(connection.client())
                    .getAliasProperties()
                    .get(ALIAS)
                    .get("carnews.reindex.switching"));
        long margin = (switching - SolrReindex.CLOCK_MARGIN.toMillis()) << 20;
        SolrQuery copiedLate =
            new SolrQuery("_version_:[" + margin + " TO " + (switching << 20) + "]");
        copiedLate.setFields("id");
        copiedLate.setRows(1);
        SolrDocumentList late = connection.client().query(built, copiedLate).getResults();
        if (!late.isEmpty()) {
          updatedId = (String) late.get(0).getFirstValue("id");
        }
        System.out.println(
            "SolrOpsIT: updating " + updatedId + " on " + live + " after the switch");
        SolrInputDocument stale = new SolrInputDocument();
        stale.setField("id", updatedId);
        stale.setField("title", Map.of("set", UPDATED_AFTER_SWITCH));
        new UpdateRequest().add(stale).process(connection.client(), live);
        connection.client().commit(live, true, true);
      }
      rerun = cli(reindexArguments());
      load.awaitWrites(3);
    }
    assertEquals(0, load.failedReads.get(), "failed reads: " + load.failures);
    assertEquals(0, load.failedWrites.get(), "failed writes: " + load.failures);
    assertTrue(rerun.contains("Resuming the reindex of ops"), rerun);
    if (step.equals("copying")) {
      assertTrue(rerun.contains("copying on after"), rerun);
    }
    assertTrue(rerun.contains("alias ops now points to " + built), "the same collection: " + rerun);
    assertTrue(rerun.contains("(resumed the reindex"), rerun);
    assertEquals(built, served());
    assertEquals(Set.copyOf(acknowledged), present(ALIAS, acknowledged), "no write lost");
    assertEquals(acknowledged.size(), count(ALIAS), "no article twice, none resurrected");
    if (step.equals("switched")) {
      ModifiableSolrParams fields = new ModifiableSolrParams();
      fields.set("fl", "id,title");
      SolrDocument updated = connection.client().getById(ALIAS, updatedId, fields);
      assertEquals(
          UPDATED_AFTER_SWITCH, updated.getFirstValue("title"), "the update after the switch");
    }
    Map<String, String> properties =
        new CollectionAdminRequest.ListAliases()
            .process(connection.client())
            .getAliasProperties()
            .getOrDefault(ALIAS, Map.of());
    assertTrue(
        properties.getOrDefault("carnews.reindex.to", "").isEmpty(),
        "no checkpoint left: " + properties);
  }

  /**
   * The admin route on SolrCloud: {@code POST /api/admin/reindex} of the service on the alias runs
   * the same alias reindex in the service, with the service's taggers, while a client reads and
   * writes; {@code GET} follows it with its progress until it is done, a second start meanwhile is
   * a 409, and afterwards the alias names the new collection with every acknowledged write, whose
   * answers are those of the service's taggers.
   */
  @Test
  @Order(5)
  void theAdminRouteReindexesTheAliasWhileTheServiceReadsAndWrites() throws Exception {
    // The indexer's taggers found this brand in the text; the service's tag-only tagger does not.
    assertEquals(1, json("/api/search?brand=toyota").get("total").asInt());
    String live = served();
    List<JsonNode> seen = new ArrayList<>();
    JsonNode first;
    JsonNode done;
    Load load = new Load(true, true);
    try (load) {
      HttpResponse<String> started = send("POST", "/api/admin/reindex", "");
      assertEquals(202, started.statusCode(), started.body());
      first = JSON.readTree(started.body());
      HttpResponse<String> again = send("POST", "/api/admin/reindex", "");
      assertEquals(409, again.statusCode(), again.body());
      assertTrue(again.body().contains("reindex_running"), again.body());
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      do {
        HttpResponse<String> status = send("GET", "/api/admin/reindex", "");
        assertEquals(200, status.statusCode(), status.body());
        seen.add(JSON.readTree(status.body()));
        Thread.sleep(50);
      } while (Set.of("copying", "catching-up", "switching")
              .contains(seen.get(seen.size() - 1).get("state").asText())
          && System.nanoTime() < deadline);
      done = seen.get(seen.size() - 1);
      load.awaitWrites(3);
    }
    assertEquals("done", done.get("state").asText(), done.toString());
    assertEquals(live, first.get("from").asText(), first.toString());
    String built = first.get("to").asText();
    assertTrue(
        built.startsWith(ALIAS + "_"), "the first status names the new collection: " + first);
    assertEquals(built, done.get("to").asText(), done.toString());
    assertTrue(
        seen.stream()
            .anyMatch(s -> !s.get("state").asText().equals("done") && s.get("copied").asLong() > 0),
        "progress while it ran: " + seen);
    assertTrue(done.get("articles").asLong() > 0 && done.get("copied").asLong() > 0, "" + done);
    assertTrue(done.get("articlesPerSecond").asDouble() > 0, done.toString());
    assertEquals(0, load.failedReads.get(), "failed reads: " + load.failures);
    assertEquals(0, load.failedWrites.get(), "failed writes: " + load.failures);
    assertEquals(built, served());
    assertEquals(Set.copyOf(acknowledged), present(ALIAS, acknowledged), "no write lost");
    assertEquals(acknowledged.size(), count(ALIAS), "no article twice, none resurrected");
    assertEquals(
        0,
        json("/api/search?brand=toyota").get("total").asInt(),
        "answers of the new collection, tagged by the service's taggers");
    System.out.println("POST /api/admin/reindex on the alias, last status: " + done);
  }

  private static String[] reindexArguments() {
    return new String[] {
      "collection-reindex",
      "--solr",
      urls,
      "--alias",
      ALIAS,
      "--no-vectors",
      "--threads",
      "1",
      "--batch",
      "10",
      "--settle",
      "8"
    };
  }

  /** {@code indexer collection-reindex} in a JVM of its own, held for good at {@code step}. */
  private static Process reindexInAChildJvm(String step, List<String> output) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-D" + SolrReindex.HOLD + "=" + step);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(IndexerCli.class.getName());
    command.addAll(List.of(reindexArguments()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  output.add(line);
                }
              } catch (java.io.IOException e) {
                output.add("(output lost: " + e + ")");
              }
            },
            "reindex-child-out");
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static void awaitLine(Process child, List<String> output, String text)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < end) {
      synchronized (output) {
        if (output.stream().anyMatch(line -> line.contains(text))) {
          return;
        }
      }
      assertTrue(child.isAlive(), "the reindex ended before " + text + ": " + output);
      Thread.sleep(100);
    }
    throw new AssertionError("never " + text + ": " + output);
  }

  /** The collection the reindex's first line says it builds. */
  private static String built(List<String> output) {
    synchronized (output) {
      for (String line : output) {
        Matcher m = Pattern.compile("^Reindexing ops \\(\\S+\\) into (\\S+),").matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    throw new AssertionError("no collection named: " + output);
  }

  /** The collection the alias names, asked of the cluster (not of a client's alias cache). */
  private static String served() throws Exception {
    String served =
        new CollectionAdminRequest.ListAliases()
            .process(connection.client())
            .getAliases()
            .get(ALIAS);
    assertFalse(served.contains(","), served);
    return served;
  }

  /** A client reading and writing through the service until closed. */
  private static final class Load implements AutoCloseable {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger failedReads = new AtomicInteger();
    final AtomicInteger failedWrites = new AtomicInteger();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    Load(boolean write, boolean read) {
      if (write) {
        start("ops-writer", this::writeLoop);
      }
      if (read) {
        start("ops-reader", this::readLoop);
      }
    }

    private void start(String name, Runnable loop) {
      Thread thread = new Thread(loop, name);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }

    private void writeLoop() {
      while (running.get()) {
        try {
          writeOne();
          writes.incrementAndGet();
        } catch (Exception | AssertionError e) {
          failedWrites.incrementAndGet();
          failures.add("write: " + e);
        }
        pause(100);
      }
    }

    private void readLoop() {
      String[] queries = {"q=van", "q=plant", "", "q=bus&sort=newest", "brand=toyota"};
      int i = 0;
      while (running.get()) {
        try {
          HttpResponse<String> answer = get("/api/search?" + queries[i++ % queries.length]);
          if (answer.statusCode() != 200) {
            failedReads.incrementAndGet();
            failures.add("read " + answer.statusCode() + ": " + answer.body());
          }
          reads.incrementAndGet();
        } catch (Exception e) {
          failedReads.incrementAndGet();
          failures.add("read: " + e);
        }
        pause(50);
      }
    }

    void awaitWrites(int more) throws InterruptedException {
      int target = writes.get() + more;
      long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (writes.get() < target && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertTrue(writes.get() >= target, "writes stalled: " + failures);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(2));
      }
    }

    private static void pause(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes one new invented article through the service; recorded once acknowledged. */
  private static void writeOne() throws Exception {
    int n = next.getAndIncrement();
    String maker = MAKERS[n % MAKERS.length];
    String thing = THINGS[(n / 4) % THINGS.length];
    String town = TOWNS[(n / 20) % TOWNS.length];
    String id = "w-" + n;
    String title = maker + " shows " + thing + " in " + town + ", number " + n;
    String body =
        maker
            + " showed "
            + thing
            + " at a fair in "
            + town
            + " on day "
            + n
            + ". Visitors counted "
            + (n * 37 % 1000)
            + " test drives, and the company said it would build "
            + (n * 113 % 5000)
            + " of them a year from the spring, with parts from "
            + (n % 7 + 2)
            + " suppliers.";
    HttpResponse<String> answer = put(id, title, body, "brand:" + maker);
    assertEquals(201, answer.statusCode(), answer.body());
    acknowledged.add(id);
  }

  private static String toyota() {
    return "Toyota said on Tuesday it would open a plant for hybrid engines near the coast, with"
        + " work starting next year. Toyota builds most of its engines at home today.";
  }

  private static HttpResponse<String> put(String id, String title, String body, String tag)
      throws Exception {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("title", title).put("body", body).put("published", "2026-06-01T10:00:00Z");
    if (!tag.isEmpty()) {
      doc.putArray("tags").add(tag);
    }
    return send("PUT", "/api/articles/" + id, doc.toString());
  }

  /** The ids of {@code ids} the collection (or alias) has, by real-time get. */
  private static Set<String> present(String collection, Set<String> ids) throws Exception {
    ModifiableSolrParams params = new ModifiableSolrParams();
    params.set("fl", "id");
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 100) {
      List<String> some = all.subList(from, Math.min(all.size(), from + 100));
      for (SolrDocument doc : connection.client().getById(collection, some, params)) {
        found.add((String) doc.getFirstValue("id"));
      }
    }
    return found;
  }

  private static long count(String collection) throws Exception {
    connection.client().commit(collection, true, true, true);
    return connection
        .client()
        .query(collection, new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0))
        .getResults()
        .getNumFound();
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli =
        IndexerCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
    assertEquals(0, cli.execute(args), String.join(" ", args) + ": " + out);
    // In the test report: the operator's view of each step, with its figures.
    System.out.println("$ indexer " + String.join(" ", args) + "\n" + out);
    return out.toString();
  }

  private static String cliFailing(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli =
        IndexerCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
    assertEquals(2, cli.execute(args), String.join(" ", args) + ": " + out);
    return out.toString();
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> answer = get(path);
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    JsonNode node = JSON.readTree(answer.body());
    assertNotNull(node);
    return node;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
