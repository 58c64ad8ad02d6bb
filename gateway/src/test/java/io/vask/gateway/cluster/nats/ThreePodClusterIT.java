package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.data.PresenceUser;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three gateway processes on one real nats-server, with the real Pusher SDKs spread over them: what
 * a user on any pod sees is what one Pusher server would show. The kill -9 test runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreePodClusterIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final String APP = "cluster-it";
  private static final String KEY = "key-cluster-it";
  private static final String SECRET = "secret-cluster-it";
  private static final Set<String> TRANSITIONS =
      Set.of("channel_occupied", "channel_vacated", "member_added", "member_removed");

  private static final List<GatewayProcess> pods = new ArrayList<>();
  private static WebhookReceiver receiver;
  private static final List<Pusher> clients = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startPods() throws Exception {
    receiver = WebhookReceiver.start();
    Path dir = Files.createTempDirectory("vask-cluster-it");
    Path apps = dir.resolve("apps.json");
    Files.writeString(
        apps,
        "{\"apps\":[{\"id\":\""
            + APP
            + "\",\"key\":\""
            + KEY
            + "\",\"secret\":\""
            + SECRET
            + "\",\"webhooks\":[{\"url\":\""
            + receiver.url("/hook")
            + "\",\"events\":[\"channel_occupied\",\"channel_vacated\",\"member_added\","
            + "\"member_removed\"]}]}]}");
    for (String name : List.of("pod-a", "pod-b", "pod-c")) {
      pods.add(GatewayProcess.start(name, NATS.url(), apps, dir));
    }
  }

  @AfterAll
  static void stopPods() throws Exception {
    clients.forEach(Pusher::disconnect);
    for (GatewayProcess pod : pods) {
      pod.close();
    }
    receiver.close();
  }

  private static com.pusher.rest.Pusher api(GatewayProcess pod) {
    com.pusher.rest.Pusher api = new com.pusher.rest.Pusher(APP, KEY, SECRET);
    api.setHost("127.0.0.1:" + pod.port);
    return api;
  }

  private static Pusher client(GatewayProcess pod, String userId) {
    PusherOptions options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(pod.port)
            .setUseTLS(false)
            .setChannelAuthorizer(
                (channel, socketId) ->
                    channel.startsWith("presence-")
                        ? api(pod).authenticate(socketId, channel, new PresenceUser(userId))
                        : api(pod).authenticate(socketId, channel));
    Pusher client = new Pusher(KEY, options);
    client.connect();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.getConnection().getState() == ConnectionState.CONNECTED);
    clients.add(client);
    return client;
  }

  /** Subscribes and waits until the pod confirmed it. */
  private static List<String> listen(Pusher client, String channel) {
    List<String> data = new CopyOnWriteArrayList<>();
    var subscription =
        client.subscribe(
            channel,
            new com.pusher.client.channel.ChannelEventListener() {
              @Override
              public void onSubscriptionSucceeded(String name) {}

              @Override
              public void onEvent(PusherEvent event) {
                data.add(event.getData());
              }
            },
            "news");
    await().atMost(Duration.ofSeconds(20)).until(subscription::isSubscribed);
    return data;
  }

  @Test
  @Order(1)
  void anEventTriggeredOnOnePodReachesSubscribersOnTheOthersExceptTheExcludedSocket() {
    Pusher onB = client(pods.get(1), null);
    Pusher onC = client(pods.get(2), null);
    List<String> atB = listen(onB, "room-x");
    List<String> atC = listen(onC, "room-x");

    api(pods.get(0)).trigger("room-x", "news", java.util.Map.of("n", 1));
    await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 1 && atC.size() == 1);

    api(pods.get(0))
        .trigger("room-x", "news", java.util.Map.of("n", 2), onB.getConnection().getSocketId());
    await().atMost(Duration.ofSeconds(10)).until(() -> atC.size() == 2);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> atB.size() == 1);
    assertThat(atC.get(1)).contains("\"n\":2");
  }

  @Test
  @Order(2)
  void presenceMembersAndChannelQueriesAreTheSameFromEveryPodAndWebhooksComeOncePerTransition() {
    String channel = "presence-lobby";
    List<String> joined = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 3; i++) {
      Pusher client = client(pods.get(i), "user-" + i);
      var presence =
          client.subscribePresence(
              channel,
              new PresenceChannelEventListener() {
                @Override
                public void onUsersInformationReceived(String name, Set<User> users) {}

                @Override
                public void userSubscribed(String name, User user) {
                  joined.add(user.getId());
                }

                @Override
                public void userUnsubscribed(String name, User user) {}

                @Override
                public void onAuthenticationFailure(String message, Exception e) {}

                @Override
                public void onSubscriptionSucceeded(String name) {}

                @Override
                public void onEvent(PusherEvent event) {}
              });
      await().atMost(Duration.ofSeconds(20)).until(presence::isSubscribed);
    }
    for (GatewayProcess pod : pods) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> userIds(pod, channel), ids -> ids.equals(Set.of("user-0", "user-1", "user-2")));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  api(pod)
                      .get(
                          "/channels",
                          java.util.Map.of("filter_by_prefix", "presence-", "info", "user_count"))
                      .getMessage(),
              body -> body.contains("\"user_count\":3"));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> transitions(channel).size() == 4); // occupied + three member_added
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> transitions(channel).size() == 4);
    assertThat(transitions(channel))
        .containsExactlyInAnyOrder(
            "channel_occupied",
            "member_added user-0",
            "member_added user-1",
            "member_added user-2");
  }

  @Test
  @Order(3)
  void aKilledPodsMembersAreEvictedOnceAndTheOthersKeepServing() throws Exception {
    String channel = "presence-lobby";
    GatewayProcess victim = pods.get(2);
    victim.kill();

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> userIds(pods.get(0), channel), ids -> ids.equals(Set.of("user-0", "user-1")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> transitions(channel).contains("member_removed user-2"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> transitions(channel).size() == 5);
    assertThat(userIds(pods.get(1), channel)).containsExactlyInAnyOrder("user-0", "user-1");

    Pusher onB = client(pods.get(1), null);
    List<String> atB = listen(onB, "after-kill");
    api(pods.get(0)).trigger("after-kill", "news", java.util.Map.of("ok", true));
    await().atMost(Duration.ofSeconds(10)).until(() -> atB.size() == 1);
  }

  private static Set<String> userIds(GatewayProcess pod, String channel) {
    String body = api(pod).get("/channels/" + channel + "/users").getMessage();
    JsonNode users = Json.parse(body).map(j -> j.path("users")).orElse(null);
    Set<String> ids = new java.util.TreeSet<>();
    if (users != null) {
      users.forEach(u -> ids.add(u.path("id").asText()));
    }
    return ids;
  }

  private static List<String> transitions(String channel) {
    return receiver.events().stream()
        .filter(e -> channel.equals(e.path("channel").asText()))
        .filter(e -> TRANSITIONS.contains(e.path("name").asText()))
        .map(
            e ->
                e.path("name").asText() + (e.has("user_id") ? " " + e.get("user_id").asText() : ""))
        .toList();
  }
}
