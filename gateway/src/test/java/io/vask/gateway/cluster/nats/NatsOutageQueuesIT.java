package io.vask.gateway.cluster.nats;

import static io.vask.gateway.cluster.nats.ThreePods.api;
import static io.vask.gateway.cluster.nats.WebhookStreamDiscardsIT.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.cluster.nats.ThreePods.App;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import io.vask.gateway.testing.WebhookReceiver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * nats-server stopped under two gateways while one of them is driven past small configured bounds
 * (channel events for the other gateway, membership writes, cache writes, webhooks): every queue
 * toward NATS stays within its bound, what it refused is counted, and once nats-server is back on
 * the same port and store the cluster works again without client action.
 */
class NatsOutageQueuesIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final App APP = App.named("outage");

  /** The bound of each queue, by the {@code queue} label, as configured below. */
  private static final Map<String, Long> BOUNDS =
      Map.of(
          "vask_cluster_queue_bytes{queue=\"publishes\"}", 65_536L,
          "vask_cluster_queue_bytes{queue=\"webhooks\"}", 4096L,
          "vask_cluster_queue_entries{queue=\"membership_writes\"}", 4 * 100L,
          "vask_cluster_queue_entries{queue=\"cache_writes\"}", 100L);

  @Test
  void queuesStayWithinTheirBoundsThroughAnOutageAndTheClusterRecovers() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        ThreePods pods = pods(receiver);
        TestSocket onB = socket(pods.pod(1));
        TestSocket onA = socket(pods.pod(0))) {
      GatewayProcess a = pods.pod(0);
      onB.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"room\"}}");
      onB.await("pusher_internal:subscription_succeeded");
      BOUNDS.forEach(
          (series, bound) ->
              assertThat(metric(a, series.replace("_queue_", "_queue_max_"))).isEqualTo(bound));

      NATS.stop();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> a.metrics().contains("\nvask_cluster_connected 0"));
      Map<String, Long> highest = new ConcurrentHashMap<>();
      Thread sampler = sampler(a, highest);
      try {
        // membership writes wait for the reconnect (the janitor writes them), not in the lanes;
        // the cache reads and cache_miss webhooks of these subscriptions do queue
        for (int i = 0; i < 600; i++) {
          onA.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"cache-w" + i + "\"}}");
        }
        String data = "x".repeat(4000);
        for (int i = 0; i < 60; i++) { // channel events for pod B, cache writes
          api(a, APP).trigger("room", "news", Map.of("n", i, "data", data));
          api(a, APP).trigger("cache-c" + i, "news", Map.of("data", data));
        }
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  assertThat(metric(a, "vask_cluster_publishes_dropped"))
                      .as("vask_cluster_publishes_dropped")
                      .isPositive();
                  assertThat(metric(a, "vask_cluster_cache_writes_dropped"))
                      .as("vask_cluster_cache_writes_dropped")
                      .isPositive();
                  assertThat(metric(a, "vask_webhooks_outbox_lost"))
                      .as("vask_webhooks_outbox_lost")
                      .isPositive();
                });
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        a.metrics()
            .lines()
            .filter(l -> l.startsWith("vask_cluster") || l.startsWith("vask_webhooks"))
            .forEach(System.out::println);
        throw e;
      } finally {
        sampler.interrupt();
        sampler.join();
      }
      System.out.println("outage queues, highest seen: " + highest);
      BOUNDS.forEach(
          (series, bound) -> assertThat(highest.get(series)).as(series).isLessThanOrEqualTo(bound));
      assertThat(highest.get("vask_cluster_queue_bytes{queue=\"publishes\"}")).isPositive();

      NATS.start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> pods.pods.stream().allMatch(p -> p.readiness().contains("\"ok\"")));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                api(a, APP).trigger("room", "news", Map.of("after", "restart"));
                onB.await(f -> f.path("data").asText().contains("restart"), "after the restart");
              });
    }
  }

  /** Scrapes {@code pod} every 100 ms, keeping the highest value of each bounded queue. */
  private static Thread sampler(GatewayProcess pod, Map<String, Long> highest) {
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                String text = pod.metrics();
                for (String series : BOUNDS.keySet()) {
                  text.lines()
                      .filter(line -> line.startsWith(series + " "))
                      .findFirst()
                      .map(line -> (long) Double.parseDouble(line.substring(series.length())))
                      .ifPresent(value -> highest.merge(series, value, Math::max));
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    return sampler;
  }

  private static ThreePods pods(WebhookReceiver receiver) throws Exception {
    return new ThreePods(
        NATS.url(),
        ("{\"apps\":[{\"id\":\"%s\",\"key\":\"%s\",\"secret\":\"%s\",\"webhooks\":[{\"url\":"
                + "\"%s\",\"events\":[\"cache_miss\"]}]}]}")
            .formatted(APP.id(), APP.key(), APP.secret(), receiver.url("/hook")),
        2,
        Map.of(
            "VASK_CLUSTER_PUBLISH_BUFFER_BYTES", "65536",
            "VASK_CLUSTER_MEMBERSHIP_QUEUE", "100",
            "VASK_CLUSTER_CACHE_QUEUE", "100",
            "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES", "4096",
            "VASK_SUBSCRIBES_PER_SECOND", "100000"));
  }

  private static TestSocket socket(GatewayProcess pod) {
    TestSocket socket = TestSocket.connect(pod.port, "/app/" + APP.key() + "?protocol=7");
    socket.await("pusher:connection_established");
    return socket;
  }
}
