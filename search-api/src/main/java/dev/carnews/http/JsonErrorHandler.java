package dev.carnews.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a malformed URI, a URI too long) in the API's one error shape instead
 * of Jetty's HTML page: these requests never reach Javalin's handlers.
 */
final class JsonErrorHandler extends ErrorHandler {

  private final ObjectMapper json;

  JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    SearchApp.SECURITY_HEADERS.forEach(response::setHeader);
    String id = RequestIds.accepted(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, id);
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body(response.getStatus(), id));
  }

  /** Every method gets the JSON body, not only GET, POST and HEAD as in Jetty's default. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    SearchApp.SECURITY_HEADERS.forEach(fields::put);
    // The request could not be read, so neither could its id: the answer gets a new one.
    String id = RequestIds.accepted(null);
    fields.put(RequestIds.HEADER, id);
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
    return ByteBuffer.wrap(body(status, id));
  }

  private byte[] body(int status, String requestId) {
    try {
      return json.writeValueAsBytes(
          new ApiError.Body(SearchApp.fromStatus(status).withRequestId(requestId)));
    } catch (JsonProcessingException e) {
      return "{\"error\":{\"status\":500,\"code\":\"internal\",\"message\":\"internal error\"}}"
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
