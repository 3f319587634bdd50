package dev.carnews.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service and a Solr node answering the same title queries over HTTP with the same client code
 * (one kept-alive JDK {@link HttpClient} per engine, HTTP/1.1), warmed up alike, then measured in
 * interleaved rounds: in every round each kind of query runs on one engine and then the other, the
 * order swapped from round to round, so that load from other processes falls on both alike.
 */
final class SolrCompare {

  private static final Logger LOG = LoggerFactory.getLogger(SolrCompare.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FACETS =
      "&facet=true&facet.field=brand&facet.field=person&facet.field=author&facet.field=month"
          + "&facet.limit=10&facet.mincount=1";
  private static final String HIGHLIGHT =
      "&hl=true&hl.method=unified&hl.fl=body&hl.snippets=2&hl.fragsize=160";

  /** How the comparison runs. */
  record Settings(int warmUpPasses, int rounds, List<Integer> clients) {

    /** Validates the counts and copies the list. */
    Settings {
      if (warmUpPasses < 0 || rounds < 1 || clients.isEmpty()) {
        throw new IllegalArgumentException("warm-up >= 0, rounds >= 1, some client counts");
      }
      clients = List.copyOf(clients);
    }
  }

  private final Map<String, LoadRunner.Target> engines = new LinkedHashMap<>();
  private final Map<String, String> base = new LinkedHashMap<>();
  private final Map<String, String> extra = new LinkedHashMap<>();

  /**
   * @param service the service's base URL ({@code http://127.0.0.1:PORT})
   * @param solrCore the Solr core's URL ({@code http://127.0.0.1:PORT/solr/news})
   */
  SolrCompare(URI service, URI solrCore) {
    this(service, solrCore, null);
  }

  /**
   * @param baseline another build of the service, measured alike as {@code baseline} (a before and
   *     after in one run), or {@code null}
   */
  SolrCompare(URI service, URI solrCore, URI baseline) {
    this(service, solrCore, baseline, "", "");
  }

  /**
   * @param serviceParams more query parameters of the service's requests ({@code facetSize=10}),
   *     appended as given; empty for none
   * @param baselineParams the same for the baseline's requests
   */
  SolrCompare(
      URI service, URI solrCore, URI baseline, String serviceParams, String baselineParams) {
    base.put("service", service + "/api/search?q=");
    extra.put("service", serviceParams.isEmpty() ? "" : "&" + serviceParams);
    if (baseline != null) {
      base.put("baseline", baseline + "/api/search?q=");
      extra.put("baseline", baselineParams.isEmpty() ? "" : "&" + baselineParams);
    }
    base.put("solr", solrCore + "/select?wt=json&fl=id,title&rows=10&defType=edismax&q=");
    for (String engine : base.keySet()) {
      HttpClient client = client();
      engines.put(engine, query -> get(client, url(engine, query)));
    }
  }

  /** How {@code engine} ({@code service}, {@code solr} or {@code baseline}) runs a query. */
  LoadRunner.Target target(String engine) {
    LoadRunner.Target target = engines.get(engine);
    if (target == null) {
      throw new IllegalArgumentException("no engine " + engine);
    }
    return target;
  }

  /** A kept-alive HTTP/1.1 client, the same for both engines. */
  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The request of {@code engine} for a query: the equivalent plain request of each engine. */
  String url(String engine, BenchQuery query) {
    String q = query.request().q();
    if (!engine.equals("solr")) {
      return base.get(engine) + encode(q) + extra.get(engine);
    }
    String words = q.replace(" | ", " ");
    String operator = query.category().equals("two-words-or") ? "OR" : "AND";
    return base.get(engine)
        + encode(words)
        + "&q.op="
        + operator
        + "&qf="
        + encode("title^2 body")
        + FACETS
        + HIGHLIGHT;
  }

  /** Latencies per engine, client count and kind; also the mean total hits per engine and kind. */
  Map<String, Object> run(List<BenchQuery> queries, Settings settings) throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("meanTotals", meanTotals(queries));
    for (String engine : engines.keySet()) {
      for (int pass = 0; pass < settings.warmUpPasses(); pass++) {
        LOG.info("Warm-up pass {} of {} on {}", pass + 1, settings.warmUpPasses(), engine);
        LoadRunner.warmUp(engines.get(engine), queries, 1);
      }
    }
    Map<String, Object> byClients = new LinkedHashMap<>();
    for (int clients : settings.clients()) {
      byClients.put(clients + "-clients", measure(queries, settings.rounds(), clients));
    }
    result.put("modes", byClients);
    return result;
  }

