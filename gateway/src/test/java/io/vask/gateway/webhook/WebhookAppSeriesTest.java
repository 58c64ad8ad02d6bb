package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.event;
import static io.vask.gateway.webhook.WebhookApps.hook;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookEventType;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.WebhookReceiver;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook counters carry the app ({@code app}): one app's deliveries count only in its own
 * series, and an app's series go with it when it leaves the apps file.
 */
class WebhookAppSeriesTest {
  private static final String HEALTHY = WebhookApps.ID;
  private static final String BROKEN = "7";

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final RecordingScheduler timer = new RecordingScheduler();
  private final AtomicReference<Set<String>> live = new AtomicReference<>(Set.of(HEALTHY, BROKEN));
  private final GatewayMetrics gateway = new GatewayMetrics(live::get);
  private final WebhookBacklog backlog = new WebhookBacklog(64L << 20, 64);
  private final WebhookMetrics metrics = new WebhookMetrics(gateway, () -> 0, () -> 0, backlog);

  @AfterEach
  void stop() {
    receiver.close();
    timer.shutdownNow();
    gateway.close();
  }

  @Test
  void eachAppCountsItsOwnDeliveriesAndItsSeriesLeaveWithIt() throws Exception {
    AppSettings healthy =
        WebhookApps.app(false, hook(receiver.url("/hook"), null, "channel_occupied"));
    // nothing listens there: every attempt fails until the retry span ends
    String closed = "http://127.0.0.1:" + NatsServer.freePort() + "/hook";
    AppSettings broken =
        AppSettings.builder(BROKEN, "broken-key", "broken-secret")
            .webhooks(List.of(hook(closed, null, "channel_occupied")))
            .build();
    WebhookSender sender = sender(healthy, broken);

    deliver(sender, event("channel_occupied", "room", System.currentTimeMillis()));
    deliver(
        sender,
        new WebhookEvent(
            UUID.randomUUID().toString(),
            BROKEN,
            System.currentTimeMillis(),
            WebhookEventType.CHANNEL_OCCUPIED,
            "room",
            Map.of()));

    assertThat(metrics.sentCount(HEALTHY)).isEqualTo(1);
    assertThat(metrics.sentCount(BROKEN)).isZero();
    String scrape = gateway.scrape();
    assertThat(scrape)
        .contains("vask_webhooks_sent_total{app=\"3\"} 1.0")
        .contains("vask_webhooks_dropped_total{app=\"7\",reason=\"retry_span_over\"} 1.0")
        .containsPattern("vask_webhooks_failed_total\\{app=\"7\"\\} [1-9]")
        .doesNotContain("vask_webhooks_failed_total{app=\"3\"}")
        // the families exist before any app sends: the series of no app
        .contains("vask_webhooks_sent_total{app=\"\"} 0.0");

    live.set(Set.of(HEALTHY));
    assertThat(gateway.scrape())
        .contains("vask_webhooks_sent_total{app=\"3\"} 1.0")
        .doesNotContain("app=\"7\"");
  }

  private WebhookSender sender(AppSettings... apps) {
    return new WebhookSender(
        new StaticAppRegistry(List.of(apps)),
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        timer,
        Clock.systemUTC(),
        new WebhookTiming(WebhookSenderTest.SHORT, 100),
        backlog,
        metrics,
        DebugStream.OFF);
  }

  private static void deliver(WebhookSender sender, WebhookEvent event) throws Exception {
    sender.deliver(event).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
