package io.vask.gateway.cluster.nats;

import static io.vask.gateway.cluster.nats.ThreePods.api;
import static io.vask.gateway.cluster.nats.ThreePods.listen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.connection.ConnectionState;
import io.vask.gateway.cluster.nats.ThreePods.App;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product features across three gateway processes: occupancy webhooks once per transition and
 * de-bounced across pods, cache channels, sendToUser and terminate, subscription counts, the
 * cluster-wide connection cap, and two apps on one NATS that never see each other.
 */
class PodFeaturesIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final App ALPHA = App.named("alpha");
  private static final App BETA = App.named("beta");
  private static final App CAPPED = App.named("capped");
  private static WebhookReceiver receiver;
  private static ThreePods pods;

  @BeforeAll
  static void start() throws Exception {
    receiver = WebhookReceiver.start();
    String hooks =
        ",\"webhooks\":[{\"url\":\""
            + receiver.url("/hook")
            + "\",\"events\":[\"channel_occupied\",\"channel_vacated\"]}]";
    pods =
        new ThreePods(
            NATS.url(),
            "{\"apps\":["
                + app(ALPHA, "\"subscriptionCount\":true" + hooks)
                + ","
                + app(BETA, "\"subscriptionCount\":true")
                + ","
                + app(CAPPED, "\"maxConnections\":2")
                + "]}",
            3);
  }

  private static String app(App app, String extra) {
    return "{\"id\":\"%s\",\"key\":\"%s\",\"secret\":\"%s\",%s}"
        .formatted(app.id(), app.key(), app.secret(), extra);
  }

  @AfterAll
  static void stop() throws Exception {
    pods.close();
    receiver.close();
  }

  @Test
  void occupancyWebhooksComeOncePerTransitionAndAHopBetweenPodsIsDebounced() {
    Pusher onB = pods.client(pods.pod(1), ALPHA, null);
    Pusher onC = pods.client(pods.pod(2), ALPHA, null);
    listen(onB, "room-occ", "news");
    listen(onC, "room-occ", "news");
    onB.unsubscribe("room-occ");
    onC.unsubscribe("room-occ");
    await().atMost(Duration.ofSeconds(20)).until(() -> hooks("room-occ").size() == 2);

    Pusher onA = pods.client(pods.pod(0), ALPHA, null);
    listen(onA, "room-hop", "news");
    onA.unsubscribe("room-hop");
    listen(onB, "room-hop", "news"); // back within the 3 s grace, on another pod

    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(20))
        .until(() -> hooks("room-occ").size() == 2 && hooks("room-hop").size() == 1);
    assertThat(hooks("room-occ")).containsExactly("channel_occupied", "channel_vacated");
    assertThat(hooks("room-hop")).containsExactly("channel_occupied");
  }

  @Test
  void aCacheChannelsLastEventIsReplayedOnEveryPod() {
    api(pods.pod(0), ALPHA).trigger("cache-news", "news", Map.of("v", 7));
    for (int i = 0; i < 3; i++) {
      Pusher client = pods.client(pods.pod(i), ALPHA, null);
      List<String> got = listen(client, "cache-news", "news");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      assertThat(got.get(0)).contains("\"v\":7");
    }
  }

  @Test
  void sendToUserAndTerminateReachTheUsersConnectionsOnEveryPod() {
    List<String> received = new CopyOnWriteArrayList<>();
    List<Pusher> tabs =
        List.of(pods.client(pods.pod(1), ALPHA, "u1"), pods.client(pods.pod(2), ALPHA, "u1"));
    for (Pusher tab : tabs) {
      tab.signin();
      tab.user().bind("hello", e -> received.add(e.getData()));
    }
    Pusher other = pods.client(pods.pod(1), ALPHA, "u2");
    other.signin();
    other.user().bind("hello", e -> received.add("wrong user " + e.getData()));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              api(pods.pod(0), ALPHA)
                  .post(
                      "/events",
                      "{\"name\":\"hello\",\"channel\":\"#server-to-user-u1\",\"data\":\"hi\"}");
              return received.size() >= 2;
            });
    assertThat(received).allMatch(d -> d.equals("hi"));

    api(pods.pod(0), ALPHA).post("/users/u1/terminate_connections", "{}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tabs.stream()
                    .noneMatch(t -> t.getConnection().getState() == ConnectionState.CONNECTED));
    assertThat(other.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void subscriptionCountsAreClusterWide() {
    Pusher onB = pods.client(pods.pod(1), ALPHA, null);
    Pusher onC = pods.client(pods.pod(2), ALPHA, null);
    List<String> atB = listen(onB, "room-count", "pusher:subscription_count");
    listen(onC, "room-count", "pusher:subscription_count");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> atB.stream().anyMatch(d -> d.contains("\"subscription_count\":2")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api(pods.pod(0), ALPHA)
                    .get("/channels/room-count", Map.of("info", "subscription_count"))
                    .getMessage(),
            body -> body.contains("\"subscription_count\":2"));
  }

  @Test
  void connectionsAreCappedClusterWide() {
    pods.client(pods.pod(0), CAPPED, null);
    pods.client(pods.pod(1), CAPPED, null);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              Pusher third = pods.connecting(pods.pod(2), CAPPED);
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> third.getConnection().getState() != ConnectionState.CONNECTING);
              boolean refused = third.getConnection().getState() != ConnectionState.CONNECTED;
              third.disconnect();
              return refused;
            });
  }

  @Test
  void twoAppsOnOneNatsNeverSeeEachOther() {
    Pusher alphaOnC = pods.client(pods.pod(2), ALPHA, null);
    Pusher betaOnB = pods.client(pods.pod(1), BETA, null);
    List<String> alpha = listen(alphaOnC, "room-iso", "news");
    List<String> beta = listen(betaOnB, "room-iso", "news");

    api(pods.pod(0), ALPHA).trigger("room-iso", "news", Map.of("for", "alpha"));
    await().atMost(Duration.ofSeconds(10)).until(() -> alpha.size() == 1);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(beta::isEmpty);

    betaOnB.unsubscribe("room-iso");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> api(pods.pod(0), BETA).get("/channels").getMessage(),
            b -> !b.contains("room-iso"));
    assertThat(api(pods.pod(1), ALPHA).get("/channels").getMessage()).contains("room-iso");
  }

  private static List<String> hooks(String channel) {
    return receiver.events().stream()
        .filter(e -> channel.equals(e.path("channel").asText()))
        .map(e -> e.path("name").asText())
        .toList();
  }
}
