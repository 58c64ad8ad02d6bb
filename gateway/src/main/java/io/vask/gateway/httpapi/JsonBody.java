package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;

/** Reads a request body that must be a JSON object. */
final class JsonBody {
  private JsonBody() {}

  static JsonNode object(ApiRequest request) {
    return Json.parse(request.body())
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new ApiException(ApiError.MALFORMED_JSON));
  }
}
