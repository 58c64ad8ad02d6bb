package io.vask.gateway.httpapi;

/** A request the API refuses, with its {@link ApiError}; turned into a response by the router. */
final class ApiException extends RuntimeException {
  private final transient ApiResponse response;

  ApiException(ApiError error, Object... args) {
    super(error.message(args), null, false, false);
    this.response = ApiResponse.error(error, args);
  }

  ApiResponse response() {
    return response;
  }
}
