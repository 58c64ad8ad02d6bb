package io.vask.gateway.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;

/**
 * Debug records as the JSON lines the console reads: {@code type}, {@code ts} (epoch ms), {@code
 * node} (the pod that saw it), {@code app}, then the type's fields. Built only for watched apps.
 */
final class DebugRecords {
  /** API message data is shown up to this many characters (≤ 1 KiB of UTF-8 for ASCII data). */
  static final int PREVIEW_CHARS = 1024;

  private final String node;

  DebugRecords(String node) {
    this.node = node;
  }

  ObjectNode start(String type, String appId, long ts) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.put("type", type).put("ts", ts).put("node", node).put("app", appId);
    return record;
  }

  /** The data's first {@link #PREVIEW_CHARS} characters, cut at a whole code point. */
  static String preview(String data) {
    if (data.length() <= PREVIEW_CHARS) {
      return data;
    }
    int end = PREVIEW_CHARS;
    if (Character.isHighSurrogate(data.charAt(end - 1))) {
      end--;
    }
    return data.substring(0, end);
  }

  static int utf8Length(String data) {
    return data.getBytes(StandardCharsets.UTF_8).length;
  }

  static byte[] bytes(ObjectNode record) {
    return Json.write(record).getBytes(StandardCharsets.UTF_8);
  }
}
