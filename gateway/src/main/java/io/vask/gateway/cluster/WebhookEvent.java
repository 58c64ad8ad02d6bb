package io.vask.gateway.cluster;

import java.util.Map;

/**
 * One decided webhook event for one app: its Pusher fields ({@code name}, {@code channel}, and per
 * type {@code user_id}, {@code event}, {@code data}, {@code socket_id}, {@code subscription_count})
 * in wire order. {@code id} makes enqueueing idempotent.
 */
public record WebhookEvent(String id, String appId, long timeMs, Map<String, Object> fields) {
  public String name() {
    return (String) fields.get("name");
  }

  public String channel() {
    return (String) fields.get("channel");
  }
}
