package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.protocol.PresenceMember;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link Presence} does for one node: unique members, added and removed once. */
public abstract class PresenceContract extends ClusterNodeContract {

  private Presence presence() {
    return cluster.membership().presence();
  }

  @Test
  void membersAreAddedOnceReturnWithinTheGraceAndAreRemovedAfterIt() {
    PresenceMember ann = new PresenceMember("ann", "{\"name\":\"Ann\"}");
    assertThat(join(presence().memberJoined(app, "presence-r", ann, 100)))
        .isEqualTo(MemberJoin.ADDED);
    assertThat(join(presence().members(app, "presence-r"))).containsExactly(ann);
    assertThat(join(presence().memberLeft(app, "presence-r", "ann"))).isTrue();
    assertThat(join(presence().memberJoined(app, "presence-r", ann, 100)))
        .isEqualTo(MemberJoin.RETURNED);
    assertThat(join(presence().memberLeft(app, "presence-r", "ann"))).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);
    assertThat(listener.seen).containsExactly("removed " + app + " presence-r ann");
    assertThat(join(presence().members(app, "presence-r"))).isEmpty();
  }

  @Test
  void aFullChannelRefusesNewMembers() {
    join(presence().memberJoined(app, "presence-r", new PresenceMember("a", null), 1));
    assertThat(join(presence().memberJoined(app, "presence-r", new PresenceMember("b", null), 1)))
        .isEqualTo(MemberJoin.FULL);
    assertThat(join(presence().members(app, "presence-r")))
        .extracting(PresenceMember::userId)
        .containsExactly("a");
  }

  @Test
  void aPresentMemberJoiningAgainIsAlreadyPresent() {
    PresenceMember ann = new PresenceMember("ann", null);
    join(presence().memberJoined(app, "presence-r", ann, 10));
    assertThat(join(presence().memberJoined(app, "presence-r", ann, 10)))
        .isEqualTo(MemberJoin.ALREADY_PRESENT);
  }

  @Test
  void aUserWhoWasNeverThereDoesNotLeave() {
    assertThat(join(presence().memberLeft(app, "presence-r", "nobody"))).isFalse();
  }
}
