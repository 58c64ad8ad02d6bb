package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.app;
import static io.vask.gateway.webhook.WebhookApps.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.local.LocalWebhookOutbox;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.testing.WebhookReceiver;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path as the gateway wires it: dispatcher → in-memory outbox → sender → receiver. The
 * caller of the dispatcher (an event loop, in the gateway) must never wait for the receiver.
 */
class WebhookPipelineTest {
  private static final RetryPolicy PATIENT =
      new RetryPolicy(
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofMinutes(1),
          Duration.ofMinutes(1));

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final RecordingScheduler timer = new RecordingScheduler();
  private final LocalWebhookOutbox outbox = new LocalWebhookOutbox(1000);
  private final GatewayMetrics registry = new GatewayMetrics();
  private final WebhookBacklog backlog = new WebhookBacklog(64L << 20, 64);
  private final WebhookMetrics metrics =
      new WebhookMetrics(registry, outbox::depth, outbox::lost, backlog);
  private final AppSettings app =
      app(false, hook(receiver.url("/hook"), null, "channel_occupied", "cache_miss"));
  private final WebhookDispatcher webhooks = new WebhookDispatcher(outbox, Clock.systemUTC());

  WebhookPipelineTest() {
    outbox.start(
        new WebhookSender(
            new StaticAppRegistry(List.of(app)),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            timer,
            Clock.systemUTC(),
            new WebhookTiming(PATIENT, 100),
            backlog,
            metrics,
            DebugStream.OFF));
  }

  @AfterEach
  void stop() {
    receiver.close();
    timer.shutdownNow();
    outbox.close();
  }

  @Test
  void dispatchingReturnsWhileTheReceiverStalls() throws Exception {
    receiver.stall();

    CompletableFuture<Void> returned =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 20; i++) {
                webhooks.channelOccupied(app, "room-" + i);
              }
            });

    returned.get(10, TimeUnit.SECONDS);
    receiver.awaitRequests(20);
    assertThat(metrics.sentCount()).isZero();
    assertThat(outbox.depth()).isEqualTo(20);
    assertThat(registry.scrape()).contains("vask_webhooks_queue_depth 20");

    receiver.release();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.depth() == 0);
    assertThat(metrics.sentCount()).isEqualTo(20);
    assertThat(receiver.requests()).hasSize(20);
  }

  @Test
  void eventsDecidedBeforeTheSenderStartsAreDeliveredOnceItDoes() {
    LocalWebhookOutbox early = new LocalWebhookOutbox(10);
    WebhookDispatcher beforeStart = new WebhookDispatcher(early, Clock.systemUTC());
    beforeStart.cacheMiss(app, "cache-early");
    assertThat(early.depth()).isEqualTo(1);

    early.start(
        new WebhookSender(
            new StaticAppRegistry(List.of(app)),
            HttpClient.newHttpClient(),
            timer,
            Clock.systemUTC(),
            new WebhookTiming(PATIENT, 100),
            backlog,
            metrics,
            DebugStream.OFF));

    receiver.awaitEvent(e -> "cache-early".equals(e.get("channel").asText()));
    await().atMost(Duration.ofSeconds(20)).until(() -> early.depth() == 0);
  }
}
