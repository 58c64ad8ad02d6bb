package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every {@link ConnectionQuota} does for one node: caps each app's open connections. */
public abstract class ConnectionQuotaContract extends ClusterNodeContract {

  private ConnectionQuota quota() {
    return cluster.membership().quota();
  }

  @Test
  void connectionsAreCappedPerApp() {
    assertThat(join(quota().connectionOpened(app, 2))).isTrue();
    assertThat(join(quota().connectionOpened(app, 2))).isTrue();
    assertThat(join(quota().connectionOpened(app, 2))).isFalse();
    quota().connectionClosed(app);
    assertThat(join(quota().connectionOpened(app, 2))).isTrue();
  }

  @Test
  void eachAppHasItsOwnCount() {
    assertThat(join(quota().connectionOpened(app, 1))).isTrue();
    assertThat(join(quota().connectionOpened(app + "-other", 1))).isTrue();
    assertThat(join(quota().connectionOpened(app, 1))).isFalse();
  }

  @Test
  void zeroMeansUnlimited() {
    for (int i = 0; i < 50; i++) {
      assertThat(join(quota().connectionOpened(app, 0))).isTrue();
    }
  }

  @Test
  void openConnectionsAreCountedPerApp() {
    for (int i = 0; i < 3; i++) {
      join(quota().connectionOpened(app, 0));
    }
    join(quota().connectionOpened(app + "-other", 0));
    quota().connectionClosed(app);
    assertThat(quota().connections(app)).isEqualTo(2);
    assertThat(quota().connections(app + "-other")).isEqualTo(1);
    assertThat(quota().connections(app + "-none")).isZero();
  }

  @Test
  void aRefusedConnectionIsNotCounted() {
    join(quota().connectionOpened(app, 1));
    join(quota().connectionOpened(app, 1));
    assertThat(quota().connections(app)).isEqualTo(1);
  }
}
