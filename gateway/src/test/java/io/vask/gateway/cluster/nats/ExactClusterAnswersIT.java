package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three gateway processes, the races of issue 12 repeated with a fresh channel each time: a
 * subscription count reaches the other pod's subscribers with the value that includes the change,
 * and an event published right after {@code subscription_succeeded} on another pod is delivered.
 */
class ExactClusterAnswersIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final int TRIES = 50;
  private static final ThreePods.App APP = ThreePods.App.named("exact-it");
  private static ThreePods pods;

  @BeforeAll
  static void startPods() throws Exception {
    pods =
        new ThreePods(
            NATS.url(),
            "{\"apps\":[{\"id\":\""
                + APP.id()
                + "\",\"key\":\""
                + APP.key()
                + "\",\"secret\":\""
                + APP.secret()
                + "\",\"clientEvents\":true,\"subscriptionCount\":true}]}",
            3);
  }

  @AfterAll
  static void stopPods() throws Exception {
    pods.close();
  }

  private static TestSocket connect(int pod) {
    return TestSocket.connect(
        pods.pod(pod).port, "/app/" + APP.key() + "?protocol=7&client=it&version=1");
  }

  @Test
  void subscriptionCountsReachOtherPodsWithTheValueThatIncludesTheChange() {
    for (int i = 0; i < TRIES; i++) {
      String channel = "count-" + UUID.randomUUID();
      try (TestSocket a = connect(i % 3);
          TestSocket b = connect((i + 1) % 3)) {
        a.socketId();
        b.socketId();
        subscribe(a, channel, null);
        assertThat(count(a, channel)).isEqualTo(1);
        subscribe(b, channel, null);
        awaitCount(a, channel, 2, "try " + i + ": A after B joined");
        b.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
        awaitCount(a, channel, 1, "try " + i + ": A after B left");
      }
    }
  }

  @Test
  void aClientEventRightAfterSubscriptionSucceededOnAnotherPodIsDelivered() {
    for (int i = 0; i < TRIES; i++) {
      String channel = "private-after-" + UUID.randomUUID();
      try (TestSocket sender = connect(i % 3);
          TestSocket receiver = connect((i + 1) % 3)) {
        subscribe(sender, channel, sender.socketId());
        subscribe(receiver, channel, receiver.socketId());
        sender.send(
            "{\"event\":\"client-ping\",\"channel\":\""
                + channel
                + "\",\"data\":{\"n\":"
                + i
                + "}}");
        receiver.await("client-ping");
      }
    }
  }

  @Test
  void anApiEventRightAfterSubscriptionSucceededOnAnotherPodIsDelivered() {
    for (int i = 0; i < TRIES; i++) {
      String channel = "after-" + UUID.randomUUID();
      try (TestSocket receiver = connect((i + 1) % 3)) {
        receiver.socketId();
        subscribe(receiver, channel, null);
        ThreePods.api(pods.pod(i % 3), APP).trigger(channel, "news", Map.of("n", i));
        receiver.await("news");
      }
    }
  }

  /** Subscribes (signing private channels for {@code socketId}) and waits for the success. */
  private static void subscribe(TestSocket socket, String channel, String socketId) {
    String auth =
        socketId == null
            ? ""
            : ",\"auth\":\"" + APP.key() + ":" + sign(socketId + ":" + channel) + "\"";
    socket.send(
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"" + auth + "}}");
    socket.await(
        f ->
            "pusher_internal:subscription_succeeded".equals(f.path("event").asText())
                && channel.equals(f.path("channel").asText()),
        "subscription_succeeded " + channel);
  }

  private static int count(TestSocket socket, String channel) {
    JsonNode frame =
        socket.await(
            f ->
                "pusher_internal:subscription_count".equals(f.path("event").asText())
                    && channel.equals(f.path("channel").asText()),
            "subscription_count " + channel);
    return Json.parse(frame.get("data").asText()).orElseThrow().get("subscription_count").asInt();
  }

  /** Reads counts until {@code expected} comes (a stale value in between is allowed). */
  private static void awaitCount(TestSocket socket, String channel, int expected, String what) {
    socket.await(
        f ->
            "pusher_internal:subscription_count".equals(f.path("event").asText())
                && channel.equals(f.path("channel").asText())
                && Json.parse(f.get("data").asText())
                        .orElseThrow()
                        .get("subscription_count")
                        .asInt()
                    == expected,
        "subscription_count " + expected + " (" + what + ")");
  }

  private static String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(APP.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
