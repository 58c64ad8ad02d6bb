package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.protocol.PresenceMember;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every cluster implementation does for one node, whatever carries it: transitions decided
 * once, the leave grace (PROTOCOL.md §10.3), counts, the cache and the outbox. Subclasses supply
 * the implementation; a short grace keeps the suite quick.
 */
public abstract class ClusterContract {
  protected static final long GRACE = 600;
  protected Cluster cluster;
  protected final RecordingListener listener = new RecordingListener();
  protected final List<ChannelEvent> delivered = new CopyOnWriteArrayList<>();
  protected final List<ControlMessage> controls = new CopyOnWriteArrayList<>();
  protected String app;

  /** A fresh node of the implementation under test, with {@code grace} for held leaves. */
  protected abstract Cluster newNode(long grace) throws Exception;

  @BeforeEach
  void startNode() throws Exception {
    app = "app" + UUID.randomUUID().toString().substring(0, 6);
    cluster = newNode(GRACE);
    cluster.store().start(listener);
    cluster.bus().start(recorder(delivered, controls));
  }

  @AfterEach
  void stopNode() {
    cluster.close();
  }

  public static BusListener recorder(List<ChannelEvent> events, List<ControlMessage> controls) {
    return new BusListener() {
      @Override
      public void deliver(ChannelEvent event) {
        events.add(event);
      }

      @Override
      public void control(ControlMessage message) {
        controls.add(message);
      }
    };
  }

