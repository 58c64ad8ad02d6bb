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
}
