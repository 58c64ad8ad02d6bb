package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.protocol.PresenceMember;
import org.junit.jupiter.api.Test;

/** What every {@link ChannelCounts} answers for one node: its own share, at once. */
public abstract class ChannelCountsContract extends ClusterNodeContract {

  private ChannelCounts counts() {
    return cluster.membership().counts();
  }

  @Test
  void countsAndChannelListsIncludeThisNodeAtOnce() {
    join(cluster.membership().occupancy().channelJoined(app, "room"));
    counts().localSubscriptionCount(app, "room", 3);
    join(cluster.membership().occupancy().channelJoined(app, "presence-x"));
    join(
        cluster
            .membership()
            .presence()
            .memberJoined(app, "presence-x", new PresenceMember("u", null), 10));

    assertThat(join(counts().stats(app, "room"))).isEqualTo(new ChannelStats(3, 0));
    assertThat(join(counts().channels(app, "presence-")).keySet()).containsExactly("presence-x");
    assertThat(join(counts().channels(app, "")).keySet()).containsExactly("presence-x", "room");
  }

  @Test
  void presenceChannelsCountTheirUniqueUsers() {
    join(cluster.membership().occupancy().channelJoined(app, "presence-x"));
    counts().localSubscriptionCount(app, "presence-x", 2);
    join(
        cluster
            .membership()
            .presence()
            .memberJoined(app, "presence-x", new PresenceMember("u", null), 10));

    assertThat(join(counts().stats(app, "presence-x"))).isEqualTo(new ChannelStats(2, 1));
    assertThat(join(counts().channels(app, "presence-")))
        .containsEntry("presence-x", new ChannelStats(2, 1));
  }

  @Test
  void anUnknownChannelHasNoCounts() {
    assertThat(join(counts().stats(app, "nowhere"))).isEqualTo(ChannelStats.EMPTY);
    assertThat(join(counts().channels(app, ""))).isEmpty();
  }
}