  protected static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  @Test
  void aChannelIsOccupiedOnceAndVacatedAfterTheGrace() {
    assertThat(join(cluster.store().channelJoined(app, "room"))).isTrue();
    cluster.store().channelLeft(app, "room");
    assertThat(listener.seen).isEmpty();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);
    assertThat(listener.seen).containsExactly("vacated " + app + " room");
  }

  @Test
  void aReturnWithinTheGraceIsNeitherVacatedNorOccupied() {
    join(cluster.store().channelJoined(app, "room"));
    cluster.store().channelLeft(app, "room");
    assertThat(join(cluster.store().channelJoined(app, "room"))).isFalse();
    cluster.store().channelLeft(app, "other-never-joined");

    await()
        .during(Duration.ofMillis(GRACE * 3))
        .atMost(Duration.ofSeconds(10))
        .until(listener.seen::isEmpty);
    assertThat(listener.seen).isEmpty();
  }

  @Test
  void membersAreAddedOnceReturnWithinTheGraceAndAreRemovedAfterIt() {
    PresenceMember ann = new PresenceMember("ann", "{\"name\":\"Ann\"}");
    assertThat(join(cluster.store().memberJoined(app, "presence-r", ann, 100)))
        .isEqualTo(MemberJoin.ADDED);
    assertThat(join(cluster.store().members(app, "presence-r"))).containsExactly(ann);
    assertThat(join(cluster.store().memberLeft(app, "presence-r", "ann"))).isTrue();
    assertThat(join(cluster.store().memberJoined(app, "presence-r", ann, 100)))
        .isEqualTo(MemberJoin.RETURNED);
    assertThat(join(cluster.store().memberLeft(app, "presence-r", "ann"))).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);
    assertThat(listener.seen).containsExactly("removed " + app + " presence-r ann");
    assertThat(join(cluster.store().members(app, "presence-r"))).isEmpty();
  }

  @Test
  void aFullChannelRefusesNewMembers() {
    join(cluster.store().memberJoined(app, "presence-r", new PresenceMember("a", null), 1));
    assertThat(
            join(cluster.store().memberJoined(app, "presence-r", new PresenceMember("b", null), 1)))
        .isEqualTo(MemberJoin.FULL);
  }

  @Test
  void flushingDecidesEveryHeldLeave() {
    join(cluster.store().channelJoined(app, "room"));
    join(cluster.store().memberJoined(app, "presence-r", new PresenceMember("ann", null), 10));
    cluster.store().channelLeft(app, "room");
    join(cluster.store().memberLeft(app, "presence-r", "ann"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.store().flushPendingLeaves().toCompletableFuture().isDone()
                    && listener.seen.size() == 2);
    assertThat(listener.seen)
        .containsExactlyInAnyOrder(
            "vacated " + app + " room", "removed " + app + " presence-r ann");
  }

  @Test
  void countsAndChannelListsIncludeThisNodeAtOnce() {
    join(cluster.store().channelJoined(app, "room"));
    cluster.store().localSubscriptionCount(app, "room", 3);
    join(cluster.store().channelJoined(app, "presence-x"));
    join(cluster.store().memberJoined(app, "presence-x", new PresenceMember("u", null), 10));

    assertThat(join(cluster.store().stats(app, "room"))).isEqualTo(new ChannelStats(3, 0));
    assertThat(join(cluster.store().channels(app, "presence-")).keySet())
        .containsExactly("presence-x");
    assertThat(join(cluster.store().channels(app, "")).keySet())
        .containsExactly("presence-x", "room");
  }

  @Test
  void connectionsAreCappedPerApp() {
    assertThat(join(cluster.store().connectionOpened(app, 2))).isTrue();
    assertThat(join(cluster.store().connectionOpened(app, 2))).isTrue();
    assertThat(join(cluster.store().connectionOpened(app, 2))).isFalse();
    cluster.store().connectionClosed(app);
    assertThat(join(cluster.store().connectionOpened(app, 2))).isTrue();
  }

  @Test
  void usersComeOnlineOnceAndGoOfflineOnce() {
    assertThat(join(cluster.store().userSignedIn(app, "u1"))).isTrue();
    assertThat(join(cluster.store().onlineUsers(app, List.of("u1", "u2")))).isEqualTo(Set.of("u1"));
    assertThat(join(cluster.store().userSignedOut(app, "u1"))).isTrue();
    assertThat(join(cluster.store().onlineUsers(app, List.of("u1")))).isEmpty();
  }

  @Test
  void publishedEventsAndControlsReachThisNodeOnce() {
    cluster.bus().addInterest(app, "room");
    byte[] frame = "{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_8);
    cluster.bus().publish(new ChannelEvent(app, "room", frame, "1.2"));
    cluster.bus().broadcast(new ControlMessage.TerminateUser(app, "u1"));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> delivered.size() == 1);
    assertThat(delivered.get(0).excludeSocketId()).isEqualTo("1.2");
    assertThat(controls).containsExactly(new ControlMessage.TerminateUser(app, "u1"));
  }

  @Test
  void theCacheKeepsTheLastEventForItsTtl() {
    cluster.cache().put(app, "cache-room", "e1", "one", 60);
    cluster.cache().put(app, "cache-room", "e2", "two", 60);
    cluster.cache().put(app, "cache-short", "e", "x", 1);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                join(cluster.cache().get(app, "cache-room"))
                    .map(CachedEvent::data)
                    .orElse("")
                    .equals("two"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> join(cluster.cache().get(app, "cache-short")).isEmpty());
    assertThat(join(cluster.cache().get(app, "cache-never"))).isEmpty();
  }

  @Test
  void theOutboxDeliversEachEventOnceEvenWhenEnqueuedTwice() {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    cluster
        .outbox()
        .start(
            e -> {
              if (e.appId().equals(app)) {
                got.add(e);
              }
              return done;
            });
    WebhookEvent event =
        new WebhookEvent(
            UUID.randomUUID().toString(),
            app,
            42,
            io.vask.contract.WebhookEventType.CACHE_MISS,
            "c",
            java.util.Map.of());
    cluster.outbox().enqueue(event);
    cluster.outbox().enqueue(event);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> got.size() == 1);
    assertThat(got.get(0).fields()).containsEntry("name", "cache_miss");
    assertThat(cluster.outbox().depth()).isPositive();
    done.complete(null);
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.outbox().depth() == 0);
  }
}
