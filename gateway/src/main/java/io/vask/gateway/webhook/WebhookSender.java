package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.metrics.GatewayMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook events taken from the outbox: one request per event and target (or batched, when
 * the app asks for it), retried with exponential back-off until the retry span ends, then given up
 * and counted. Requests wait in the bounded {@link WebhookBacklog}, which lets a few per target out
 * at a time: a dead or hanging receiver holds a fixed number of HTTP exchanges and a fixed number
 * of bytes, and past that the oldest requests are dropped and counted. The returned stage completes
 * when every target is done with the event.
 */
public final class WebhookSender implements WebhookOutbox.Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  /** At most one line per kind of drop this often. */
  static final long DROP_LOG_MILLIS = 10_000;

  private final AppRegistry apps;
  private final HttpClient client;
  private final Clock clock;
  private final RetryPolicy policy;
  private final WebhookBacklog backlog;
  private final WebhookMetrics metrics;
  private final WebhookBatcher batcher;
  private final TargetWakes wakes;
  private final DropLog evictions;
  private final DropLog givenUp;
  private final DebugStream debug;

  public WebhookSender(
      AppRegistry apps,
      HttpClient client,
      ScheduledExecutorService timer,
      Clock clock,
      WebhookTiming timing,
      WebhookBacklog backlog,
      WebhookMetrics metrics,
      DebugStream debug) {
    this.debug = debug;
    this.apps = apps;
    this.client = client;
    this.clock = clock;
    this.policy = timing.retries();
    this.backlog = backlog;
    this.metrics = metrics;
    this.batcher = new WebhookBatcher(this::send, timer, timing.batchWindowMillis());
    this.wakes = new TargetWakes(timer, target -> pump(target, clock.millis()));
    this.evictions =
        new DropLog(
            clock,
            DROP_LOG_MILLIS,
            "the backlog is full (" + backlog.maxBytes() + " bytes), the oldest went first");
    this.givenUp = new DropLog(clock, DROP_LOG_MILLIS, "given up after the retry span");
  }

  @Override
  public CompletionStage<Void> deliver(WebhookEvent event) {
    AppSettings app = apps.byId(event.appId()).orElse(null);
    if (app == null) {
      // removed from the apps file while its event was in hand (the outbox leaves events of apps
      // it stopped serving to their fleet, so only this narrow race is left)
      metrics.dropped(WebhookMetrics.APP_NOT_SERVED, GatewayMetrics.NO_APP).increment();
      LOG.warn("webhook {} of app {} dropped: app not served here", event.id(), event.appId());
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> targets = new ArrayList<>();
    for (WebhookSettings hook : app.webhooks()) {
      if (hook.accepts(event.type().wireName(), event.channel())) {
        targets.add(
            app.features().batchWebhooks()
                ? batcher.add(app, hook, event)
                : send(WebhookRequest.of(app, hook.url(), hook.headers(), List.of(event))));
      }
    }
    return CompletableFuture.allOf(targets.toArray(CompletableFuture[]::new));
  }

  /** Queues the request until a 2xx, the end of the retry span or eviction; never fails. */
  CompletableFuture<Void> send(WebhookRequest request) {
    metrics.requests.increment();
    HttpRequest http;
    try {
      http = toHttp(request);
    } catch (IllegalArgumentException e) {
      // a configured header the JDK client refuses (Host, Connection, …): no retry can help, and
      // throwing would cost the app's other targets the event and leave a batch never done
      metrics.failed(request.appId()).increment();
      metrics.dropped(WebhookMetrics.REFUSED, request.appId()).increment();
      LOG.error("webhook to {} cannot be sent: {}", request.url(), e.getMessage());
      return CompletableFuture.completedFuture(null);
    }
    long now = clock.millis();
    Delivery delivery =
        new Delivery(
            request.url(),
            http,
            request.createdMillis(),
            request.heapBytes(),
            backlog.nextSeq(),
            now);
    delivery.body = request.body();
    delivery.appId = request.appId();
    delivery.events = request.events();
    for (Delivery evicted : backlog.add(delivery)) {
      metrics.dropped(WebhookMetrics.BACKLOG_FULL, evicted.appId).increment();
      evictions.dropped(evicted.target, "evicted after " + evicted.attempts + " attempts");
      evicted.done.complete(null);
    }
    pump(delivery.target, now);
    return delivery.done;
  }

  /** Built once: every retry sends the identical body and signature. */
  private HttpRequest toHttp(WebhookRequest request) {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(policy.timeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(http::header);
    return http.build();
  }

  /** Sends what is due for the target while it has free slots; wakes it for the next one. */
  private void pump(String target, long now) {
    Delivery next;
    while ((next = backlog.take(target, now)) != null) {
      attempt(next);
    }
    wakes.at(target, backlog.nextDue(target), now);
  }

  private void attempt(Delivery delivery) {
    delivery.attempts++;
    if (delivery.attempts > 1) {
      metrics.retried.increment();
    }
    long start = System.nanoTime();
    try {
      client
          .sendAsync(delivery.http, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                logAttempt(delivery, error == null ? response.statusCode() : 0, start);
                debug.webhookAttempt(
                    delivery.http.headers().firstValue("X-Pusher-Key").orElse(""),
                    delivery.target,
                    delivery.body,
                    error == null ? response.statusCode() : 0,
                    (System.nanoTime() - start) / 1_000_000,
                    delivery.attempts);
                if (error == null && response.statusCode() / 100 == 2) {
                  metrics.sent(delivery.appId).increment();
                  done(delivery);
                } else {
                  failed(
                      delivery, error != null ? error.toString() : "HTTP " + response.statusCode());
                }
              });
    } catch (RuntimeException e) {
      failed(delivery, e.toString());
    }
  }

  /** At DEBUG: the attempt's app, target host, status (0: no response), latency and batch size. */
  private static void logAttempt(Delivery delivery, int status, long startNanos) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "webhook attempt app={} host={} status={} latency_ms={} events={} attempt={}",
          delivery.appId,
          delivery.http.uri().getHost(),
          status,
          (System.nanoTime() - startNanos) / 1_000_000,
          delivery.events,
          delivery.attempts);
    }
  }

  /** Retries after the policy's delay, or gives up when that would pass the retry span. */
  private void failed(Delivery delivery, String why) {
    metrics.failed(delivery.appId).increment();
    long now = clock.millis();
    long delay = policy.delay(delivery.attempts).toMillis();
    if (now + delay > delivery.createdMillis + policy.span().toMillis()) {
      metrics.dropped(WebhookMetrics.RETRY_SPAN_OVER, delivery.appId).increment();
      givenUp.dropped(delivery.target, delivery.attempts + " attempts, last: " + why);
      done(delivery);
      return;
    }
    backlog.retryAt(delivery, now + delay);
    pump(delivery.target, now);
  }

  private void done(Delivery delivery) {
    backlog.finish(delivery);
    delivery.done.complete(null);
    pump(delivery.target, clock.millis());
  }
}
