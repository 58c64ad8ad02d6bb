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
      throw new ApiException(ApiError.EVENT_NOT_OBJECT);
    }
    String name = requiredText(event, "name");
    if (name.length() > MAX_NAME) {
      throw new ApiException(ApiError.EVENT_NAME_TOO_LONG, MAX_NAME);
    }
    if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
      throw new ApiException(ApiError.EVENT_NAME_RESERVED, name);
    }
    JsonNode dataNode = event.get("data");
    if (dataNode == null || dataNode.isNull()) {
      throw new ApiException(ApiError.DATA_MISSING);
    }
    String data = dataNode.isTextual() ? dataNode.asText() : Json.write(dataNode);
    if (data.getBytes(StandardCharsets.UTF_8).length > app.limits().maxMessageBytes()) {
      throw new ApiException(ApiError.EVENT_TOO_LARGE, app.limits().maxMessageBytes());
    }
    List<ChannelName> channels = channels(event, app, batchItem);
    String socketId = optionalText(event, "socket_id");
    if (socketId != null && !SocketIds.isValid(socketId)) {
      throw new ApiException(ApiError.SOCKET_ID_INVALID, socketId);
    }
    return new EventRequest(name, data, channels, socketId, info(optionalText(event, "info")));
  }

  private static List<ChannelName> channels(JsonNode event, AppSettings app, boolean batchItem) {
    JsonNode many = event.get("channels");
    List<String> names = new ArrayList<>();
    if (many != null && !many.isNull()) {
      if (batchItem) {
        throw new ApiException(ApiError.BATCH_EVENT_CHANNELS);
      }
      if (!many.isArray()) {
        throw new ApiException(ApiError.CHANNELS_NOT_ARRAY);
      }
      many.forEach(n -> names.add(n.isTextual() ? n.asText() : null));
    } else {
      names.add(optionalText(event, "channel"));
    }
    if (names.isEmpty() || names.get(0) == null && names.size() == 1) {
      throw new ApiException(ApiError.CHANNELS_MISSING);
    }
    if (names.size() > app.limits().maxChannelsPerTrigger()) {
      throw new ApiException(ApiError.TOO_MANY_CHANNELS, app.limits().maxChannelsPerTrigger());
    }
    List<ChannelName> channels = new ArrayList<>();
    for (String name : names) {
      channels.add(
          ChannelName.parse(name)
              .orElseThrow(
                  () ->
                      new ApiException(
                          ApiError.CHANNEL_NAME_INVALID, ChannelName.shortened(name))));
    }
    if (channels.size() > 1 && channels.stream().anyMatch(c -> c.type() == ChannelType.ENCRYPTED)) {
      throw new ApiException(ApiError.ENCRYPTED_NOT_ALONE);
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
      throw new ApiException(ApiError.FIELD_MISSING, field);
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiException(ApiError.FIELD_NOT_STRING, field);
    }
    return value.asText();
  }
}
