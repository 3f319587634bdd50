package dev.carnews.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16: every answer carries an {@code X-Request-Id}, the client's when it is valid, and every
 * error body names it, beside the error fields it always had.
 */
class RequestIdTest {

  @RegisterExtension static final RunningApp running = RunningApp.onFixtures();

  @Test
  void everyAnswerHasAGeneratedIdWhenTheClientSentNone() throws Exception {
    for (String path : new String[] {"/api/search?q=renault", "/", "/health", "/no-such-page"}) {
      String id = id(running.getText(path));
      assertEquals(id, UUID.fromString(id).toString(), path);
    }
    assertNotEquals(id(running.get("/health").response()), id(running.get("/health").response()));
  }

  @Test
  void aValidClientIdIsKeptAndReturned() throws Exception {
    String mine = "cms-7f3a:trace/42@edge_1.b+=";
    HttpResponse<String> answer =
        running.send("GET", "/api/articles/a1", "", RequestIds.HEADER, mine).response();
    assertEquals(mine, id(answer));
  }

  @Test
  void anInvalidOrOverlongClientIdIsReplaced() throws Exception {
    String tooLong = "a".repeat(RequestIds.MAX_LENGTH + 1);
    for (String bad : new String[] {tooLong, "two words", "<script>", "semi;colon"}) {
      String id = id(running.send("GET", "/health", "", RequestIds.HEADER, bad).response());
      assertNotEquals(bad, id);
      UUID.fromString(id);
    }
    String longest = "b".repeat(RequestIds.MAX_LENGTH);
    assertEquals(
        longest, id(running.send("GET", "/health", "", RequestIds.HEADER, longest).response()));
  }

  @Test
  void everyErrorBodyNamesTheRequestIdBesideItsFields() throws Exception {
    RunningApp.Answer notFound =
        running.send("GET", "/api/articles/no-such", "", RequestIds.HEADER, "report-1");
    assertError(notFound, 404, "not_found", "report-1");
    RunningApp.Answer bad = running.get("/api/search?size=0");
    assertError(bad, 400, "bad_parameter", id(bad.response()));
    RunningApp.Answer unmatched = running.send("PATCH", "/api/search", "{}");
    assertError(unmatched, 405, "method_not_allowed", id(unmatched.response()));
    RunningApp.Answer unauthorized = running.send("DELETE", "/api/articles/a1", "");
    assertError(unauthorized, 401, "unauthorized", id(unauthorized.response()));
  }

  @Test
  void jettysOwnErrorsCarryAnIdToo() throws Exception {
    RunningApp.Answer tooLong = running.get("/api/search?q=" + "x".repeat(20_000));
    assertEquals(414, tooLong.status());
    assertEquals(id(tooLong.response()), tooLong.json().get("error").get("requestId").asText());
  }

  private static void assertError(RunningApp.Answer answer, int status, String code, String id) {
    WritesTest.assertError(answer, status, code);
    JsonNode error = answer.json().get("error");
    assertEquals(id, error.get("requestId").asText());
    assertEquals(id, id(answer.response()));
    assertEquals(4, error.size(), "status, code, message, requestId: " + error);
    assertTrue(error.has("message"));
  }

  private static String id(HttpResponse<String> response) {
    return response.headers().firstValue(RequestIds.HEADER).orElseThrow();
  }
}
