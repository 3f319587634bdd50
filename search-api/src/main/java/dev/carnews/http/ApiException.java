package dev.carnews.http;

/** A request the API refuses, with the status, code and message the client gets. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** A refusal; the message is shown to the client as it is. */
  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** 400 {@code bad_parameter}. */
  public static ApiException badParameter(String message) {
    return new ApiException(400, "bad_parameter", message);
  }

  /** 404 {@code not_found}. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  /** The error the client gets. */
  public ApiError toError() {
    return new ApiError(status, code, getMessage());
  }
}
