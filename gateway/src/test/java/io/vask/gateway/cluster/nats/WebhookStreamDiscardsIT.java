package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.vask.gateway.cluster.nats.ThreePods.App;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import io.vask.gateway.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook stream far too small for a receiver outage: the events it discards before the gateway
 * took them are counted in {@code vask_webhooks_dropped_total{reason="stream_limit"}}, exactly as
 * the NATS server's own stream and consumer state account for them, and never more than were lost
 * end to end.
 */
class WebhookStreamDiscardsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final App APP = App.named("discards");
  private static final String STREAM_LIMIT =
      "vask_webhooks_dropped_total{app=\"\",reason=\"stream_limit\"}";

  @Test
  void eventsTheStreamDiscardedUntakenAreCountedByStreamLimit() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        Connection raw = Nats.connect(NATS.url())) {
      receiver.failNext(Integer.MAX_VALUE); // the receiver is down
      ThreePods pods = pods(receiver);
      GatewayProcess pod = pods.pod(0);
      JetStreamManagement jsm = raw.jetStreamManagement();
      try (TestSocket first = socket(pod);
          TestSocket second = socket(pod)) {
        // more events than the gateway takes in hand (1000) and the stream holds (16 KiB)
        subscribe(first, "a-", 700);
        subscribe(second, "b-", 500);
        await().atMost(Duration.ofSeconds(180)).until(() -> lastSequence(jsm) >= 1200);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> metric(pod, "vask_webhooks_queue_depth") >= 1000);

        ConsumerInfo before = consumer(jsm);
        long stored = lastSequence(jsm);
        Thread.sleep(12_000); // a discard check after the last publish
        long countedBefore = metric(pod, STREAM_LIMIT);

        subscribe(first, "c-", 200);
        await().atMost(Duration.ofSeconds(120)).until(() -> lastSequence(jsm) == stored + 200);
        ConsumerInfo after = consumer(jsm);
        Thread.sleep(12_000);
        long counted = metric(pod, STREAM_LIMIT) - countedBefore;

        // the gateway held 1000 events and pulled no more: what left the stream untaken is lost
        assertThat(after.getDelivered().getStreamSequence())
            .isEqualTo(before.getDelivered().getStreamSequence());
        long lost = before.getNumPending() + 200 - after.getNumPending();
        assertThat(lost).isGreaterThan(100);
        assertThat(counted).isEqualTo(lost);

        receiver.failNext(0); // back: what the gateway held and what the stream kept arrive
        long held = 1000 + after.getNumPending();
        await().atMost(Duration.ofSeconds(120)).until(() -> occupied(receiver).size() >= held);
        long total = metric(pod, STREAM_LIMIT);
        System.out.printf(
            "stream limit: 1400 events, %d delivered, %d counted as discarded%n",
            occupied(receiver).size(), total);
        assertThat(occupied(receiver).size() + total).isLessThanOrEqualTo(1400);
      } finally {
        pods.close();
      }
    }
  }

  private static ThreePods pods(WebhookReceiver receiver) throws Exception {
    return new ThreePods(
        NATS.url(),
        ("{\"apps\":[{\"id\":\"%s\",\"key\":\"%s\",\"secret\":\"%s\",\"webhooks\":[{\"url\":"
                + "\"%s\",\"events\":[\"channel_occupied\"]}]}]}")
            .formatted(APP.id(), APP.key(), APP.secret(), receiver.url("/hook")),
        1,
        Map.of(
            "VASK_WEBHOOK_STREAM_MAX_BYTES", "16384",
            "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES", "16384",
            "VASK_SUBSCRIBES_PER_SECOND", "100000"));
  }

  private static TestSocket socket(GatewayProcess pod) {
    TestSocket socket = TestSocket.connect(pod.port, "/app/" + APP.key() + "?protocol=7");
    socket.await("pusher:connection_established");
    return socket;
  }

  private static void subscribe(TestSocket socket, String prefix, int channels) {
    for (int i = 0; i < channels; i++) {
      socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + prefix + i + "\"}}");
    }
  }

  private static long lastSequence(JetStreamManagement jsm) throws Exception {
    return jsm.getStreamInfo(NatsWebhookOutbox.STREAM).getStreamState().getLastSequence();
  }

  private static ConsumerInfo consumer(JetStreamManagement jsm) throws Exception {
    return jsm.getConsumerInfo(
        NatsWebhookOutbox.STREAM, NatsWebhookOutbox.CONSUMER_PREFIX + APP.id());
  }

  private static Set<String> occupied(WebhookReceiver receiver) {
    Set<String> channels = new TreeSet<>();
    receiver
        .accepted()
        .forEach(
            request -> request.events().forEach(e -> channels.add(e.path("channel").asText())));
    return channels;
  }

  /** The value of the first series whose line starts with {@code series}; 0 when absent. */
  static long metric(GatewayProcess pod, String series) {
    List<String> lines =
        pod.metrics().lines().filter(line -> line.startsWith(series + " ")).toList();
    return lines.isEmpty()
        ? 0
        : (long) Double.parseDouble(lines.get(0).substring(series.length()).trim());
  }
}
