package dev.carnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, load: 32 clients against the packaged server for {@code -Dload.seconds} (default 20):
 * mostly searches, some suggestions (when the server has {@code /api/suggest}) and related
 * articles, and one write a second. No request may fail (429s from the overload guard are counted
 * apart), and the heap must stay flat. Prints throughput, errors and latency percentiles.
 */
class LoadIT {

  private static final String KEY = "load-test-key-0123456789abcdef";
  private static final int CLIENTS = 32;
  private static final String[] WORDS = {
    "electric", "battery", "renault", "toyota hybrid", "ev", "charging", "price", "recall",
    "\"electric car\"", "plant", "sales", "suv", "range", "new model", "kia", "ford -recall"
  };
  private static final Pattern HEAP =
      Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} ([0-9.E+]+)");

  @Test
  void thirtyTwoClientsGetNoErrorsAndTheHeapStaysFlat(@TempDir Path folder) throws Exception {
    int seconds = Integer.getInteger("load.seconds", 20);
    long seed = Long.getLong("load.seed", 32L);
    try (JarServer server =
        JarServer.start(KEY, "--port", "0", "--index", folder.resolve("index").toString())) {
      String base = "http://localhost:" + server.port();
      HttpClient probe = HttpClient.newHttpClient();
      boolean suggest =
          probe
                  .send(
                      HttpRequest.newBuilder(URI.create(base + "/api/suggest?q=re")).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200;
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      AtomicLong ok = new AtomicLong();
      AtomicLong rejected = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      AtomicLong writes = new AtomicLong();
      List<long[]> latencies = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
      for (int c = 0; c < CLIENTS; c++) {
        Random random = new Random(seed + c);
        long[] mine = new long[200_000];
        latencies.add(mine);
        Thread client =
            new Thread(
                () -> {
                  HttpClient http = HttpClient.newHttpClient();
                  int n = 0;
                  while (System.nanoTime() < end) {
                    String path = readPath(random, suggest);
                    long started = System.nanoTime();
                    int status;
                    try {
                      status =
                          http.send(
                                  HttpRequest.newBuilder(URI.create(base + path))
                                      .timeout(Duration.ofSeconds(30))
                                      .build(),
                                  HttpResponse.BodyHandlers.discarding())
                              .statusCode();
                    } catch (Exception e) {
                      status = -1;
                    }
                    long micros = (System.nanoTime() - started) / 1000;
                    if (status == 200) {
                      ok.incrementAndGet();
                      if (n < mine.length - 1) {
                        mine[++n] = micros;
                      }
                    } else if (status == 429) {
                      rejected.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                      if (firstErrors.size() < 5) {
                        firstErrors.add(status + " " + path);
                      }
                    }
                  }
                  mine[0] = n;
                },
                "load-" + c);
        threads.add(client);
        client.start();
      }
      Thread writer =
          new Thread(
              () -> {
                HttpClient http = HttpClient.newHttpClient();
                long started = System.nanoTime();
                for (int i = 0; System.nanoTime() < end; i++) {
                  String body =
                      "{\"title\":\"Load test article "
                          + i
                          + "\",\"body\":\"Renault and Kia show electric vans; Anna Berg said the"
                          + " range grows.\",\"author\":\"Desk\",\"published\":\"2025-06-01\"}";
                  try {
                    int status =
                        http.send(
                                HttpRequest.newBuilder(
                                        URI.create(base + "/api/articles/load-" + (i % 20)))
                                    .header("Authorization", "Bearer " + KEY)
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                                HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 200 || status == 201) {
                      writes.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                      firstErrors.add("write " + status);
                    }
                    // One write a second, on the clock, however long the write took.
                    long next = started + (i + 1) * 1_000_000_000L;
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
              },
              "load-writer");
      writer.start();
      List<Double> heap = new ArrayList<>();
      while (System.nanoTime() < end) {
        Thread.sleep(1000);
        heap.add(heapBytes(probe, base));
      }
      for (Thread thread : threads) {
        thread.join();
      }
      writer.join();
      long[] all = merge(latencies);
      Arrays.sort(all);
      int third = Math.max(1, heap.size() / 3);
      double early =
          heap.subList(0, third).stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double late =
          heap.subList(heap.size() - third, heap.size()).stream()
              .mapToDouble(Double::doubleValue)
              .max()
              .orElse(0);
      System.out.printf(
          Locale.ROOT,
          "LoadIT: %d clients, %d s, seed %d, suggest %s: %d ok (%.0f req/s), %d errors, %d"
              + " rejected 429, %d writes; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f;"
              + " heap max MB first third %.0f, last third %.0f%n",
          CLIENTS,
          seconds,
          seed,
          suggest ? "on" : "absent",
          ok.get(),
          ok.get() / (double) seconds,
          errors.get(),
          rejected.get(),
          writes.get(),
          percentile(all, 50),
          percentile(all, 90),
          percentile(all, 99),
          all.length == 0 ? 0 : all[all.length - 1] / 1000.0,
          early / 1e6,
          late / 1e6);
      assertEquals(0, errors.get(), "errors: " + firstErrors);
      assertTrue(ok.get() > CLIENTS, "too few requests served");
      // The writer aims at one write a second; how many fit depends on the machine's load, so the
      // test asks that writes went on during the reads and that every acknowledged one is there.
      assertTrue(writes.get() >= 1, "no write was acknowledged during the load");
      for (int i = 0; i < Math.min(writes.get(), 20); i++) {
        HttpResponse<String> written =
            probe.send(
                HttpRequest.newBuilder(URI.create(base + "/api/articles/load-" + i)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, written.statusCode(), "acknowledged write load-" + i);
      }
      assertTrue(
          // Samples include young garbage, so only a clear climb counts as growth.
          late <= early * 2 + 64e6,
          "the heap grew from " + early / 1e6 + " MB to " + late / 1e6 + " MB");
    }
  }

  private static String readPath(Random random, boolean suggest) {
    int kind = random.nextInt(100);
    if (kind < 10) {
      return String.format(
          Locale.ROOT, "/api/articles/sample-%03d/related", 1 + random.nextInt(80));
    }
    if (kind < 20 && suggest) {
      String word = WORDS[random.nextInt(WORDS.length)].replaceAll("[^a-z]", "");
      return "/api/suggest?q=" + word.substring(0, Math.min(word.length(), 1 + random.nextInt(4)));
    }
    StringBuilder path =
        new StringBuilder("/api/search?q=")
            .append(URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8));
    if (random.nextInt(4) == 0) {
      path.append("&brand=").append(random.nextBoolean() ? "Toyota" : "Renault");
    }
    if (random.nextInt(4) == 0) {
      path.append("&sort=newest&page=").append(1 + random.nextInt(3));
    }
    return path.toString();
  }

  private static double heapBytes(HttpClient client, String base) throws Exception {
    String metrics =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    double sum = 0;
    Matcher matcher = HEAP.matcher(metrics);
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }

  private static long[] merge(List<long[]> perClient) {
    int total = 0;
    for (long[] one : perClient) {
      total += (int) one[0];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] one : perClient) {
      System.arraycopy(one, 1, all, at, (int) one[0]);
      at += (int) one[0];
    }
    return all;
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1000.0;
  }
}
