package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.cluster.BusRecorder;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.RecordingListener;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.testing.NatsServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nodes on one NATS take up only the apps they serve, and refuse an id another fleet owns. */
class NatsAppScopeTest {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final long GRACE = 600;

  private final String app = "app" + UUID.randomUUID().toString().substring(0, 6);
  private final String other = "other" + UUID.randomUUID().toString().substring(0, 6);
  private final List<Node> nodes = new ArrayList<>();

  record Node(Cluster cluster, RecordingListener heard, List<ControlMessage> controls) {}

  private Node serving(String appId) throws Exception {
    Cluster cluster =
        NatsCluster.connect(NATS.url(), "n", Clock.systemUTC(), new NatsTimings(GRACE, 1500, 300));
    Node node = new Node(cluster, new RecordingListener(), new CopyOnWriteArrayList<>());
    nodes.add(node);
    assertThat(cluster.scope().serve(Map.of(appId, "key-" + appId))).isEmpty();
    cluster.membership().start(node.heard());
    List<ChannelEvent> events = new CopyOnWriteArrayList<>();
    cluster.bus().start(BusRecorder.into(events, node.controls()));
    return node;
  }

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.cluster().close());
  }

  private static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  @Test
  void anotherAppsPresenceCountsAndControlMessagesNeverReachANode() throws Exception {
    Node a = serving(app);
    Node fellow = serving(app);
    Node stranger = serving(other);
    join(
        a.cluster()
            .membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("ann", "{\"secret\":1}"), 10));
    a.cluster().membership().counts().localSubscriptionCount(app, "room", 4);
    a.cluster().bus().broadcast(new ControlMessage.UserStatus(app, "ann", true));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                join(fellow.cluster().membership().presence().members(app, "presence-r")).size()
                        == 1
                    && join(fellow.cluster().membership().counts().stats(app, "room"))
                        .equals(new ChannelStats(4, 0))
                    && !fellow.controls().isEmpty());
    assertThat(join(stranger.cluster().membership().presence().members(app, "presence-r")))
        .isEmpty();
    assertThat(join(stranger.cluster().membership().counts().stats(app, "room")))
        .isEqualTo(ChannelStats.EMPTY);
    assertThat(stranger.controls()).isEmpty();
  }

  @Test
  void onlyNodesServingTheAppEvictADeadNodesMembers() throws Exception {
    Node dying = serving(app);
    Node fellow = serving(app);
    Node stranger = serving(other);
    join(
        dying
            .cluster()
            .membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("ann", null), 10));
    join(dying.cluster().membership().occupancy().channelJoined(app, "room"));
    dying.cluster().close(); // its heartbeat goes: survivors evict what it held
    nodes.remove(dying);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> fellow.heard().seen.contains("vacated " + app + " room"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> stranger.heard().seen.isEmpty());
  }

  @Test
  void anAppIdOwnedWithAnotherKeyIsRefusedAndTheSameKeyJoins() throws Exception {
    serving(app);
    Cluster second =
        NatsCluster.connect(NATS.url(), "n", Clock.systemUTC(), new NatsTimings(GRACE, 1500, 300));
    nodes.add(new Node(second, new RecordingListener(), List.of()));

    assertThat(second.scope().serve(Map.of(app, "another-key", other, "key-" + other)))
        .containsExactly(app);
    assertThat(second.scope().serve(Map.of(app, "key-" + app))).isEqualTo(Set.of());
  }
}
