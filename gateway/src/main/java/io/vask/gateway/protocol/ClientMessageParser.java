package io.vask.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Turns one client text frame into a {@link ClientMessage}. Accepts {@code data} as an object or as
 * a JSON string (older clients), and events without {@code data} (pusher-websocket-java pings).
 */
public final class ClientMessageParser {
  private ClientMessageParser() {}

  public static ClientMessage parse(String text) {
    Optional<JsonNode> parsed = Json.parse(text);
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      return new ClientMessage.Invalid(PusherError.INVALID_JSON.with());
    }
    JsonNode frame = parsed.get();
    JsonNode eventNode = frame.get("event");
    if (eventNode == null || !eventNode.isTextual()) {
      return new ClientMessage.Invalid(PusherError.EVENT_MISSING.with());
    }
    String event = eventNode.asText();
    JsonNode data = frame.get("data");
    return switch (event) {
      case "pusher:ping" -> new ClientMessage.Ping();
      case "pusher:pong" -> new ClientMessage.Pong();
      case "pusher:subscribe" -> subscribe(data);
      case "pusher:unsubscribe" -> unsubscribe(data);
      case "pusher:signin" -> signin(data);
      default -> otherEvent(event, frame, data);
    };
  }

  private static ClientMessage subscribe(JsonNode rawData) {
    JsonNode data = objectData(rawData);
    if (data == null) {
      return invalidData("pusher:subscribe");
    }
    String channel = text(data, "channel");
    if (channel == null) {
      return new ClientMessage.Invalid(PusherError.CHANNEL_NAME_INVALID.with(""));
    }
    JsonNode channelData = data.get("channel_data");
    String channelDataText =
        channelData == null || channelData.isNull()
            ? null
            : channelData.isTextual() ? channelData.asText() : Json.write(channelData);
    return new ClientMessage.Subscribe(channel, text(data, "auth"), channelDataText);
  }

  private static ClientMessage unsubscribe(JsonNode rawData) {
    JsonNode data = objectData(rawData);
    String channel = data == null ? null : text(data, "channel");
    return channel == null
        ? invalidData("pusher:unsubscribe")
        : new ClientMessage.Unsubscribe(channel);
  }

  private static ClientMessage signin(JsonNode rawData) {
    JsonNode data = objectData(rawData);
    if (data == null) {
      return invalidData("pusher:signin");
    }
    return new ClientMessage.Signin(text(data, "auth"), text(data, "user_data"));
  }

  private static ClientMessage otherEvent(String event, JsonNode frame, JsonNode data) {
    if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
      return new ClientMessage.Ignored(event);
    }
    if (!event.startsWith("client-")) {
      return new ClientMessage.Invalid(
          PusherError.CLIENT_EVENT_NAME_INVALID.with(abbreviate(event)));
    }
    String channel = text(frame, "channel");
    if (channel == null) {
      return new ClientMessage.Invalid(PusherError.CLIENT_EVENT_CHANNEL_MISSING.with());
    }
    String dataText =
        data == null || data.isNull() ? "" : data.isTextual() ? data.asText() : Json.write(data);
    return new ClientMessage.ClientEvent(event, channel, dataText);
  }

  /** Pusher data may arrive as an object or as a JSON string holding the object. */
  private static JsonNode objectData(JsonNode data) {
    if (data == null) {
      return null;
    }
    if (data.isTextual()) {
      return Json.parse(data.asText()).filter(JsonNode::isObject).orElse(null);
    }
    return data.isObject() ? data : null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static ClientMessage invalidData(String event) {
    return new ClientMessage.Invalid(PusherError.DATA_NOT_OBJECT.with(event));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
