package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.RecordingListener;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.testing.NatsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Occupancy decided while nats-server is stopped (then restarted on the same port and store) is
 * announced once it is back: 50 fresh channels occupied and vacated entirely within the outage each
 * get one channel_occupied and one channel_vacated; a channel another node held all along gets
 * neither.
 */
class OutageTransitionsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final int CHANNELS = 50;

  @Test
  void transitionsDecidedDuringAnOutageAreAnnouncedOnceBack() throws Exception {
    String app = "out" + UUID.randomUUID().toString().substring(0, 8);
    RecordingListener seenByA = new RecordingListener();
    RecordingListener seenByB = new RecordingListener();
    try (Cluster a = node(app, seenByA);
        Cluster b = node(app, seenByB)) {
      b.membership().occupancy().channelJoined(app, "held").toCompletableFuture().join();
      b.membership().users().userSignedIn(app, "leaver").toCompletableFuture().join();

      NATS.stop();
      await().atMost(Duration.ofSeconds(20)).until(() -> !a.membership().healthy());
      List<String> blips = new ArrayList<>();
      for (int i = 0; i < CHANNELS; i++) {
        String channel = "blip-" + i;
        a.membership().occupancy().channelJoined(app, channel);
        a.membership().occupancy().channelLeft(app, channel);
        blips.add(channel);
      }
      for (int i = 0; i < CHANNELS; i++) {
        a.membership().users().userSignedIn(app, "user-" + i);
        a.membership().users().userSignedOut(app, "user-" + i);
      }
      a.membership().occupancy().channelJoined(app, "held");
      a.membership().occupancy().channelLeft(app, "held");
      b.membership().users().userSignedOut(app, "leaver");
      NATS.start();

      List<String> expected = new ArrayList<>();
      blips.forEach(c -> expected.add("occupied " + app + " " + c));
      blips.forEach(c -> expected.add("vacated " + app + " " + c));
      for (int i = 0; i < CHANNELS; i++) {
        expected.add("online " + app + " user-" + i);
        expected.add("offline " + app + " user-" + i);
      }
      expected.add("offline " + app + " leaver");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(all(seenByA, seenByB)).containsAll(expected));
      Thread.sleep(3000); // a duplicate or an announcement of "held" would come meanwhile
      assertThat(all(seenByA, seenByB)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void whileNatsIsDownANodeAdmitsWithinItsLeaseAndNoNewPresenceMember() throws Exception {
    String app = "out" + UUID.randomUUID().toString().substring(0, 8);
    try (Cluster a = node(app, new RecordingListener());
        Cluster b = node(app, new RecordingListener())) {
      var quota = a.membership().quota();
      assertThat(quota.connectionOpened(app, 1000).toCompletableFuture().join()).isTrue();
      var presence = b.membership().presence();
      presence
          .memberJoined(app, "presence-p", new PresenceMember("ann", null), 10)
          .toCompletableFuture()
          .join();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  !a.membership()
                      .presence()
                      .members(app, "presence-p")
                      .toCompletableFuture()
                      .join()
                      .isEmpty());

      NATS.stop();
      await().atMost(Duration.ofSeconds(20)).until(() -> !a.membership().healthy());
      int admitted = 1;
      while (admitted < 1000 && succeeded(quota.connectionOpened(app, 1000))) {
        admitted++;
      }
      // the first connect leased a block (a quarter of what was free, at most 16)
      assertThat(admitted).isEqualTo(NatsConnectionQuota.MAX_BLOCK);
      assertThat(
              a.membership()
                  .presence()
                  .memberJoined(app, "presence-p", new PresenceMember("ann", null), 10)
                  .toCompletableFuture()
                  .join())
          .isEqualTo(MemberJoin.ALREADY_PRESENT);
      assertThat(
              succeeded(
                  a.membership()
                      .presence()
                      .memberJoined(app, "presence-p", new PresenceMember("bob", null), 10)))
          .isFalse();
      NATS.start();
    }
  }

  private static boolean succeeded(java.util.concurrent.CompletionStage<?> stage) {
    try {
      Object value = stage.toCompletableFuture().join();
      return !Boolean.FALSE.equals(value);
    } catch (java.util.concurrent.CompletionException refused) {
      return false;
    }
  }

  private static List<String> all(RecordingListener... listeners) {
    List<String> lines = new ArrayList<>();
    for (RecordingListener l : listeners) {
      l.seen.stream().filter(s -> !s.startsWith("count ")).forEach(lines::add);
    }
    return lines;
  }

  private static Cluster node(String app, RecordingListener listener) throws Exception {
    Cluster node = ContractNodes.connect(NATS, 600);
    node.scope().serve(Map.of(app, "key-" + app));
    node.membership().start(listener);
    return node;
  }
}
