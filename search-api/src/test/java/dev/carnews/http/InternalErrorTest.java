package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class InternalErrorTest {

  @Test
  void unexpectedFailuresAnswer500WithoutInternals() throws Exception {
    RunningApp running = new RunningApp();
    try {
      running.index.close(); // every search now fails inside Lucene
      RunningApp.Answer answer = running.get("/api/search?q=renault");
      assertEquals(500, answer.status());
      assertEquals("internal", answer.json().get("error").get("code").asText());
      assertEquals("internal error", answer.json().get("error").get("message").asText());
      String body = answer.response().body();
      assertFalse(
          body.contains("Exception") || body.contains("lucene") || body.contains("at "), body);
    } finally {
      running.app.stop();
    }
  }
}
