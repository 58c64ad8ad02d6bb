package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link Occupancy} does for one node: occupied once, vacated once after the grace. */
public abstract class OccupancyContract extends ClusterNodeContract {

  private Occupancy occupancy() {
    return cluster.membership().occupancy();
  }

  @Test
  void aChannelIsOccupiedOnceAndVacatedAfterTheGrace() {
    assertThat(join(occupancy().channelJoined(app, "room"))).isTrue();
    occupancy().channelLeft(app, "room");
    assertThat(listener.seen).isEmpty();

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);
    assertThat(listener.seen).containsExactly("vacated " + app + " room");
  }

  @Test
  void joiningAnOccupiedChannelAgainIsNoTransition() {
    assertThat(join(occupancy().channelJoined(app, "room"))).isTrue();
    assertThat(join(occupancy().channelJoined(app, "room"))).isFalse();
  }

  @Test
  void aChannelVacatedPastTheGraceIsOccupiedAnew() {
    join(occupancy().channelJoined(app, "room"));
    occupancy().channelLeft(app, "room");
    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() == 1);

    assertThat(join(occupancy().channelJoined(app, "room"))).isTrue();
  }
}
