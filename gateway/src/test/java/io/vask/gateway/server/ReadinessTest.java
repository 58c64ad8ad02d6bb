package io.vask.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  private final AtomicBoolean connected = new AtomicBoolean();
  private final Readiness readiness = new Readiness(connected::get);

  @Test
  void aNodeThatNeverReachedTheClusterIsNotReady() {
    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reason()).isEqualTo("cluster never reached");
  }

  @Test
  void anOutageAfterTheClusterWasReachedLeavesTheNodeReadyAndDegraded() {
    connected.set(true);
    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.reason()).isEqualTo("ok");

    connected.set(false);
    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.reason()).startsWith("degraded");

    connected.set(true);
    assertThat(readiness.reason()).isEqualTo("ok");
  }

  @Test
  void aDrainingNodeIsNotReadyWhateverTheCluster() {
    connected.set(true);
    readiness.ready();
    readiness.startDraining();
    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reason()).isEqualTo("draining");
  }
}
