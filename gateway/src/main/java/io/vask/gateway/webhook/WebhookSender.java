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
      if (hook.accepts(event.name(), event.channel())) {
        targets.add(
            app.batchWebhooks()
                ? batcher.add(app, hook, event)
                : send(WebhookRequest.of(app, hook.url(), hook.headers(), List.of(event))));
      }
    }
    return CompletableFuture.allOf(targets.toArray(CompletableFuture[]::new));
  }

  /** Sends until a 2xx or the end of the retry span; never completes exceptionally. */
  CompletableFuture<Void> send(WebhookRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    attempt(request, 1, done);
    return done;
  }

  private void attempt(WebhookRequest request, int attempt, CompletableFuture<Void> done) {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(policy.timeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(http::header);
    if (attempt > 1) {
      metrics.retried.inc();
    }
    client
        .sendAsync(http.build(), HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                metrics.sent.inc();
                done.complete(null);
                return;
              }
              metrics.failed.inc();
              long delay = policy.delay(attempt).toMillis();
              if (clock.millis() + delay > request.createdMillis() + policy.span().toMillis()) {
                metrics.dropped.inc();
                LOG.warn(
                    "webhook to {} given up after {} attempts: {}",
                    request.url(),
                    attempt,
                    error != null ? error.toString() : "HTTP " + response.statusCode());
                done.complete(null);
                return;
              }
              timer.schedule(
                  () -> attempt(request, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
            });
  }
}
