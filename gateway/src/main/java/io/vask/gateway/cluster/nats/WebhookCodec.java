package io.vask.gateway.cluster.nats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.WebhookEventType;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * A webhook event as a JetStream message body: id, app, time and its wire fields in order ({@code
 * name}, {@code channel}, the details), so that nodes of different versions read each other's.
 */
final class WebhookCodec {
  private static final TypeReference<LinkedHashMap<String, Object>> FIELDS =
      new TypeReference<>() {};

  private WebhookCodec() {}

  static byte[] encode(WebhookEvent event) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("id", event.id());
    json.put("app", event.appId());
    json.put("time", event.timeMs());
    json.set("fields", Json.MAPPER.valueToTree(event.fields()));
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /** Empty for a body this version cannot read. */
  static Optional<WebhookEvent> decode(byte[] body) {
    try {
      JsonNode json = Json.parse(body).orElse(null);
      if (json == null || !json.path("fields").isObject()) {
        return Optional.empty();
      }
      LinkedHashMap<String, Object> details = Json.MAPPER.convertValue(json.get("fields"), FIELDS);
      Object name = details.remove("name");
      Object channel = details.remove("channel");
      Optional<WebhookEventType> type =
          name instanceof String wireName
              ? WebhookEventType.fromWireName(wireName)
              : Optional.empty();
      if (type.isEmpty() || !(channel instanceof String channelName)) {
        return Optional.empty();
      }
      return Optional.of(
          new WebhookEvent(
              json.path("id").asText(),
              json.path("app").asText(),
              json.path("time").asLong(),
              type.get(),
              channelName,
              details));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
