package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.protocol.SocketIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One event to trigger, validated (PROTOCOL.md §9.4–9.5): name, data, target channels, optional
 * socket id to exclude and the {@code info} attributes asked for.
 */
record EventRequest(
    String name, String data, List<ChannelName> channels, String socketId, Set<String> info) {
  static final int MAX_NAME = 200;

  /** Parses one event object; {@code batchItem} forbids the {@code channels} array. */
  static EventRequest parse(JsonNode event, AppSettings app, boolean batchItem) {
    if (event == null || !event.isObject()) {
      throw new ApiException(400, "Each event must be a JSON object");
    }
    String name = requiredText(event, "name");
    if (name.length() > MAX_NAME) {
      throw new ApiException(400, "Event name is longer than " + MAX_NAME + " characters");
    }
    if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
      throw new ApiException(
          400, "Event name \"" + name + "\" is reserved (pusher: and pusher_internal: are)");
    }
    JsonNode dataNode = event.get("data");
    if (dataNode == null || dataNode.isNull()) {
      throw new ApiException(400, "Missing \"data\"");
    }
    String data = dataNode.isTextual() ? dataNode.asText() : Json.write(dataNode);
    if (data.getBytes(StandardCharsets.UTF_8).length > app.maxMessageBytes()) {
      throw new ApiException(413, "Event data is larger than " + app.maxMessageBytes() + " bytes");
    }
    List<ChannelName> channels = channels(event, app, batchItem);
    String socketId = optionalText(event, "socket_id");
    if (socketId != null && !SocketIds.isValid(socketId)) {
      throw new ApiException(
          400, "Invalid socket_id \"" + socketId + "\" (expected digits.digits)");
    }
    return new EventRequest(name, data, channels, socketId, info(optionalText(event, "info")));
  }

  private static List<ChannelName> channels(JsonNode event, AppSettings app, boolean batchItem) {
    JsonNode many = event.get("channels");
    List<String> names = new ArrayList<>();
    if (many != null && !many.isNull()) {
      if (batchItem) {
        throw new ApiException(400, "Batch events take one \"channel\", not \"channels\"");
      }
      if (!many.isArray()) {
        throw new ApiException(400, "\"channels\" must be an array of channel names");
      }
      many.forEach(n -> names.add(n.isTextual() ? n.asText() : null));
    } else {
      names.add(optionalText(event, "channel"));
    }
    if (names.isEmpty() || names.get(0) == null && names.size() == 1) {
      throw new ApiException(400, "Missing \"channels\" or \"channel\"");
    }
    if (names.size() > app.maxChannelsPerTrigger()) {
      throw new ApiException(
          400, "Too many channels: at most " + app.maxChannelsPerTrigger() + " per event");
    }
    List<ChannelName> channels = new ArrayList<>();
    for (String name : names) {
      channels.add(
          ChannelName.parse(name)
              .orElseThrow(() -> new ApiException(400, ChannelName.invalidMessage(name))));
    }
    if (channels.size() > 1 && channels.stream().anyMatch(c -> c.type() == ChannelType.ENCRYPTED)) {
      throw new ApiException(
          400, "An event to an encrypted channel may only go to that one channel");
    }
    return channels;
  }

  static Set<String> info(String info) {
    Set<String> attributes = new LinkedHashSet<>();
    if (info != null) {
      for (String part : info.split(",")) {
        if (!part.isBlank()) {
          attributes.add(part.trim());
        }
      }
    }
    return attributes;
  }

  private static String requiredText(JsonNode node, String field) {
    String value = optionalText(node, field);
    if (value == null || value.isEmpty()) {
      throw new ApiException(400, "Missing \"" + field + "\" (expected a non-empty string)");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiException(400, "\"" + field + "\" must be a string");
    }
    return value.asText();
  }
}
