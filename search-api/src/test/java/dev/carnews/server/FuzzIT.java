package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: at least 10,000 generated hostile requests (seeded) against the packaged server: broken
 * query syntax, huge and deeply nested queries, regex and wildcard bombs, invalid UTF-8 and
 * percent-encoding, control characters, absurd numbers, repeated parameters, path traversal on
 * static files, odd methods and bad bodies on the write routes. No answer may be 5xx, and every 4xx
 * must carry the JSON error shape. Requests go over a raw socket so that malformed ones reach the
 * server as they are.
 */
class FuzzIT {

  private static final String KEY = "fuzz-test-key-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SYNTAX = {
    "\"",
    "(",
    ")",
    "|",
    "+",
    "-",
    "*",
    "~",
    "\\",
    "~99999",
    "*?",
    "/",
    ".*",
    "{1,9999}",
    "[",
    "]",
    "^",
    ":",
    "&&",
    "||",
    "!",
    "\u0000",
    "\u001b",
    "\u202e",
    "\uD83D\uDE97",
    "é",
    "%",
    "'",
    "<",
    ">"
  };
  private static final String[] WORDS = {
    "renault", "ev", "battery", "a", "the", "tesla", "e-tech", "id.4", "aaaaaaaaaaaaaaaaaaaa", "x"
  };

  /** Status → count, and the failures found. */
  private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();

  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  @Test
  void hostileInputsNeverGet5xxAndEvery4xxHasTheErrorShape(@TempDir Path folder) throws Exception {
    long seed = Long.getLong("fuzz.seed", 6L);
    int total = Integer.getInteger("fuzz.requests", 10_000);
    int threads = 4;
    try (JarServer server =
        JarServer.start(KEY, "--port", "0", "--index", folder.resolve("index").toString())) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Random random = new Random(seed * 31 + t);
        int share = total / threads;
        Thread worker =
            new Thread(
                () -> {
                  for (int i = 0; i < share; i++) {
                    byte[] request = request(random);
                    try {
                      check(request, send(server.port(), request));
                    } catch (IOException e) {
                      failures.add("no answer (" + e + ") to " + preview(request));
                    }
                  }
                },
                "fuzz-" + t);
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
    }
    Map<Integer, Integer> counts = new TreeMap<>();
    byStatus.forEach((status, count) -> counts.put(status, count.get()));
    int sent = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("FuzzIT: seed %d, %d requests, by status %s%n", seed, sent, counts);
    assertTrue(
        failures.isEmpty(),
        failures.size() + " failures, e.g. " + failures.subList(0, Math.min(5, failures.size())));
    assertEquals(total / threads * threads, sent);
  }

  private void check(byte[] request, Answer answer) {
    byStatus.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
    if (answer.status() >= 500) {
      failures.add(answer.status() + " for " + preview(request));
      return;
    }
    boolean head = new String(request, 0, 5, StandardCharsets.ISO_8859_1).startsWith("HEAD");
    if (answer.status() >= 400 && !head) {
      try {
        JsonNode error = JSON.readTree(answer.body()).get("error");
        if (error == null
            || error.get("status").asInt() != answer.status()
            || error.get("code").asText().isEmpty()
            || error.get("message").asText().isEmpty()) {
          failures.add("bad error shape " + answer.body() + " for " + preview(request));
        }
      } catch (IOException | RuntimeException e) {
        failures.add("non-JSON " + answer.status() + " for " + preview(request));
      }
    }
    if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
      failures.add("stack trace in answer to " + preview(request));
    }
  }

  // ---- generation ----

  private byte[] request(Random random) {
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> get("/api/search?q=" + encodeSometimes(query(random), random), random);
      case 3 -> get("/api/search?" + params(random), random);
      case 4 -> get(articlePath(random), random);
      case 5 -> get(staticPath(random), random);
      case 6 -> oddMethod(random);
      case 7, 8 -> write(random);
      default -> get("/api/search?" + rawBytesQuery(random), random);
    };
  }

  private static String query(Random random) {
    StringBuilder q = new StringBuilder();
    switch (random.nextInt(6)) {
      case 0 ->
          q.append("(".repeat(random.nextInt(300)))
              .append("ev")
              .append(")".repeat(random.nextInt(300)));
      case 1 ->
          q.append("a".repeat(random.nextInt(1200))).append(random.nextBoolean() ? "~2" : "*");
      case 2 -> {
        int n = random.nextInt(600);
        for (int i = 0; i < n; i++) {
          q.append(WORDS[random.nextInt(WORDS.length)])
              .append(SYNTAX[random.nextInt(SYNTAX.length)]);
        }
      }
      case 3 ->
          q.append("/(a+)+b/ ")
              .append("*")
              .append("?".repeat(random.nextInt(50)))
              .append("a*b*c*d*e*");
      case 4 ->
          q.append("\"ev ev ev\"~")
              .append(random.nextInt(Integer.MAX_VALUE))
              .append(" ")
              .append("-".repeat(random.nextInt(100)));
      default -> {
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
          q.append((char) random.nextInt(0x3000));
        }
      }
    }
    return q.toString();
  }

  private static String params(Random random) {
    String[] names = {
      "q", "page", "size", "from", "to", "sort", "brand", "author", "person", "after", "x"
    };
    String[] values = {
      "-1",
      "0",
      "1",
      "99999999999999999999",
      "1e9",
      "NaN",
      "0x10",
      "",
      "%20",
      "2025-02-30",
      "2025-13-01",
      "99999-01-01",
      "-0001-01-01",
      "newest",
      "sideways",
      "oldest",
      "Renault",
      "%00",
      "YzE6czoxOjE6MQ",
      "c1:r:1:1:1",
      "1.5",
      "+5",
      "２",
      "%ff",
      "2147483647",
      "2147483648"
    };
    StringBuilder out = new StringBuilder();
    int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(names[random.nextInt(names.length)])
          .append('=')
          .append(values[random.nextInt(values.length)]);
    }
    return out.toString();
  }

  private static String articlePath(Random random) {
    String[] ids = {
      "sample-001",
      "..",
      "..%2f..%2fetc%2fpasswd",
      "%00",
      "a%0d%0aX-Injected:%201",
      "%ff%fe",
      "x".repeat(3000),
      "%2e%2e",
      "<script>",
      "a/b",
      "%E2%80%AE",
      "'",
      "1"
    };
    String id = ids[random.nextInt(ids.length)];
    return random.nextBoolean()
        ? "/api/articles/" + id
        : "/api/articles/" + id + "/related?size=" + (random.nextInt(200) - 50);
  }

  private static String staticPath(Random random) {
    String[] paths = {
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/..%2f..%2fetc%2fpasswd",
      "/%2e%2e%5c%2e%2e%5cwindows",
      "/public/../../pom.xml",
      "//etc/passwd",
      "/index.html%00.js",
      "/app.js/..",
      "/.%2e/.%2e/etc/passwd",
      "/%c0%ae%c0%ae/etc/passwd",
      "/" + "a/".repeat(2000),
      "/WEB-INF/web.xml",
      "/META-INF/MANIFEST.MF",
      "/dev/carnews/server/Main.class",
      "/sample/articles.jsonl",
      "/simplelogger.properties",
      "/openapi.json/..",
      "/app.css?%ff",
      "/\\..\\..\\etc\\passwd",
      "/%5c..%5c..%5cetc%5cpasswd"
    };
    return paths[random.nextInt(paths.length)];
  }

  private static byte[] oddMethod(Random random) {
    String[] methods = {
      "PATCH", "TRACE", "FOO", "OPTIONS", "HEAD", "DELETE", "PUT", "POST", "GET ", "get", "PROPFIND"
    };
    String[] paths = {
      "/api/search?q=ev", "/health", "/", "/api/articles", "/metrics", "/openapi.json", "*"
    };
    String method = methods[random.nextInt(methods.length)];
    String path = paths[random.nextInt(paths.length)];
    return (method + " " + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] write(Random random) {
    String[] auth = {
      "Bearer " + KEY, "Bearer " + KEY, "Bearer " + KEY, "Bearer wrong", "Basic abc", "", "Bearer"
    };
    byte[] body =
        switch (random.nextInt(10)) {
          case 0 -> "{\"title\":\"x\"".getBytes(StandardCharsets.UTF_8);
          case 1 ->
              ("[".repeat(random.nextInt(20_000)) + "]".repeat(random.nextInt(20_000)))
                  .getBytes(StandardCharsets.UTF_8);
          case 2 ->
              ("{\"title\":\""
                      + "t".repeat(random.nextInt(random.nextInt(8) == 0 ? 600_000 : 5_000))
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          case 3 ->
              new byte[] {
                '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'
              };
          case 4 ->
              "{\"title\":\"N\",\"published\":1e99999,\"author\":{\"a\":1}}"
                  .getBytes(StandardCharsets.UTF_8);
          case 5 ->
              ("{\"title\":\"N\",\"n\":" + "9".repeat(random.nextInt(2000)) + "}")
                  .getBytes(StandardCharsets.UTF_8);
          case 6 ->
              "not json\n{\"title\":\"ok\"}\n[1]\n\"str\"\n{}".getBytes(StandardCharsets.UTF_8);
          case 7 ->
              "{\"title\":\"<img src=x onerror=alert(1)>\",\"body\":\"\\u0000\\u202e ev\",\"published\":\"2025-02-30\"}"
                  .getBytes(StandardCharsets.UTF_8);
          case 8 -> new byte[0];
          default -> {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            yield noise;
          }
        };
    String[] targets = {
      "PUT /api/articles/fz-" + random.nextInt(50),
      "POST /api/articles",
      "DELETE /api/articles/fz-" + random.nextInt(50),
      "PUT /api/articles/%2e%2e",
      "PUT /api/articles/%20x"
    };
    String header =
        targets[random.nextInt(targets.length)]
            + " HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + (auth[random.nextInt(auth.length)].isEmpty()
                ? ""
                : "Authorization: " + auth[random.nextInt(auth.length)] + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static String rawBytesQuery(Random random) {
    String[] bad = {
      "%",
      "%z",
      "%zz",
      "%ff%fe",
      "%c3%28",
      "%e2%82",
      "%f0%9f%98",
      "%00",
      "%0a",
      "%1b[31m",
      "%ed%a0%80",
      "%c0%af",
      "%"
    };
    StringBuilder q = new StringBuilder("q=");
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      q.append(WORDS[random.nextInt(WORDS.length)]).append(bad[random.nextInt(bad.length)]);
    }
    return q.toString();
  }

  private static byte[] get(String pathAndQuery, Random random) {
    String extra = random.nextInt(50) == 0 ? "X-Big: " + "h".repeat(20_000) + "\r\n" : "";
    return ("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost\r\n" + extra + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Percent-encodes the text, or sends some of it raw (spaces and all): both happen in the wild.
   */
  private static String encodeSometimes(String text, Random random) {
    if (random.nextInt(4) == 0) {
      return text.replace(" ", "+").replace("\r", "").replace("\n", "").replace("#", "%23");
    }
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  // ---- transport ----

  private record Answer(int status, String body) {}

  private static Answer send(int port, byte[] request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may answer (413, 431) and close before reading a huge request: read on.
      }
      InputStream in = socket.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!text.startsWith("HTTP/1.")) {
        throw new IOException(
            "not an HTTP answer: " + text.substring(0, Math.min(80, text.length())));
      }
      int status = Integer.parseInt(text.substring(9, 12));
      int split = text.indexOf("\r\n\r\n");
      return new Answer(status, split < 0 ? "" : text.substring(split + 4));
    }
  }

  private static String preview(byte[] request) {
    String text =
        new String(request, 0, Math.min(request.length, 160), StandardCharsets.ISO_8859_1);
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
