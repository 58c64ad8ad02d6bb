package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link OnlineUsers} does for one node: online once, offline once, no grace. */
public abstract class OnlineUsersContract extends ClusterNodeContract {

  private OnlineUsers users() {
    return cluster.membership().users();
  }

  @Test
  void usersComeOnlineOnceAndGoOfflineOnce() {
    assertThat(join(users().userSignedIn(app, "u1"))).isTrue();
    assertThat(join(users().onlineUsers(app, List.of("u1", "u2")))).isEqualTo(Set.of("u1"));
    assertThat(join(users().userSignedOut(app, "u1"))).isTrue();
    assertThat(join(users().onlineUsers(app, List.of("u1")))).isEmpty();
  }

  @Test
  void signingInAgainOrOutOfNothingIsNoTransition() {
    join(users().userSignedIn(app, "u1"));
    assertThat(join(users().userSignedIn(app, "u1"))).isFalse();
    assertThat(join(users().userSignedOut(app, "nobody"))).isFalse();
  }

  @Test
  void signingOutIsImmediate() {
    join(users().userSignedIn(app, "u1"));
    join(users().userSignedOut(app, "u1"));
    assertThat(join(users().userSignedIn(app, "u1"))).isTrue();
    assertThat(listener.seen).isEmpty();
  }
}
