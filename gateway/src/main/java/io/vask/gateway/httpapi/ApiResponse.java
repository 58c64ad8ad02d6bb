package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;

/** An HTTP API response: a status and a JSON body (errors are {@code {"error": "..."}}). */
public record ApiResponse(int status, String body) {
  public static final ApiResponse EMPTY_OK = new ApiResponse(200, "{}");

  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, Json.write(body));
  }

  public static ApiResponse error(int status, String message) {
    return new ApiResponse(status, "{\"error\":" + Json.quote(message) + "}");
  }
}
