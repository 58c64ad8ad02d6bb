package io.vask.gateway.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.vask.gateway.metrics.AppMeters;
import io.vask.gateway.metrics.GatewayMetrics;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Webhook delivery counters: requests made, sent, failed attempts, retries, dropped (by reason);
 * the outbox's queue depth; and the backlog's size against its bound. Every request ends as sent or
 * dropped, or is still in the backlog: requests = sent + dropped + backlog requests. Sent, failed
 * and dropped carry the app's id ({@code app}).
 */
public final class WebhookMetrics {
  /** Drop reasons: the backlog was full and this was the oldest request in it. */
  public static final String BACKLOG_FULL = "backlog_full";

  /** Drop reasons: still failing when the retry span (5 minutes) ended. */
  public static final String RETRY_SPAN_OVER = "retry_span_over";

  /** Drop reasons: the HTTP client refuses a configured header, so no attempt can be made. */
  public static final String REFUSED = "refused";

  /** Drop reasons: the event's app left this gateway's apps file while the event was in hand. */
  public static final String APP_NOT_SERVED = "app_not_served";

  /**
   * Drop reasons: the cluster's webhook stream discarded the event by its own limits before any
   * gateway took it. Counts events (not requests), so it is outside requests = sent + dropped +
   * backlog.
   */
  public static final String STREAM_LIMIT = "stream_limit";

  private static final String DROPPED_HELP =
      "Webhook requests dropped: backlog_full, retry_span_over, refused or app_not_served;"
          + " events dropped: stream_limit";

  final Counter requests;
  final Counter retried;
  private final GatewayMetrics metrics;

  /** Held here: Micrometer keeps only a weak reference to a function counter's object. */
  private final LongSupplier discardedByStream;

  public WebhookMetrics(
      GatewayMetrics metrics, LongSupplier queueDepth, LongSupplier lost, WebhookBacklog backlog) {
    this(metrics, queueDepth, lost, () -> 0, backlog);
  }

  /** As above, with the outbox's count of events its stream discarded ({@link #STREAM_LIMIT}). */
  public WebhookMetrics(
      GatewayMetrics metrics,
      LongSupplier queueDepth,
      LongSupplier lost,
      LongSupplier discardedByStream,
      WebhookBacklog backlog) {
    this.metrics = metrics;
    this.discardedByStream = discardedByStream;
    requests =
        counter("vask_webhooks_requests", "Webhook requests made (one per event and target)");
    retried = counter("vask_webhooks_retried", "Webhook attempts that were retries");
    // every family exported from the start, with the series of no app (true at zero)
    sent(GatewayMetrics.NO_APP);
    failed(GatewayMetrics.NO_APP);
    for (String reason : List.of(BACKLOG_FULL, RETRY_SPAN_OVER, REFUSED, APP_NOT_SERVED)) {
      dropped(reason, GatewayMetrics.NO_APP);
    }
    // the outbox, not the sender, learns of these: read from its count at scrape time
    FunctionCounter.builder(
            "vask_webhooks_dropped", this.discardedByStream, LongSupplier::getAsLong)
        .description(DROPPED_HELP)
        .tags("reason", STREAM_LIMIT, AppMeters.APP, GatewayMetrics.NO_APP)
        .register(metrics.registry);
    metrics.gauge(
        "vask_webhooks_queue_depth", "Webhook events waiting for delivery", queueDepth::getAsLong);
    // a gauge over the outbox's own count: the outbox, not the sender, knows when it loses one
    metrics.gauge(
        "vask_webhooks_outbox_lost",
        "Webhook events the outbox could not keep (full, unreadable, unstored at shutdown)",
        lost::getAsLong);
    metrics.gauge(
        "vask_webhooks_backlog_bytes",
        "Estimated heap held by webhook requests waiting or in flight",
        backlog::bytes);
    metrics.gauge(
        "vask_webhooks_backlog_requests",
        "Webhook requests waiting or in flight",
        backlog::requests);
    metrics.gauge(
        "vask_webhooks_backlog_max_bytes",
        "The backlog's bound (VASK_WEBHOOK_BACKLOG_BYTES)",
        backlog::maxBytes);
  }

  /** Exported as {@code <name>_total}. */
  private Counter counter(String name, String help) {
    return Counter.builder(name).description(help).register(metrics.registry);
  }

  /*
   * Per-app series: the apps file bounds the app tag, and GatewayMetrics removes an app's series
   * (every meter tagged with it) once the app left the file. Looked up per request, which is cheap
   * next to an HTTP exchange.
   */

  Counter sent(String appId) {
    return Counter.builder("vask_webhooks_sent")
        .description("Webhook requests answered with 2xx")
        .tag(AppMeters.APP, appId)
        .register(metrics.registry);
  }

  Counter failed(String appId) {
    return Counter.builder("vask_webhooks_failed")
        .description("Webhook attempts that failed or timed out")
        .tag(AppMeters.APP, appId)
        .register(metrics.registry);
  }

  Counter dropped(String reason, String appId) {
    return Counter.builder("vask_webhooks_dropped")
        .description(DROPPED_HELP)
        .tags("reason", reason, AppMeters.APP, appId)
        .register(metrics.registry);
  }

  public long sentCount() {
    return metrics.total("vask_webhooks_sent_total");
  }

  public long sentCount(String appId) {
    return metrics.total("vask_webhooks_sent_total", AppMeters.APP, appId);
  }

  /** Requests dropped for any reason (events the stream discarded never became requests). */
  public long droppedCount() {
    return metrics.total("vask_webhooks_dropped_total") - droppedCount(STREAM_LIMIT);
  }

  public long droppedCount(String reason) {
    return metrics.total("vask_webhooks_dropped_total", "reason", reason);
  }

  public long failedCount() {
    return metrics.total("vask_webhooks_failed_total");
  }

  public long retriedCount() {
    return metrics.total("vask_webhooks_retried_total");
  }

  public long requestCount() {
    return metrics.total("vask_webhooks_requests_total");
  }
}
