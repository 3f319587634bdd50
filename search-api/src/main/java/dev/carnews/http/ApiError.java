package dev.carnews.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The one error shape of the API, sent as {@code {"error": {...}}}.
 *
 * @param status the HTTP status
 * @param code a stable machine-readable code ({@code bad_parameter}, {@code not_found}, ...)
 * @param message a sentence for the client; never a stack trace or an internal detail
 * @param requestId the id of the request that failed (its {@code X-Request-Id}), in the body of an
 *     error answer; absent from the errors of a batch's items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String code, String message, String requestId) {

  /** An error without a request id yet. */
  public ApiError(int status, String code, String message) {
    this(status, code, message, null);
  }

  /** Validates the fields. */
  public ApiError {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx, was " + status);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** This error as answered to the request with this id. */
  public ApiError withRequestId(String id) {
    return new ApiError(status, code, message, id);
  }

  /**
   * The JSON body that wraps an error.
   *
   * @param error the error
   */
  public record Body(ApiError error) {}
}
