package io.vask.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import io.vask.gateway.protocol.Json;
import java.util.Map;

/** pusher-http-java calls that must succeed, with their JSON answers parsed. */
public final class ApiCalls {
  private ApiCalls() {}

  /** Asserts success and returns the parsed body. */
  public static JsonNode ok(Result result) {
    assertThat(result.getStatus())
        .as("HTTP %s: %s", result.getHttpStatus(), result.getMessage())
        .isEqualTo(Result.Status.SUCCESS);
    return Json.parse(result.getMessage())
        .orElseThrow(() -> new AssertionError("not JSON: " + result.getMessage()));
  }

  public static JsonNode get(com.pusher.rest.Pusher api, String path, Map<String, String> query) {
    return ok(api.get(path, query));
  }
}
