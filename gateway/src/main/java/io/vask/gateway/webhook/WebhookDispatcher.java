package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns channel-layer moments into webhook events. {@code channel_vacated} and {@code
 * member_removed} wait {@code debounceMillis} (Pusher: up to 3 s): if the channel is re-occupied or
 * the user re-joins meanwhile, neither the delayed event nor the matching occupied/added one is
 * sent. Events no webhook of the app wants are dropped before any work.
 */
public final class WebhookDispatcher implements Webhooks {
  private final WebhookOutbox outbox;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final long debounceMillis;
  private final Map<String, PendingLeave> pendingLeaves = new ConcurrentHashMap<>();
  private volatile boolean closing;

  public WebhookDispatcher(
      WebhookOutbox outbox, ScheduledExecutorService timer, Clock clock, long debounceMillis) {
    this.outbox = outbox;
    this.timer = timer;
    this.clock = clock;
    this.debounceMillis = debounceMillis;
  }

  @Override
  public void channelOccupied(AppSettings app, String channel) {
    if (!cancelPendingLeave("c\n" + app.id() + "\n" + channel)) {
      emit(app, "channel_occupied", channel, Map.of());
    }
  }

  @Override
  public void channelVacated(AppSettings app, String channel) {
    delayLeave(
        app,
        "c\n" + app.id() + "\n" + channel,
        "channel_vacated",
        "channel_occupied",
        channel,
        Map.of());
  }

  @Override
  public void memberAdded(AppSettings app, String channel, String userId) {
    if (!cancelPendingLeave("m\n" + app.id() + "\n" + channel + "\n" + userId)) {
      emit(app, "member_added", channel, Map.of("user_id", userId));
    }
  }

  @Override
  public void memberRemoved(AppSettings app, String channel, String userId) {
    delayLeave(
        app,
        "m\n" + app.id() + "\n" + channel + "\n" + userId,
        "member_removed",
        "member_added",
        channel,
        Map.of("user_id", userId));
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
    emit(app, "client_event", channel, fields);
  }

  @Override
  public void cacheMiss(AppSettings app, String channel) {
    emit(app, "cache_miss", channel, Map.of());
  }

  @Override
  public void subscriptionCount(AppSettings app, String channel, long count) {
    emit(app, "subscription_count", channel, Map.of("subscription_count", count));
  }

  /**
   * Sends every held leave now and holds no new ones. For shutdown: nobody can come back within the
   * window, and the timer that would have sent them stops with the gateway.
   */
  public void flushPendingLeaves() {
    closing = true;
    pendingLeaves.forEach(this::fire);
  }

  /**
   * Holds a leave for the de-bounce window. The leave is held even when only its counterpart is
   * wanted: a webhook that takes channel_occupied alone must not see a second one after a quick
   * reconnect.
   */
  private void delayLeave(
      AppSettings app,
      String key,
      String name,
      String counterpart,
      String channel,
      Map<String, Object> extra) {
    boolean send = wanted(app, name, channel);
    if (!send && !wanted(app, counterpart, channel)) {
      return;
    }
    long decidedAt = clock.millis();
    PendingLeave pending =
        new PendingLeave(
            () -> {
              if (send) {
                outbox.enqueue(event(app, name, channel, extra, decidedAt));
              }
            });
    PendingLeave previous = pendingLeaves.put(key, pending);
    if (previous != null) {
      previous.cancel();
    }
    pending.task = timer.schedule(() -> fire(key, pending), debounceMillis, TimeUnit.MILLISECONDS);
    if (closing) {
      fire(key, pending); // flushPendingLeaves may have looked before this leave was put
    }
  }

  /** Sends a held leave unless it was cancelled or already sent (only its own entry counts). */
  private void fire(String key, PendingLeave pending) {
    if (pendingLeaves.remove(key, pending)) {
      pending.cancel();
      pending.send.run();
    }
  }

  /** True if a delayed leave was pending (and is now cancelled): the pair is swallowed. */
  private boolean cancelPendingLeave(String key) {
    PendingLeave pending = pendingLeaves.remove(key);
    if (pending == null) {
      return false;
    }
    pending.cancel();
    return true;
  }

  /** A leave waiting out the window; its task is set right after it is registered. */
  private static final class PendingLeave {
    final Runnable send;
    volatile ScheduledFuture<?> task;

    PendingLeave(Runnable send) {
      this.send = send;
    }

    void cancel() {
      ScheduledFuture<?> scheduled = task;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }
  }

  private void emit(AppSettings app, String name, String channel, Map<String, Object> extra) {
    if (wanted(app, name, channel)) {
      outbox.enqueue(event(app, name, channel, extra, clock.millis()));
    }
  }

  private static boolean wanted(AppSettings app, String name, String channel) {
    for (WebhookSettings hook : app.webhooks()) {
      if (hook.accepts(name, channel)) {
        return true;
      }
    }
    return false;
  }

  private static WebhookEvent event(
      AppSettings app, String name, String channel, Map<String, Object> extra, long timeMs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("channel", channel);
    fields.putAll(extra);
    return new WebhookEvent(UUID.randomUUID().toString(), app.id(), timeMs, fields);
  }
}
