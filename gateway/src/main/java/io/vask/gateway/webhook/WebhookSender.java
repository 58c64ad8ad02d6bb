package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook events taken from the outbox: one request per event and target (or batched, when
 * the app asks for it), retried with exponential back-off until the retry span ends, then given up
 * and counted. The returned stage completes when every target is done with the event.
 */
public final class WebhookSender implements WebhookOutbox.Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final AppRegistry apps;
  private final HttpClient client;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final RetryPolicy policy;
  private final WebhookMetrics metrics;
  private final WebhookBatcher batcher;

  public WebhookSender(
      AppRegistry apps,
      HttpClient client,
      ScheduledExecutorService timer,
      Clock clock,
      RetryPolicy policy,
      WebhookMetrics metrics,
      long batchWindowMillis) {
    this.apps = apps;
    this.client = client;
    this.timer = timer;
    this.clock = clock;
    this.policy = policy;
    this.metrics = metrics;
    this.batcher = new WebhookBatcher(this::send, timer, batchWindowMillis);
  }

  @Override
  public CompletionStage<Void> deliver(WebhookEvent event) {
    AppSettings app = apps.byId(event.appId()).orElse(null);
    if (app == null) {
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

  /** Sends until a 2xx or the end of the retry span; never completes exceptionally. */
  CompletableFuture<Void> send(WebhookRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    HttpRequest http;
    try {
      http = toHttp(request);
    } catch (IllegalArgumentException e) {
      // a configured header the JDK client refuses (Host, Connection, …): no retry can help, and
      // throwing would cost the app's other targets the event and leave a batch never done
      metrics.failed.inc();
      metrics.dropped.inc();
      LOG.error("webhook to {} cannot be sent: {}", request.url(), e.getMessage());
      done.complete(null);
      return done;
    }
    attempt(http, request.createdMillis(), 1, done);
    return done;
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

  private void attempt(
      HttpRequest http, long createdMillis, int attempt, CompletableFuture<Void> done) {
    if (attempt > 1) {
      metrics.retried.inc();
    }
    client
        .sendAsync(http, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                metrics.sent.inc();
                done.complete(null);
              } else {
                String why = error != null ? error.toString() : "HTTP " + response.statusCode();
                failed(http, createdMillis, attempt, done, why);
              }
            });
  }

  /** Retries after the policy's delay, or gives up when that would pass the retry span. */
  private void failed(
      HttpRequest http, long createdMillis, int attempt, CompletableFuture<Void> done, String why) {
    metrics.failed.inc();
    long delay = policy.delay(attempt).toMillis();
    if (clock.millis() + delay > createdMillis + policy.span().toMillis()) {
      metrics.dropped.inc();
      LOG.warn("webhook to {} given up after {} attempts: {}", http.uri(), attempt, why);
      done.complete(null);
      return;
    }
    timer.schedule(
        () -> attempt(http, createdMillis, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
  }
}
