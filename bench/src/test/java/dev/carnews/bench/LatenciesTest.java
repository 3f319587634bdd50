package dev.carnews.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.carnews.search.SearchRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRank() {
    long[] nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).toArray();
    Latencies latencies = Latencies.of(nanos, 12.5);
    assertEquals(100, latencies.count());
    assertEquals(50.0, latencies.p50Ms());
    assertEquals(90.0, latencies.p90Ms());
    assertEquals(99.0, latencies.p99Ms());
    assertEquals(100.0, latencies.maxMs());
    assertEquals(12.5, latencies.qps());
  }

  @Test
  void oneLatencyIsEveryPercentile() {
    Latencies latencies = Latencies.of(new long[] {3_000_000}, 0);
    assertEquals(3.0, latencies.p50Ms());
    assertEquals(3.0, latencies.p99Ms());
  }

  @Test
  void httpQueryStringCarriesEveryFilter() {
    SearchRequest request =
        SearchRequest.of("\"oil prices\"")
            .withBrands(List.of("Mercedes-Benz"))
            .withDates(LocalDate.of(2010, 1, 1), LocalDate.of(2011, 12, 31));
    assertEquals(
        "q=%22oil+prices%22&brand=Mercedes-Benz&from=2010-01-01&to=2011-12-31"
            + "&sort=relevance&size=10",
        new BenchQuery("phrase", request).queryString());
  }
}
