package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.protocol.PresenceMember;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@link LeaveGrace} as every mechanism applies it (PROTOCOL.md §10.3): a return within the
 * grace is no transition and the listener hears nothing; a leave that outlives it is heard once; a
 * flush decides every held leave. The lifecycle's other duties are checked here too.
 */
public abstract class LeaveGraceContract extends ClusterNodeContract {

  private Membership membership() {
    return cluster.membership();
  }

  @Test
  void aReturnWithinTheGraceIsNeitherVacatedNorOccupied() {
    join(membership().occupancy().channelJoined(app, "room"));
    membership().occupancy().channelLeft(app, "room");
    assertThat(join(membership().occupancy().channelJoined(app, "room"))).isFalse();
    membership().occupancy().channelLeft(app, "other-never-joined");

    await()
        .during(Duration.ofMillis(GRACE * 3))
        .atMost(Duration.ofSeconds(10))
        .until(listener.seen::isEmpty);
    assertThat(listener.seen).isEmpty();
  }

  @Test
  void aMemberReturningWithinTheGraceIsNeverRemoved() {
    PresenceMember ann = new PresenceMember("ann", null);
    join(membership().presence().memberJoined(app, "presence-r", ann, 10));
    join(membership().presence().memberLeft(app, "presence-r", "ann"));
    assertThat(join(membership().presence().memberJoined(app, "presence-r", ann, 10)))
        .isEqualTo(MemberJoin.RETURNED);

    await()
        .during(Duration.ofMillis(GRACE * 3))
        .atMost(Duration.ofSeconds(10))
        .until(listener.seen::isEmpty);
    assertThat(join(membership().presence().members(app, "presence-r"))).containsExactly(ann);
  }

  @Test
  void aMemberAwayPastTheGraceIsRemovedOnceAndAddedAnew() {
    PresenceMember ann = new PresenceMember("ann", null);
    join(membership().presence().memberJoined(app, "presence-r", ann, 10));
    join(membership().presence().memberLeft(app, "presence-r", "ann"));

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);
    assertThat(listener.seen).containsExactly("removed " + app + " presence-r ann");
    assertThat(join(membership().presence().memberJoined(app, "presence-r", ann, 10)))
        .isEqualTo(MemberJoin.ADDED);
  }

  @Test
  void flushingDecidesEveryHeldLeave() {
    join(membership().occupancy().channelJoined(app, "room"));
    join(
        membership()
            .presence()
            .memberJoined(app, "presence-r", new PresenceMember("ann", null), 10));
    membership().occupancy().channelLeft(app, "room");
    join(membership().presence().memberLeft(app, "presence-r", "ann"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                membership().flushPendingLeaves().toCompletableFuture().isDone()
                    && listener.seen.size() == 2);
    assertThat(listener.seen)
        .containsExactlyInAnyOrder(
            "vacated " + app + " room", "removed " + app + " presence-r ann");
  }

  @Test
  void aConnectedNodeIsHealthy() {
    assertThat(membership().healthy()).isTrue();
  }
}
