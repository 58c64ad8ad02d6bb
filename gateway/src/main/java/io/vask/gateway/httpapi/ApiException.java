package io.vask.gateway.httpapi;

/** A request the API refuses, with its HTTP status; turned into a response by the router. */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  ApiResponse response() {
    return ApiResponse.error(status, getMessage());
  }
}
