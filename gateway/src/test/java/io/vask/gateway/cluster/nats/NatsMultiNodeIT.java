package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.cluster.BusRecorder;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.RecordingListener;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several NATS nodes in one JVM on a real nats-server: what only a cluster shows. Transitions are
 * decided once whichever node makes them, the grace spans nodes, events go only where there is
 * interest, dead nodes are evicted and a restarted server is recovered from.
 */
class NatsMultiNodeIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final long GRACE = 600;

  private final List<Node> nodes = new ArrayList<>();
  private final String app = "app" + UUID.randomUUID().toString().substring(0, 6);

  /** One node with what it heard. */
  record Node(
      Cluster cluster,
      RecordingListener heard,
      List<ChannelEvent> events,
      List<ControlMessage> controls) {}

  private Node node() throws Exception {
    Cluster cluster =
        NatsCluster.connect(NATS.url(), "n", Clock.systemUTC(), new NatsTimings(GRACE, 1500, 300));
    cluster.scope().serve(java.util.Map.of(app, "key-" + app));
    Node node =
        new Node(
            cluster,
            new RecordingListener(),
            new CopyOnWriteArrayList<>(),
            new CopyOnWriteArrayList<>());
    cluster.membership().start(node.heard());
    cluster.bus().start(BusRecorder.into(node.events(), node.controls()));
    nodes.add(node);
    return node;
  }

  @AfterEach
  void stop() {
    nodes.forEach(n -> n.cluster().close());
  }

  private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private List<String> heardByAll() {
    List<String> all = new ArrayList<>();
    nodes.forEach(n -> all.addAll(n.heard().seen));
    return all;
  }

  @Test
  void occupancyIsDecidedOnceAndALeaveOnOneNodeIsCancelledByAJoinOnAnother() throws Exception {
    Node a = node();
    Node b = node();
    assertThat(join(a.cluster().membership().occupancy().channelJoined(app, "room"))).isTrue();
    assertThat(join(b.cluster().membership().occupancy().channelJoined(app, "room"))).isFalse();
    a.cluster().membership().occupancy().channelLeft(app, "room");
    b.cluster().membership().occupancy().channelLeft(app, "room");
    assertThat(join(a.cluster().membership().occupancy().channelJoined(app, "room")))
        .isFalse(); // within the grace

    await()
        .during(Duration.ofMillis(GRACE * 3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> heardByAll().isEmpty());
    b.cluster().membership().occupancy().channelJoined(app, "room");
    a.cluster().membership().occupancy().channelLeft(app, "room");
    b.cluster().membership().occupancy().channelLeft(app, "room");
    await().atMost(Duration.ofSeconds(10)).until(() -> heardByAll().size() == 1);
    await()
        .during(Duration.ofMillis(GRACE * 2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> heardByAll().size() == 1);
    assertThat(heardByAll()).containsExactly("vacated " + app + " room");
  }

  @Test
  void membersCountsAndOnlineUsersAreTheSameFromEveryNode() throws Exception {
    Node a = node();
    Node b = node();
    PresenceMember ann = new PresenceMember("ann", "{\"n\":1}");
    assertThat(join(a.cluster().membership().presence().memberJoined(app, "presence-r", ann, 10)))
        .isEqualTo(MemberJoin.ADDED);
    assertThat(join(b.cluster().membership().presence().memberJoined(app, "presence-r", ann, 10)))
        .isEqualTo(MemberJoin.ALREADY_PRESENT);
    join(
        b.cluster()
            .membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("bob", null), 10));
    a.cluster().membership().counts().localSubscriptionCount(app, "room", 2);
    b.cluster().membership().counts().localSubscriptionCount(app, "room", 3);
    a.cluster().membership().users().userSignedIn(app, "ann");

    for (Node n : List.of(a, b)) {
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  join(n.cluster().membership().presence().members(app, "presence-r")).size() == 2
                      && join(n.cluster().membership().counts().stats(app, "room"))
                          .equals(new ChannelStats(5, 0))
                      && join(n.cluster()
                              .membership()
                              .users()
                              .onlineUsers(app, List.of("ann", "bob")))
                          .equals(java.util.Set.of("ann")));
    }
    assertThat(join(a.cluster().membership().presence().memberLeft(app, "presence-r", "ann")))
        .isFalse();
    assertThat(join(b.cluster().membership().presence().memberLeft(app, "presence-r", "ann")))
        .isTrue();
    assertThat(join(a.cluster().membership().quota().connectionOpened(app, 1))).isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !join(b.cluster().membership().quota().connectionOpened(app, 1)));
  }

  @Test
  void eventsReachOnlyInterestedNodesOnceWithTheExclusion() throws Exception {
    Node a = node();
    Node b = node();
    Node c = node();
    b.cluster().bus().addInterest(app, "room");
    byte[] frame = "{}".getBytes(StandardCharsets.UTF_8);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              a.cluster().bus().publish(new ChannelEvent(app, "room", frame, "9.9"));
              return !b.events().isEmpty();
            });
    a.cluster().bus().broadcast(new ControlMessage.TerminateUser(app, "u.1@x"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> c.controls().size() == 1 && b.controls().size() == 1);
    assertThat(c.events()).isEmpty();
    assertThat(b.events().get(0).excludeSocketId()).isEqualTo("9.9");
    assertThat(c.controls()).containsExactly(new ControlMessage.TerminateUser(app, "u.1@x"));
    assertThat(a.controls()).hasSize(1);
  }

  @Test
  void aDeadNodesMembershipsAreEvictedOnceByTheSurvivors() throws Exception {
    Node a = node();
    Node b = node();
    Node dying = node();
    join(dying.cluster().membership().occupancy().channelJoined(app, "presence-r"));
    join(
        dying
            .cluster()
            .membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("ann", null), 10));
    join(dying.cluster().membership().users().userSignedIn(app, "ann"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> join(a.cluster().membership().presence().members(app, "presence-r")).size() == 1);

    nodes.remove(dying);
    dying.cluster().close();

    await().atMost(Duration.ofSeconds(15)).until(() -> heardByAll().size() >= 4);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> heardByAll().size() == 4);
    assertThat(heardByAll())
        .containsExactlyInAnyOrder(
            "vacated " + app + " presence-r",
            "evicted " + app + " presence-r ann",
            "removed " + app + " presence-r ann",
            "offline " + app + " ann");
    assertThat(join(b.cluster().membership().presence().members(app, "presence-r"))).isEmpty();
  }

  @Test
  void aRestartedServerIsRecoveredWithoutHelp() throws Exception {
    Node a = node();
    Node b = node();
    join(
        a.cluster()
            .membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("ann", null), 10));
    b.cluster().bus().addInterest(app, "room");
    List<String> delivered = new CopyOnWriteArrayList<>();
    a.cluster()
        .outbox()
        .start(
            e -> {
              delivered.add(e.id());
              return java.util.concurrent.CompletableFuture.completedFuture(null);
            });

    NATS.stop();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !a.cluster().bus().healthy() && !b.cluster().membership().healthy());
    NATS.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> a.cluster().bus().healthy() && b.cluster().membership().healthy());

    byte[] frame = "{}".getBytes(StandardCharsets.UTF_8);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              a.cluster().bus().publish(new ChannelEvent(app, "room", frame, null));
              return !b.events().isEmpty();
            });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> join(b.cluster().membership().presence().members(app, "presence-r")).size() == 1);
    assertThat(heardByAll()).isEmpty();

    assertThat(join(b.cluster().membership().occupancy().channelJoined(app, "after-restart")))
        .isTrue();
    b.cluster()
        .outbox()
        .enqueue(
            new io.vask.gateway.cluster.WebhookEvent(
                "after-restart-" + app,
                app,
                1,
                io.vask.contract.WebhookEventType.CACHE_MISS,
                "c",
                java.util.Map.of()));
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered.contains("after-restart-" + app));
  }
}
