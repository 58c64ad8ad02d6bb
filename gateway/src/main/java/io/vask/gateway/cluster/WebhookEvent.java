package io.vask.gateway.cluster;

import io.vask.contract.WebhookEventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One decided webhook event for one app: its type, channel and the fields its type adds ({@code
 * user_id}, {@code event}, {@code data}, {@code socket_id}, {@code subscription_count}) in wire
 * order. {@code id} makes enqueueing idempotent.
 */
public record WebhookEvent(
    String id,
    String appId,
    long timeMs,
    WebhookEventType type,
    String channel,
    Map<String, Object> details) {

  public WebhookEvent {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** The event object as Pusher sends it: {@code name}, {@code channel}, then the details. */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", type.wireName());
    fields.put("channel", channel);
    fields.putAll(details);
    return fields;
  }
}
