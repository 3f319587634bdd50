package dev.carnews.http;

import java.util.Objects;

/**
 * The one error shape of the API, sent as {@code {"error": {...}}}.
 *
 * @param status the HTTP status
 * @param code a stable machine-readable code ({@code bad_parameter}, {@code not_found}, ...)
 * @param message a sentence for the client; never a stack trace or an internal detail
 */
public record ApiError(int status, String code, String message) {

  /** Validates the fields. */
  public ApiError {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx, was " + status);
    }
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The JSON body that wraps an error.
   *
   * @param error the error
   */
  public record Body(ApiError error) {}
}
