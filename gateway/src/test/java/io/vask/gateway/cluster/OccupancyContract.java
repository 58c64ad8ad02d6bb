package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
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

  /**
   * A subscriber that leaves before its join was decided (subscribe, then unsubscribe at once) was
   * still there: the channel is occupied, then vacated, as Pusher reports it.
   */
  @Test
  void aChannelLeftBeforeItsJoinWasDecidedIsOccupiedThenVacated() {
    List<CompletionStage<Boolean>> joins = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      joins.add(occupancy().channelJoined(app, "blip-" + i));
      occupancy().channelLeft(app, "blip-" + i);
      expected.add("vacated " + app + " blip-" + i);
    }

    assertThat(joins).allSatisfy(joined -> assertThat(join(joined)).isTrue());
    await().atMost(Duration.ofSeconds(10)).until(() -> listener.seen.size() >= expected.size());
    assertThat(listener.seen).containsExactlyInAnyOrderElementsOf(expected);
  }
}
