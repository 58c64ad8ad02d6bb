package io.vask.bench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook throughput of one gateway whose app sends (batched) {@code client_event} webhooks to
 * {@code http://127.0.0.1:<receiver-port>/}, where this scenario's {@link WebhookReceiver} listens:
 * client events at {@code rate} (the {@code client-events} scenario) with a fast receiver give the
 * events/s delivered; then the same load with a slow, narrow receiver shows the backlog (from the
 * gateway's /metrics) and the RSS staying bounded, and what was dropped.
 */
final class WebhookScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    double rate = options.decimal("rate", 6000);
    ResultLine line = new ResultLine("webhooks", target).put("rate", rate);
    Options load =
        options
            .with("rate", rate)
            .with("pairs", options.integer("pairs", 100))
            .with("warmup-ms", options.integer("warmup-ms", 1000));
    try (WebhookReceiver receiver = new WebhookReceiver(options.integer("receiver-port", 0))) {
      ResultLine fast = new ClientEventsScenario().run(target, load);
      long sent =
          (fast.get("events_sent") instanceof Number n ? n.longValue() : 0)
              + (fast.get("warmup_events_sent") instanceof Number w ? w.longValue() : 0);
      Deliveries.awaitAtLeast(receiver.events::get, sent, options.integer("drain-ms", 10_000));
      line.put("client_events_sent", sent)
          .put("webhook_events_received", receiver.events.get())
          .put("webhook_requests", receiver.requests.get())
          .put("webhook_events_per_sec", receiver.eventsPerSecond())
          .put(
              "events_per_request",
              receiver.requests.get() == 0
                  ? 0
                  : Math.round(10.0 * receiver.events.get() / receiver.requests.get()) / 10.0);
      receiver.delay(options.integer("slow-delay-ms", 1000));
      line.put("slow_receiver", slow(target, load, options));
    }
    return line;
  }

  /** The same load against a slow receiver: the gateway's webhook backlog and RSS, sampled. */
  private static Map<String, Object> slow(Target target, Options load, Options options)
      throws Exception {
    GatewayMetrics metrics = new GatewayMetrics(target.metricsPort());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("delay_ms", options.integer("slow-delay-ms", 1000));
    double[] peak = new double[3];
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  String text = metrics.scrape();
                  peak[0] =
                      Math.max(peak[0], GatewayMetrics.sum(text, "vask_webhooks_backlog_bytes"));
                  peak[1] =
                      Math.max(peak[1], GatewayMetrics.sum(text, "vask_webhooks_backlog_requests"));
                  peak[2] =
                      Math.max(peak[2], GatewayMetrics.sum(text, "vask_webhooks_queue_depth"));
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "webhook-backlog-sampler");
    try (ProcessSampler rss = new ProcessSampler(List.of(target.pids().get(0)), 250)) {
      sampler.start();
      ResultLine run = new ClientEventsScenario().run(target, load);
      sampler.interrupt();
      sampler.join(5000);
      String text = metrics.scrape();
      out.put("client_events_sent", run.get("events_sent"));
      out.put("peak_backlog_bytes", Math.round(peak[0]));
      out.put("peak_backlog_requests", Math.round(peak[1]));
      out.put("peak_queue_depth", Math.round(peak[2]));
      out.put("backlog_max_bytes", GatewayMetrics.sum(text, "vask_webhooks_backlog_max_bytes"));
      out.put("dropped", GatewayMetrics.sum(text, "vask_webhooks_dropped_total"));
      out.put("peak_rss_bytes", rss.peakRss());
      double max = GatewayMetrics.sum(text, "vask_webhooks_backlog_max_bytes");
      out.put("backlog_bounded", max > 0 && peak[0] <= max);
    }
    return out;
  }
}
