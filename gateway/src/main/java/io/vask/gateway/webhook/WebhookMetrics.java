package io.vask.gateway.webhook;

import io.vask.gateway.metrics.Counter;
import io.vask.gateway.metrics.MetricRegistry;
import java.util.function.LongSupplier;

/** Webhook delivery counters: sent, failed attempts, retries, given up; and the queue depth. */
public final class WebhookMetrics {
  final Counter sent;
  final Counter failed;
  final Counter retried;
  final Counter dropped;

  public WebhookMetrics(MetricRegistry registry, LongSupplier queueDepth, LongSupplier lost) {
    sent = registry.counter("vask_webhooks_sent_total", "Webhook requests answered with 2xx");
    failed =
        registry.counter("vask_webhooks_failed_total", "Webhook attempts that failed or timed out");
    retried = registry.counter("vask_webhooks_retried_total", "Webhook attempts that were retries");
    dropped =
        registry.counter(
            "vask_webhooks_dropped_total", "Webhook requests given up after the retry span");
    registry.gauge(
        "vask_webhooks_queue_depth", "Webhook events waiting for delivery", queueDepth::getAsLong);
    // a gauge over the outbox's own count: the outbox, not the sender, knows when it loses one
    registry.gauge(
        "vask_webhooks_outbox_lost",
        "Webhook events the outbox could not keep (full, unreadable, unstored at shutdown)",
        lost::getAsLong);
  }

  public long sentCount() {
    return sent.value();
  }

  public long droppedCount() {
    return dropped.value();
  }

  public long retriedCount() {
    return retried.value();
  }
}