  private Map<String, Map<String, Latencies>> measure(
      List<BenchQuery> queries, int rounds, int clients) throws Exception {
    Map<String, Map<String, long[]>> nanos = new LinkedHashMap<>();
    Map<String, Map<String, Long>> elapsed = new LinkedHashMap<>();
    List<String> order = List.copyOf(engines.keySet());
    for (int round = 0; round < rounds; round++) {
      LOG.info(
          "Round {} of {} with {} client(s), load {}", round + 1, rounds, clients, Machine.load());
      for (String kind : TitleQueries.KINDS) {
        List<BenchQuery> chunk =
            queries.stream().filter(query -> query.category().equals(kind)).toList();
        for (int e = 0; e < order.size(); e++) {
          String engine = order.get((e + round) % order.size());
          LoadRunner.Pass pass = LoadRunner.measure(engines.get(engine), chunk, clients);
          nanos
              .computeIfAbsent(engine, k -> new LinkedHashMap<>())
              .merge(kind, pass.nanos(), SolrCompare::concat);
          elapsed
              .computeIfAbsent(engine, k -> new LinkedHashMap<>())
              .merge(kind, pass.elapsedNanos(), Long::sum);
        }
      }
    }
    Map<String, Map<String, Latencies>> result = new LinkedHashMap<>();
    for (String engine : order) {
      Map<String, Latencies> byKind = new LinkedHashMap<>();
      long[] all = new long[0];
      long allElapsed = 0;
      for (String kind : TitleQueries.KINDS) {
        long[] kindNanos = nanos.get(engine).get(kind);
        long kindElapsed = elapsed.get(engine).get(kind);
        byKind.put(kind, Latencies.of(kindNanos, kindNanos.length / (kindElapsed / 1e9)));
        all = concat(all, kindNanos);
        allElapsed += kindElapsed;
      }
      byKind.put("all", Latencies.of(all, all.length / (allElapsed / 1e9)));
      result.put(engine, byKind);
    }
    return result;
  }

  /** One untimed pass per engine reading the total hits, so the table shows what each matched. */
  private Map<String, Map<String, Double>> meanTotals(List<BenchQuery> queries)
      throws IOException, InterruptedException {
    HttpClient client = client();
    Map<String, Map<String, Double>> result = new LinkedHashMap<>();
    for (String engine : engines.keySet()) {
      Map<String, Double> byKind = new LinkedHashMap<>();
      for (String kind : TitleQueries.KINDS) {
        double sum = 0;
        int count = 0;
        for (BenchQuery query : queries) {
          if (query.category().equals(kind)) {
            JsonNode answer = JSON.readTree(body(client, url(engine, query)));
            JsonNode total =
                engine.equals("solr") ? answer.at("/response/numFound") : answer.get("total");
            sum += total.asLong();
            count++;
          }
        }
        byKind.put(kind, count == 0 ? 0 : sum / count);
      }
      result.put(engine, byKind);
    }
    return result;
  }

  private static long get(HttpClient client, String url) throws IOException, InterruptedException {
    return body(client, url).length;
  }

  private static byte[] body(HttpClient client, String url)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(
          url
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  private static long[] concat(long[] a, long[] b) {
    long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
