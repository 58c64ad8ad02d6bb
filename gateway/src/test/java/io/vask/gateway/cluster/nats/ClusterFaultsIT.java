package io.vask.gateway.cluster.nats;

import static io.vask.gateway.cluster.nats.ThreePods.api;
import static io.vask.gateway.cluster.nats.ThreePods.listen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.Pusher;
import io.vask.gateway.cluster.nats.ThreePods.App;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults a cluster lives through: nats-server restarted under three gateways, then a webhook
 * receiver down for a minute while a gateway holding queued webhooks is killed and replaced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final App APP = App.named("faults");
  private static WebhookReceiver receiver;
  private static ThreePods pods;

  @BeforeAll
  static void start() throws Exception {
    receiver = WebhookReceiver.start();
    pods =
        new ThreePods(
            NATS.url(),
            "{\"apps\":[{\"id\":\"%s\",\"key\":\"%s\",\"secret\":\"%s\",\"webhooks\":[{\"url\":\"%s\",\"events\":[\"channel_occupied\",\"channel_vacated\"]}]}]}"
                .formatted(APP.id(), APP.key(), APP.secret(), receiver.url("/hook")),
            3);
  }

  @AfterAll
  static void stop() throws Exception {
    pods.close();
    receiver.close();
  }

  @Test
  @Order(1)
  void aRestartedNatsServerIsRecoveredWithoutClientActionAndPodsStayReadyDegraded()
      throws Exception {
    Pusher onB = pods.client(pods.pod(1), APP, null);
    List<String> atB = listen(onB, "room-restart", "news");

    NATS.stop();
    // degraded, not unready: each pod keeps its Service endpoint and serves its own sockets
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                pods.pods.stream()
                    .allMatch(p -> p.metrics().contains("\nvask_cluster_connected 0")));
    for (GatewayProcess pod : pods.pods) {
      assertThat(pod.ready()).isTrue();
      assertThat(pod.readiness()).contains("degraded");
    }
    api(pods.pod(1), APP).trigger("room-restart", "news", Map.of("during", "outage"));
    await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 1); // local delivery goes on

    NATS.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pods.pods.stream().allMatch(p -> p.readiness().contains("\"ok\"")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              api(pods.pod(0), APP).trigger("room-restart", "news", Map.of("after", "restart"));
              return atB.stream().anyMatch(d -> d.contains("restart"));
            });
    assertThat(api(pods.pod(2), APP).get("/channels").getMessage()).contains("room-restart");
  }

  @Test
  @Order(2)
  void webhooksQueuedThroughAReceiverOutageAndAKilledGatewayAreAllDelivered() throws Exception {
    receiver.failNext(Integer.MAX_VALUE);
    long downSince = System.currentTimeMillis();
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 3; i++) {
      for (int n = 0; n < 2; n++) {
        String channel = "hook-" + i + "-" + n;
        Pusher client = pods.client(pods.pod(i), APP, null);
        listen(client, channel, "news");
        client.unsubscribe(channel);
        expected.add("channel_occupied " + channel);
        expected.add("channel_vacated " + channel);
      }
    }
    try {
      await().atMost(Duration.ofSeconds(20)).until(() -> attempted().containsAll(expected));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      System.out.println("attempted: " + attempted());
      pods.pods.forEach(
          p ->
              p.metrics()
                  .lines()
                  .filter(l -> l.startsWith("vask_webhook") || l.startsWith("vask_cluster"))
                  .forEach(l -> System.out.println(p.name + " " + l)));
      throw e;
    }

    pods.pod(2).kill(); // may hold events it was retrying: they come back to the others
    pods.replace(2);
    await()
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(75))
        .until(() -> System.currentTimeMillis() - downSince >= 60_000);
    receiver.failNext(0);

    await().atMost(Duration.ofSeconds(120)).until(() -> delivered().keySet().containsAll(expected));
    Map<String, Integer> delivered = delivered();
    long duplicates = delivered.values().stream().mapToInt(c -> c - 1).sum();
    System.out.printf(
        "webhook outage: %d transitions, %d delivered, %d duplicate deliveries, %d failed attempts%n",
        expected.size(),
        delivered.size(),
        duplicates,
        receiver.requests().size() - receiver.accepted().size());
    assertThat(delivered.keySet()).containsAll(expected);
  }

  /** Transitions of the hook-* channels the receiver saw attempted (answered or not). */
  private static Set<String> attempted() {
    Set<String> seen = new TreeSet<>();
    receiver.events().forEach(e -> seen.add(describe(e)));
    return seen;
  }

  /** Accepted deliveries of each hook-* transition. */
  private static Map<String, Integer> delivered() {
    Map<String, Integer> counts = new HashMap<>();
    for (WebhookReceiver.Request request : receiver.accepted()) {
      for (JsonNode e : request.events()) {
        if (e.path("channel").asText().startsWith("hook-")) {
          counts.merge(describe(e), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static String describe(JsonNode e) {
    return e.path("name").asText() + " " + e.path("channel").asText();
  }
}
