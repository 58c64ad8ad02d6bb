package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;

/**
 * An HTTP response: a status, a JSON (or, for metrics, text) body and, for 429, the seconds a
 * client should wait ({@code Retry-After}; 0 for none). Errors are {@code {"error": "..."}} with
 * the status of their {@link ApiError}; the two others are named here.
 */
public record ApiResponse(int status, String body, long retryAfterSeconds) {
  private static final int OK = 200;
  private static final int NOT_READY = 503;

  public static final ApiResponse EMPTY_OK = new ApiResponse(OK, "{}");

  public ApiResponse(int status, String body) {
    this(status, body, 0);
  }

  /** The same response, telling the client to retry after {@code seconds} ({@code Retry-After}). */
  public ApiResponse retryAfter(long seconds) {
    return new ApiResponse(status, body, seconds);
  }

  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(OK, Json.write(body));
  }

  public static ApiResponse ok(String body) {
    return new ApiResponse(OK, body);
  }

  /** The readiness probe's answer: 503 when not ready is a probe outcome, not an error. */
  public static ApiResponse readiness(boolean ready, String body) {
    return new ApiResponse(ready ? OK : NOT_READY, body);
  }

  public static ApiResponse error(ApiError error, Object... args) {
    return new ApiResponse(error.status(), "{\"error\":" + Json.quote(error.message(args)) + "}");
  }
}
