package io.vask.gateway.webhook;

import io.vask.gateway.metrics.Counter;
import io.vask.gateway.metrics.MetricRegistry;
import java.util.function.LongSupplier;

/**
 * Webhook delivery counters: requests made, sent, failed attempts, retries, dropped (by reason);
 * the outbox's queue depth; and the backlog's size against its bound. Every request ends as sent or
 * dropped, or is still in the backlog: requests = sent + dropped + backlog requests.
 */
public final class WebhookMetrics {
  /** Drop reasons: the backlog was full and this was the oldest request in it. */
  public static final String BACKLOG_FULL = "backlog_full";

  /** Drop reasons: still failing when the retry span (5 minutes) ended. */
  public static final String RETRY_SPAN_OVER = "retry_span_over";

  /** Drop reasons: the HTTP client refuses a configured header, so no attempt can be made. */
  public static final String REFUSED = "refused";

  final Counter requests;
  final Counter sent;
  final Counter failed;
  final Counter retried;
  final Counter dropped;

  public WebhookMetrics(
      MetricRegistry registry, LongSupplier queueDepth, LongSupplier lost, WebhookBacklog backlog) {
    requests =
        registry.counter(
            "vask_webhooks_requests_total", "Webhook requests made (one per event and target)");
    sent = registry.counter("vask_webhooks_sent_total", "Webhook requests answered with 2xx");
    failed =
        registry.counter("vask_webhooks_failed_total", "Webhook attempts that failed or timed out");
    retried = registry.counter("vask_webhooks_retried_total", "Webhook attempts that were retries");
    dropped =
        registry.counter(
            "vask_webhooks_dropped_total",
            "Webhook requests dropped: backlog_full, retry_span_over or refused",
            "reason");
    registry.gauge(
        "vask_webhooks_queue_depth", "Webhook events waiting for delivery", queueDepth::getAsLong);
    // a gauge over the outbox's own count: the outbox, not the sender, knows when it loses one
    registry.gauge(
        "vask_webhooks_outbox_lost",
        "Webhook events the outbox could not keep (full, unreadable, unstored at shutdown)",
        lost::getAsLong);
    registry.gauge(
        "vask_webhooks_backlog_bytes",
        "Estimated heap held by webhook requests waiting or in flight",
        backlog::bytes);
    registry.gauge(
        "vask_webhooks_backlog_requests",
        "Webhook requests waiting or in flight",
        backlog::requests);
    registry.gauge(
        "vask_webhooks_backlog_max_bytes",
        "The backlog's bound (VASK_WEBHOOK_BACKLOG_BYTES)",
        backlog::maxBytes);
  }

  public long sentCount() {
    return sent.value();
  }

  /** Requests dropped for any reason. */
  public long droppedCount() {
    return dropped.value(BACKLOG_FULL) + dropped.value(RETRY_SPAN_OVER) + dropped.value(REFUSED);
  }

  public long droppedCount(String reason) {
    return dropped.value(reason);
  }

  public long retriedCount() {
    return retried.value();
  }

  public long requestCount() {
    return requests.value();
  }
}
