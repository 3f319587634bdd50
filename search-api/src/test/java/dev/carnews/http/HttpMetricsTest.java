package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {

  @Test
  void theAccessLogPrintsMillisecondsAsAFormatterWould() {
    Random random = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      float millis = i < 20_000 ? i / 1000f : random.nextFloat() * (i % 2 == 0 ? 10 : 100_000);
      assertEquals(
          String.format(Locale.ROOT, "%.1f", millis), HttpMetrics.oneDecimal(millis), "" + millis);
    }
    assertEquals("0.0", HttpMetrics.oneDecimal(0f));
  }
}
