package dev.carnews.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carnews.index.ArticleIndex;
import dev.carnews.preview.EntityPreviews;
import dev.carnews.search.CachingNewsArchive;
import dev.carnews.search.Fixtures;
import dev.carnews.search.NewsArchive;
import dev.carnews.search.lucene.LuceneNewsArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The real app on a free port over the fixture index, with a real HTTP client. */
final class RunningApp implements AutoCloseable, AfterAllCallback {

  /** One answer: status, parsed JSON body, and the raw response. */
  record Answer(int status, JsonNode json, HttpResponse<String> response) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  final ArticleIndex index;
  final SearchApp app;
  private final HttpClient client = HttpClient.newHttpClient();

  RunningApp() throws IOException {
    this(index -> AppOptions.defaults());
  }

  /**
   * The read-only app over the fixture articles for a whole test class, stopped after its last
   * test: {@code @RegisterExtension static final RunningApp running = RunningApp.onFixtures();}.
   */
  static RunningApp onFixtures() {
    try {
      return new RunningApp();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  /** The app over the fixture index with options built for that index (writes, limits). */
  RunningApp(Function<ArticleIndex, AppOptions> options) throws IOException {
    this(Fixtures.index(), options);
  }

  /** The app over a given index with options built for it. */
  RunningApp(ArticleIndex index, Function<ArticleIndex, AppOptions> options) throws IOException {
    this(index, options, 0);
  }

  /** The app over a given index with its options and the previews of {@code /api/analyze}. */
  RunningApp(
      ArticleIndex index, Function<ArticleIndex, AppOptions> options, EntityPreviews previews)
      throws IOException {
    this.index = index;
    NewsArchive archive = CachingNewsArchive.of(new LuceneNewsArchive(index), 100);
    app = SearchApp.create(archive, options.apply(index), previews).start("localhost", 0);
  }

  /** The app over a given index, its searches behind a cache of {@code searchCache} answers. */
  RunningApp(ArticleIndex index, Function<ArticleIndex, AppOptions> options, int searchCache)
      throws IOException {
    this.index = index;
    NewsArchive archive = CachingNewsArchive.of(new LuceneNewsArchive(index), searchCache);
    app = SearchApp.create(archive, options.apply(index)).start("localhost", 0);
  }

  /** Any request, built on the app's address. */
  Answer send(String method, String pathAndQuery, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  /** A GET whose body is not JSON (the web page and its assets). */
  HttpResponse<String> getText(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  Answer send(String method, String pathAndQuery) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .build());
  }

  /** A POST of a JSON body. */
  Answer post(String pathAndQuery, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(pathAndQuery))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    // Feeds answer XML (Atom): only JSON bodies, JSON Feed's included, are read as JSON.
    boolean isJson =
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .toLowerCase(Locale.ROOT)
            .contains("json");
    JsonNode json = response.body().isEmpty() || !isJson ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), json, response);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + app.port() + pathAndQuery);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    index.close();
  }
}
