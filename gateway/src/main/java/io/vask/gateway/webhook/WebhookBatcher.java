package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.cluster.WebhookEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Combines events for one app and webhook into one request: a batch is sent when it reaches {@link
 * #MAX_EVENTS} events or {@code windowMillis} after its first event. Batches are per webhook, not
 * per URL: two webhooks to one URL have their own filters and headers.
 */
final class WebhookBatcher {
  static final int MAX_EVENTS = 50;
  private final Function<WebhookRequest, CompletableFuture<Void>> sender;
  private final ScheduledExecutorService timer;
  private final long windowMillis;
  private final Map<Target, Batch> open = new HashMap<>();

  private record Target(String appId, WebhookSettings hook) {}

  private static final class Batch {
    final AppSettings app;
    final WebhookSettings hook;
    final List<WebhookEvent> events = new ArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Batch(AppSettings app, WebhookSettings hook) {
      this.app = app;
      this.hook = hook;
    }
  }

  WebhookBatcher(
      Function<WebhookRequest, CompletableFuture<Void>> sender,
      ScheduledExecutorService timer,
      long windowMillis) {
    this.sender = sender;
    this.timer = timer;
    this.windowMillis = windowMillis;
  }

  synchronized CompletableFuture<Void> add(
      AppSettings app, WebhookSettings hook, WebhookEvent event) {
    Target key = new Target(app.id(), hook);
    Batch batch = open.get(key);
    if (batch == null) {
      Batch created = new Batch(app, hook);
      open.put(key, created);
      timer.schedule(() -> flush(key, created), windowMillis, TimeUnit.MILLISECONDS);
      batch = created;
    }
    batch.events.add(event);
    CompletableFuture<Void> done = batch.done;
    if (batch.events.size() >= MAX_EVENTS) {
      flush(key, batch);
    }
    return done;
  }

  private void flush(Target key, Batch batch) {
    synchronized (this) {
      if (open.get(key) != batch) {
        return;
      }
      open.remove(key);
    }
    // only the future is kept past this point: the events are in the request's bytes now
    CompletableFuture<Void> done = batch.done;
    sender
        .apply(WebhookRequest.of(batch.app, batch.hook.url(), batch.hook.headers(), batch.events))
        .whenComplete((ok, error) -> done.complete(null));
  }
}
