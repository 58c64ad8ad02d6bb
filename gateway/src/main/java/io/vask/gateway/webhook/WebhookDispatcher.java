package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookEventType;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns channel-layer moments into webhook events. The de-bounce of {@code channel_vacated} and
 * {@code member_removed} (Pusher: up to 3 s) is decided cluster-wide by the {@link
 * io.vask.gateway.cluster.LeaveGrace}, which reports a leave only once it outlived the grace; here
 * every reported moment is final. Events no webhook of the app wants are dropped before any work.
 */
public final class WebhookDispatcher implements Webhooks {
  private final WebhookOutbox outbox;
  private final Clock clock;

  public WebhookDispatcher(WebhookOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void channelOccupied(AppSettings app, String channel) {
    emit(app, WebhookEventType.CHANNEL_OCCUPIED, channel, Map.of());
  }

  @Override
  public void channelVacated(AppSettings app, String channel) {
    emit(app, WebhookEventType.CHANNEL_VACATED, channel, Map.of());
  }

  @Override
  public void memberAdded(AppSettings app, String channel, String userId) {
    emit(app, WebhookEventType.MEMBER_ADDED, channel, Map.of("user_id", userId));
  }

  @Override
  public void memberRemoved(AppSettings app, String channel, String userId) {
    emit(app, WebhookEventType.MEMBER_REMOVED, channel, Map.of("user_id", userId));
  }

  @Override
  public void clientEvent(
      AppSettings app, String channel, String event, String data, String socketId, String userId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", event);
    fields.put("data", data);
    fields.put("socket_id", socketId);
    if (userId != null) {
      fields.put("user_id", userId);
    }
    emit(app, WebhookEventType.CLIENT_EVENT, channel, fields);
  }

  @Override
  public void cacheMiss(AppSettings app, String channel) {
    emit(app, WebhookEventType.CACHE_MISS, channel, Map.of());
  }

  @Override
  public void subscriptionCount(AppSettings app, String channel, long count) {
    emit(app, WebhookEventType.SUBSCRIPTION_COUNT, channel, Map.of("subscription_count", count));
  }

  private void emit(
      AppSettings app, WebhookEventType type, String channel, Map<String, Object> details) {
    if (wanted(app, type, channel)) {
      outbox.enqueue(
          new WebhookEvent(
              UUID.randomUUID().toString(), app.id(), clock.millis(), type, channel, details));
    }
  }

  private static boolean wanted(AppSettings app, WebhookEventType type, String channel) {
    for (WebhookSettings hook : app.webhooks()) {
      if (hook.accepts(type.wireName(), channel)) {
        return true;
      }
    }
    return false;
  }
}
