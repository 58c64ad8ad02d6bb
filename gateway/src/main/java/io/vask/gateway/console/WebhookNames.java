package io.vask.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vask.gateway.protocol.Json;

/** The event names and channels a webhook request body carries, for its debug record. */
final class WebhookNames {
  private WebhookNames() {}

  static ArrayNode of(byte[] body) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    Json.parse(body)
        .map(root -> root.path("events"))
        .ifPresent(
            events -> {
              for (JsonNode event : events) {
                out.addObject()
                    .put("name", event.path("name").asText())
                    .put("channel", event.path("channel").asText(null));
              }
            });
    return out;
  }
}
