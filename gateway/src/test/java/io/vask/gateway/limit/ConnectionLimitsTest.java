package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(5 * SECOND);

  private ConnectionLimits limits(int pod, int perAddress, int perSecond, int tracked) {
    return new ConnectionLimits(
        new ConnectionLimits.Settings(pod, perAddress, perSecond, tracked), now::get);
  }

  @Test
  void aFullPodRefusesAndTakesAgainOnceAPlaceIsGivenBack() {
    ConnectionLimits limits = limits(2, 0, 0, 10);
    assertThat(limits.open("a")).isEmpty();
    assertThat(limits.open("b")).isEmpty();
    assertThat(limits.full()).isTrue();
    assertThat(limits.open("c")).contains(LimitReason.POD_CONNECTIONS);
    limits.closed("a");
    assertThat(limits.full()).isFalse();
    assertThat(limits.open("c")).isEmpty();
    assertThat(limits.openConnections()).isEqualTo(2);
  }

  @Test
  void oneAddressIsLimitedWhileOthersAreNot() {
    ConnectionLimits limits = limits(100, 2, 0, 10);
    assertThat(limits.open("a")).isEmpty();
    assertThat(limits.open("a")).isEmpty();
    assertThat(limits.open("a")).contains(LimitReason.IP_CONNECTIONS);
    assertThat(limits.open("b")).isEmpty();
    limits.closed("a");
    assertThat(limits.open("a")).isEmpty();
    assertThat(limits.openConnections()).isEqualTo(3);
  }

  @Test
  void newConnectionsPerAddressPerSecondRefillEachSecond() {
    ConnectionLimits limits = limits(100, 0, 3, 10);
    for (int i = 0; i < 3; i++) {
      assertThat(limits.open("a")).isEmpty();
      limits.closed("a");
    }
    assertThat(limits.open("a")).contains(LimitReason.IP_NEW_CONNECTIONS);
    assertThat(limits.open("b")).isEmpty();
    now.addAndGet(SECOND);
    assertThat(limits.open("a")).isEmpty();
  }

  @Test
  void trackedAddressesStayBoundedAndIdleOnesAreEvicted() {
    ConnectionLimits limits = limits(1000, 10, 10, 3);
    for (String address : new String[] {"a", "b", "c"}) {
      assertThat(limits.open(address)).isEmpty();
      limits.closed(address);
    }
    // all three are idle but their second has not passed: the table is full
    assertThat(limits.open("d")).contains(LimitReason.IP_TABLE_FULL);
    assertThat(limits.trackedAddresses()).isEqualTo(3);
    now.addAndGet(SECOND);
    assertThat(limits.open("d")).isEmpty();
    assertThat(limits.trackedAddresses()).isEqualTo(1);
    assertThat(limits.openConnections()).isEqualTo(1);
  }
}
